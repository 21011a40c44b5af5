"""``manage.py refresh_translation_statuses``: bring the kept translation statuses up to date.

The Translations report and the translator's work queue read the statuses kept in a table
(``news.translation.models``), which they refresh themselves before reading. This command
does it ahead of them (after bulk writes, say, so that the first translator to open the
report does not wait for it; the tables are analysed first), or with ``--all`` computes every
status again, as ``update_index`` rebuilds a search index: the safety net if the table were
ever written by hand."""

import time

from django.core.management.base import BaseCommand

from news.translation.kept_statuses import rebuild_kept_statuses, refresh_after_bulk_writes
from news.translation.models import KeptStatus


class Command(BaseCommand):
    help = "Refresh the kept translation statuses of changed articles (--all: of every one)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--all", dest="every", action="store_true", help="compute every status again"
        )

    def handle(self, *args, every, **options):
        started = time.perf_counter()
        notes = rebuild_kept_statuses() if every else refresh_after_bulk_writes()
        self.stdout.write(
            f"{notes} change(s) read, {KeptStatus.objects.count()} statuses kept, "
            f"in {time.perf_counter() - started:.1f} s."
        )
