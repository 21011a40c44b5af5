"""The real worker process (`manage.py db_worker`) against the test database: stopped,
killed and started again, it loses nothing. PostgreSQL only: on SQLite the test database
lives in the memory of the pytest process, where no other process can read it (CI runs the
suite on PostgreSQL too)."""

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from news.webhooks.models import EVENT_CHOICES, WebhookDelivery, WebhookEndpoint

from ..caching.edge import DB_WORKER
from ..factories import build_site_tree, create_article
from ..webhooks.receiver import Receiver

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
BASE_DIR = Path(__file__).resolve().parents[2]
SECRET = "worker-test-secret"


def worker_environment():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: a worker process cannot reach SQLite's in-memory test DB")
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    url = f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
    return {
        **os.environ,
        "DATABASE_URL": f"{url}/{db['NAME']}",
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "TASKS_BACKEND": "database",
    }


class WorkerProcess:
    def __init__(self, environment):
        self.environment = environment
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            DB_WORKER,
            cwd=BASE_DIR,
            env=self.environment,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    def stop(self, sig=signal.SIGTERM):
        if self.process and self.process.poll() is None:
            self.process.send_signal(sig)
            self.process.wait(30)
        code, self.process = (self.process.returncode if self.process else None), None
        return code


def wait_for(condition, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    raise AssertionError("timed out waiting")


def publish(page, title):
    page.title = title
    page.save_revision().publish()


def test_a_worker_stopped_killed_and_started_again_loses_nothing(settings):
    environment = worker_environment()
    settings.TASKS = {"default": {"BACKEND": "news.queue.backends.DatabaseQueueBackend"}}
    tree = build_site_tree()
    receiver = Receiver(secret=SECRET).start()
    WebhookEndpoint.objects.create(
        name="Front-end", url=receiver.url, secret=SECRET, events=[c for c, _ in EVENT_CHOICES]
    )
    first = create_article(tree.news_lt, "Pirmas")
    second = create_article(tree.news_lt, "Antras")
    worker = WorkerProcess(environment)
    try:
        # A running worker delivers a publish.
        worker.start()
        publish(first, "Pirmas v1")
        wait_for(lambda: len(receiver.requests) == 1)
        assert worker.stop() == 0  # SIGTERM: a graceful stop

        # Stopped: changes wait in the queue.
        publish(second, "Antras v1")
        time.sleep(1)
        assert len(receiver.requests) == 1
        assert WebhookDelivery.objects.filter(status="pending").count() == 1

        # Killed in the middle of a delivery: its task stays "running".
        receiver.delay = 1.5
        worker.start()
        wait_for(lambda: len(receiver.requests) == 2)
        worker.stop(signal.SIGKILL)
        assert DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING).count() == 1
        publish(first, "Pirmas v2")

        # Started again after requeue_stale_tasks (the systemd unit runs it first).
        receiver.delay = 0
        call_command("requeue_stale_tasks", "--older-than", "0")
        worker.start()
        wait_for(lambda: not WebhookDelivery.objects.exclude(status="delivered").exists())
    finally:
        worker.stop()
        receiver.stop()

    titles = [request.json["title"] for request in receiver.requests]
    # Every change arrived; those of one page in their order (pages among themselves in
    # any order). The interrupted delivery was sent again...
    assert titles[:2] == ["Pirmas v1", "Antras v1"]
    assert sorted(titles[2:]) == ["Antras v1", "Pirmas v2"]
    assert all(request.signed for request in receiver.requests)
    # ...with the same delivery id: the receiver can tell it from a new event.
    repeats = [r.headers["Webhook-Id"] for r in receiver.requests if r.json["title"] == "Antras v1"]
    assert len(repeats) == 2 and repeats[0] == repeats[1]
    assert WebhookDelivery.objects.filter(status="delivered").count() == 3
    assert not DBTaskResult.objects.exclude(status=TaskResultStatus.SUCCESSFUL).exists()
