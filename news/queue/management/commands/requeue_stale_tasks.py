"""Put tasks back in the queue that a worker started and never finished.

A worker stopped with SIGTERM or Ctrl+C finishes its task first; one that was killed
(SIGKILL, a crash, the machine going down) leaves its task "running" for ever. Every task
of this project may run twice (purges, webhook deliveries with their idempotency id), so
such a task is made ready again. Run before starting the workers (deploy/systemd).
"""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult


class Command(BaseCommand):
    help = "Make tasks left running by a killed worker ready again."

    def add_arguments(self, parser):
        parser.add_argument(
            "--older-than",
            type=int,
            default=settings.TASKS_STALE_AFTER,
            help="Seconds since the task started (default: settings.TASKS_STALE_AFTER).",
        )

    def handle(self, *, older_than, **options):
        started_before = timezone.now() - datetime.timedelta(seconds=max(older_than, 0))
        count = DBTaskResult.objects.filter(
            status=TaskResultStatus.RUNNING, started_at__lte=started_before
        ).update(status=TaskResultStatus.READY, started_at=None)
        self.stdout.write(f"{count} task(s) made ready again.")
