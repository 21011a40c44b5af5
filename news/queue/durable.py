"""Enqueueing that loses nothing, and bounded retries with backoff.

* `enqueue_with_transaction`: with the database backend the task's row is written in the
  current transaction, next to the change that caused it (an outbox for free): a rollback
  drops both, a commit makes the task visible to the worker, and no crash between the
  commit and the enqueue can lose it. Any other backend (the immediate one runs the task
  at once) gets it after the commit, so that it never sees uncommitted data.
* `retry_or_raise`: a failed attempt enqueues the next one after the delay of its turn
  (``settings.TASKS_RETRY_DELAYS``, or the caller's); after the last one the error is
  raised, so that the task's result is recorded as failed (the admin's "Background tasks"
  report lists it).
"""

import datetime
import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import task_backends
from django_tasks_db import DatabaseBackend

logger = logging.getLogger(__name__)


def uses_database_queue(task=None):
    backend = task.get_backend() if task is not None else task_backends["default"]
    return isinstance(backend, DatabaseBackend)


def enqueue_with_transaction(task, *args, **kwargs):
    if uses_database_queue(task):
        return task.enqueue(*args, **kwargs)
    transaction.on_commit(lambda: task.enqueue(*args, **kwargs))
    return None


def retry_delay(attempt, delays=None):
    """Seconds before attempt ``attempt + 1``, or None when ``attempt`` was the last one."""
    delays = settings.TASKS_RETRY_DELAYS if delays is None else delays
    if attempt > len(delays):
        return None
    return delays[attempt - 1]


def enqueue_later(task, delay, *args, **kwargs):
    """``task`` again in ``delay`` seconds (at once where the backend cannot defer)."""
    if task.get_backend().supports_defer:
        run_after = timezone.now() + datetime.timedelta(seconds=delay)
        return task.using(run_after=run_after).enqueue(*args, **kwargs)
    return task.enqueue(*args, **kwargs)


def retry_or_raise(task, error, *, attempt, delays=None, **kwargs):
    """After a failed ``attempt``: schedule the next one (returns its delay), or re-raise."""
    delay = retry_delay(attempt, delays)
    if delay is None:
        logger.error("%s failed %d times, giving up: %s", task.name, attempt, error)
        raise error
    logger.warning("%s failed (attempt %d), retrying in %ss: %s", task.name, attempt, delay, error)
    enqueue_later(task, delay, attempt=attempt + 1, **kwargs)
    return {"retry": attempt + 1, "in_seconds": delay, "error": str(error)}
