from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse

from news.demo.loader import DEV_ADMIN_PASSWORD, DEV_ADMIN_USERNAME, load_demo
from news.demo.translation import SegmentMismatch


class Command(BaseCommand):
    help = (
        "Create the demo content: the Lithuanian site with its articles and their English "
        "translations made through wagtail-localize, plus, under DEBUG only, a development "
        "admin account. Idempotent: what already exists is left untouched."
    )

    def handle(self, *args, **options):
        try:
            report = load_demo(create_admin=settings.DEBUG)
        except SegmentMismatch as error:
            raise CommandError(f"The demo content does not match the pages: {error}") from error
        except ValueError as error:  # DEMO_SITE_ADDRESS is not host[:port]
            raise CommandError(str(error)) from error

        if options["verbosity"] == 0:
            return
        for line in report.summary(verbose=options["verbosity"] > 1):
            self.stdout.write(line)
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS("Demo content is loaded."))
        self.write_admin_login(report)

    def write_admin_login(self, report):
        if report.admin_created is None:
            self.stdout.write(
                "DEBUG is off: no admin account was created (use `manage.py createsuperuser`)."
            )
            return
        if report.admin_created:
            password = DEV_ADMIN_PASSWORD
        else:
            password = f"unchanged ({DEV_ADMIN_PASSWORD} unless it was changed since)"
        self.stdout.write(
            "Admin login (development only):\n"
            f"  URL:      {settings.WAGTAILADMIN_BASE_URL}{reverse('wagtailadmin_home')}\n"
            f"  username: {DEV_ADMIN_USERNAME}\n"
            f"  password: {password}"
        )
