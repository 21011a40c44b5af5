from django.core.management.base import BaseCommand, CommandError
from django.db import connections
from django.utils import timezone

from cms.operations.backup import BackupError, backup


class Command(BaseCommand):
    help = (
        "Back up the site: pg_dump of the PostgreSQL database and a tar of the media files, "
        "in a folder with a manifest of checksums (README, 'Backup and restore')."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            help="Folder to write (default: backups/<UTC timestamp>).",
        )
        parser.add_argument("--database", default="default", help="Database alias.")
        parser.add_argument("--no-media", action="store_true", help="Leave the media out.")

    def handle(self, *args, **options):
        output = options["output"] or f"backups/{timezone.now():%Y%m%dT%H%M%SZ}"
        try:
            manifest = backup(
                connections[options["database"]].settings_dict,
                output,
                include_media=not options["no_media"],
            )
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Backed up {manifest['database']} to {output}")
