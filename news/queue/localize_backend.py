"""``WAGTAILLOCALIZE_JOBS = {"BACKEND": "news.queue.localize_backend.QueueJobBackend"}``:
wagtail-localize's background jobs on this site's queue (news/queue/localize.py).

wagtail-localize instantiates this backend while its models module is being imported, so
this module imports nothing of wagtail-localize's models or operations: the job is
recognised by name, and the code that runs it is looked up by its dotted path when the
first job comes (as Django looks up the backends named in settings).
"""

from django.utils.module_loading import import_string
from wagtail_localize.tasks import BaseJobBackend

SUBTREE_JOB = "wagtail_localize.operations.translate_page_subtree"
ENQUEUE_SUBTREE = "news.queue.localize.enqueue_subtree"


class QueueJobBackend(BaseJobBackend):
    def enqueue(self, func, args, kwargs):
        if f"{func.__module__}.{func.__qualname__}" != SUBTREE_JOB:
            func(*args, **kwargs)  # nothing else is long: as wagtail-localize's default
            return
        page_id, locales, _components, user = args
        import_string(ENQUEUE_SUBTREE)(page_id, locales, user)
