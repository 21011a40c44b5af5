"""The database queue, with Wagtail's index updates enqueued once per object and transaction.

Wagtail enqueues a reference index update for every save of a tracked object, and a search
index update for every save of an indexed one. A translation's sync saves its page more than
once, and each of its topic links with it: tasks that took the workers as long as the sync
itself. Each of these tasks reads the object as it is when the task runs, and a task written
inside a transaction is seen by the workers only after its commit, so one task per object is
enough: inside ``index_updates_once()`` a second request for the same task and arguments
returns the first one's result instead of writing another row. A topic link's reference
index task indexes its page (Wagtail's task climbs to the parent), so it is enqueued as the
page's: two workers updating the same page's references at once deadlocked on the index's
rows; the page of a link saved with its id (a sync saves them again) is remembered as it is
saved rather than read back. A savepoint rolled back inside it may have taken a row along:
at its end, after any rollback to a savepoint, such a task is written again if its object
exists.
"""

import contextvars
import functools
import json
from contextlib import contextmanager

from django.apps import apps
from django.db import connection
from django.db.models.signals import pre_save
from django.dispatch import receiver
from django_tasks_db import DatabaseBackend
from django_tasks_db.models import DBTaskResult
from modelcluster.fields import ParentalKey

REFERENCE_INDEX_TASK = "wagtail.tasks.update_reference_index_task"
# The tasks that read their object afresh when they run: the same arguments, the same work.
ONCE_PER_TRANSACTION = {REFERENCE_INDEX_TASK, "modelsearch.tasks.insert_or_update_object_task"}

_enqueued = contextvars.ContextVar("news_enqueued_once", default=None)
# {(app label, model name, pk): parent pk} of the child objects saved with their id inside.
_parents = contextvars.ContextVar("news_saved_parents", default=None)


@contextmanager
def index_updates_once():
    """Inside a transaction: each object's index updates enqueued once (its commit runs them)."""
    if not connection.in_atomic_block:
        raise RuntimeError("index_updates_once() needs a transaction: the workers must wait")
    enqueued = {}
    rollbacks = SavepointRollbacks()
    token, parents_token = _enqueued.set(enqueued), _parents.set({})
    try:
        with connection.execute_wrapper(rollbacks):
            yield
    finally:
        _enqueued.reset(token)
        _parents.reset(parents_token)
    if rollbacks.seen:  # otherwise every row written inside is there: none to look for
        _write_lost_rows(enqueued)


class SavepointRollbacks:
    """Notes whether a statement rolled back to a savepoint (Django's atomic blocks send
    each through the connection's cursor)."""

    seen = False

    def __call__(self, execute, sql, params, many, context):
        if sql.startswith("ROLLBACK TO SAVEPOINT"):
            self.seen = True
        return execute(sql, params, many, context)


@receiver(pre_save, dispatch_uid="news_queue_remember_parent")
def remember_parent(sender, instance, raw=False, **kwargs):
    """Inside ``index_updates_once``, the parent a child object with an id is saved with."""
    parents = _parents.get()
    if parents is None or raw or instance.pk is None:
        return
    if (key := parental_key(sender)) is not None:
        label = (sender._meta.app_label, sender._meta.model_name, str(instance.pk))
        parents[label] = getattr(instance, key.attname)


@functools.cache
def parental_key(model):
    """The ``ParentalKey`` of a child model (an article's topic link), None for others."""
    fields = model._meta.get_fields()
    return next((field for field in fields if isinstance(field, ParentalKey)), None)


def _write_lost_rows(enqueued):
    if not enqueued:
        return
    ids = [result.id for result, *_call in enqueued.values()]
    kept = {str(pk) for pk in DBTaskResult.objects.filter(id__in=ids).values_list("id", flat=True)}
    for result, task, args, kwargs in enqueued.values():
        if str(result.id) in kept:
            continue
        app_label, model_name, pk = args
        if apps.get_model(app_label, model_name).objects.filter(pk=pk).exists():
            task.enqueue(*args, **kwargs)


class DatabaseQueueBackend(DatabaseBackend):
    """django-tasks-db's backend (``TASKS_BACKEND=database``), aware of ``index_updates_once``."""

    def enqueue(self, task, args, kwargs):
        enqueued = _enqueued.get()
        if enqueued is None or task.module_path not in ONCE_PER_TRANSACTION:
            return super().enqueue(task, args, kwargs)
        if task.module_path == REFERENCE_INDEX_TASK:
            args = indexed_object(*args)
        key = (task.module_path, json.dumps([args, kwargs], sort_keys=True, default=str))
        if key not in enqueued:
            enqueued[key] = (super().enqueue(task, args, kwargs), task, args, kwargs)
        return enqueued[key][0]


def indexed_object(app_label, model_name, pk):
    """``(app_label, model_name, pk)`` of the object whose references a reference index task
    of this object updates: the object's parent, for a child (as Wagtail's task finds it)."""
    model, indexed_pk = apps.get_model(app_label, model_name), pk
    saved_parents = _parents.get() or {}
    while key := parental_key(model):
        label = (model._meta.app_label, model._meta.model_name, str(indexed_pk))
        if label in saved_parents:
            indexed_pk = saved_parents[label]
        else:
            parent = model.objects.filter(pk=indexed_pk).values_list(key.attname, flat=True)
            indexed_pk = parent.first()
        if indexed_pk is None:
            return app_label, model_name, pk  # no parent: Wagtail's task records nothing
        model = key.related_model
    return model._meta.app_label, model._meta.model_name, str(indexed_pk)
