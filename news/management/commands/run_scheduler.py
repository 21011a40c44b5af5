"""``manage.py run_scheduler``: publish and unpublish scheduled pages, every N seconds.

Wagtail's "Schedule to publish" (go-live and expiry dates) only stores the dates: something
must run its ``publish_scheduled`` command for a scheduled page to go live or come down.
This command is that process: it runs ``publish_scheduled`` at once, then every
``--interval`` seconds (default ``NEWS_SCHEDULER_INTERVAL``, 30) until it is stopped
(SIGTERM or Ctrl-C), so that a page goes live or down within that interval of its time.
Publishing through it sends Wagtail's ``page_published``/``page_unpublished`` signals, so
listings get a new version and the edge cache is purged as for a publish in the admin.

``manage.py runserver`` starts it beside the development server (news/management/commands/
runserver.py); in production run it as a service (deploy/systemd/kaunas-news-scheduler.service)
or run ``publish_scheduled`` from a timer (deploy/systemd/kaunas-news-publish-scheduled.timer).
"""

import logging
import signal
import threading

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import close_old_connections

logger = logging.getLogger("cms.scheduler")


class Command(BaseCommand):
    help = "Run Wagtail's publish_scheduled every --interval seconds, until stopped."

    def add_arguments(self, parser):
        parser.add_argument(
            "--interval",
            type=float,
            default=getattr(settings, "NEWS_SCHEDULER_INTERVAL", 30),
            help="Seconds between two runs of publish_scheduled (default 30).",
        )
        parser.add_argument(
            "--once", action="store_true", help="Run publish_scheduled once, then exit."
        )

    def handle(self, *args, interval, once, **options):
        stopping = threading.Event()

        def stop(signum, frame):
            stopping.set()

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        self.stdout.write(f"Publishing scheduled pages every {interval:g} s.")
        self.stdout.flush()
        while True:
            close_old_connections()
            try:
                call_command("publish_scheduled", stdout=self.stdout, stderr=self.stderr)
            except Exception:  # a database hiccup must not end the scheduler
                logger.exception("publish_scheduled failed")
            self.stdout.flush()
            if once or stopping.wait(max(interval, 0.1)):
                break
        close_old_connections()
