from django.conf import settings
from django.core.management.base import BaseCommand

from cms.operations.catalogs import compile_catalogs


class Command(BaseCommand):
    help = "Compile the project's UI translations (locale/*/LC_MESSAGES/*.po) into .mo files."

    def handle(self, *args, **options):
        for mo_path in compile_catalogs(settings.LOCALE_PATHS):
            self.stdout.write(f"Compiled {mo_path}")
