"""Search and reference indexes brought up to date once per page, after the import.

Wagtail updates both after every save; a page is saved three times on its way in (created,
revised, published), so the import turns the automatic updates off for the page types it
writes (Wagtail's ``disable_reference_index_auto_update``; the search index's own
``post_save`` handler) and indexes every page it wrote at the end, in bulk.
"""

from contextlib import contextmanager

from django.db import transaction
from django.db.models.signals import post_save
from modelsearch.backends import get_search_backends
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from news.translation.relations import load_relations

BATCH = 500


@contextmanager
def deferred(models):
    """Inside: saving one of ``models`` updates neither index."""
    disconnected = [m for m in models if post_save.disconnect(post_save_signal_handler, sender=m)]
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        for model in disconnected:
            post_save.connect(post_save_signal_handler, sender=model)


def index_pages(models, page_ids):
    """Index the pages with these ids (of the given specific models) in both indexes."""
    page_ids = sorted(page_ids)
    for model in models:
        for start in range(0, len(page_ids), BATCH):
            pages = list(model.objects.filter(pk__in=page_ids[start : start + BATCH]))
            if not pages:
                continue
            load_relations(pages)  # what the reference index reads, a query per relation
            with transaction.atomic():  # one commit, not one for each page's references
                for backend in get_search_backends():
                    backend.add_bulk(model, pages)
                for page in pages:
                    ReferenceIndex.create_or_update_for_object(page)
