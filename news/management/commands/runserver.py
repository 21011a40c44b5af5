"""``manage.py runserver``, which also runs the scheduler (``run_scheduler``) beside it.

Scheduled publishing needs a process that runs Wagtail's ``publish_scheduled`` (README,
"Scheduled publishing"): in development this starts ``manage.py run_scheduler`` as a child
process of the outer runserver process (not of the reloaded one, so that code reloads do not
start it again), and stops it when the server stops. ``--no-scheduler`` leaves it out.
"""

import os
import signal
import subprocess
import sys

from django.conf import settings
from django.contrib.staticfiles.management.commands.runserver import Command as RunServer


class Command(RunServer):
    help = RunServer.help + " Also runs the scheduled publishing process (run_scheduler)."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--no-scheduler",
            action="store_false",
            dest="use_scheduler",
            help="Do not start run_scheduler beside the server.",
        )

    def handle(self, *args, **options):
        scheduler = None
        if options["use_scheduler"] and os.environ.get("RUN_MAIN") != "true":
            manage = os.path.join(settings.BASE_DIR, "manage.py")
            scheduler = subprocess.Popen([sys.executable, manage, "run_scheduler"])  # noqa: S603
            # Stopped by SIGTERM too (Django's reloader does this; --noreload does not).
            signal.signal(signal.SIGTERM, lambda *args: sys.exit(0))
        try:
            super().handle(*args, **options)
        finally:
            if scheduler is not None:
                scheduler.terminate()
                try:
                    scheduler.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    scheduler.kill()
