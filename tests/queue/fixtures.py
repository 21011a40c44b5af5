"""The database queue in process, for tests on SQLite in memory or in a transaction."""

import pytest
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult


@pytest.fixture
def database_queue(settings):
    """The database backend, as in production; `run_queue()` is the worker's loop, in
    process (the test database is SQLite in memory or a transaction no other process sees;
    tests/queue runs the real worker process)."""
    settings.TASKS = {"default": {"BACKEND": "news.queue.backends.DatabaseQueueBackend"}}
    worker = Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
    )

    def run_queue(limit=100):
        ran = 0
        while ran < limit:
            result = DBTaskResult.objects.ready().first()
            if result is None:
                return ran
            result.claim(worker.worker_id)
            worker.run_task(result)
            ran += 1
        return ran

    return run_queue
