from django.core.management.base import BaseCommand, CommandError
from django.db import connections

from cms.operations.backup import BackupError, restore, settings_dict_from_url


class Command(BaseCommand):
    help = (
        "Restore a backup made by backup_site: the database with pg_restore, then the media "
        "files. Restores into an empty database unless --replace is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", help="The backup folder.")
        parser.add_argument(
            "--database-url",
            help="Database to restore into (default: the site's database).",
        )
        parser.add_argument("--media-root", help="Where to put the media (default: MEDIA_ROOT).")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Drop and replace the objects of a database that is not empty.",
        )

    def handle(self, *args, **options):
        if options["database_url"]:
            target = settings_dict_from_url(options["database_url"])
        else:
            target = connections["default"].settings_dict
        try:
            restore(
                options["folder"], target, media_root=options["media_root"],
                replace=options["replace"],
            )  # fmt: skip
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Restored {options['folder']} into {target['NAME']}")
