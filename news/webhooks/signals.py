"""Events of articles, recorded as deliveries in the transaction of the change (the outbox).

Publishing a Lithuanian (source) article is ``article.published``, publishing one of its
translations ``translation.published``; unpublishing, deleting (a live article) and moving
(a live article to a new URL) are the other events. Saving a draft is none.
"""

import logging

from django.conf import settings
from django.db.models.signals import post_delete
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from ..models import ArticlePage
from .delivery import enqueue_delivery
from .models import (
    ARTICLE_DELETED,
    ARTICLE_MOVED,
    ARTICLE_PUBLISHED,
    ARTICLE_UNPUBLISHED,
    TRANSLATION_PUBLISHED,
    WebhookDelivery,
    WebhookEndpoint,
)

logger = logging.getLogger(__name__)


def _site_root(page):
    try:
        site = page.get_site()
    except Exception:  # an orphan page (deleted with its tree): no URL to give
        return None
    return site.root_url if site else None


def payload(event, page, *, revision_id=None, **extra):
    root = _site_root(page)
    url = None
    if root:
        try:
            url = page.get_full_url()
        except Exception:  # no route any more
            url = None
    api_path = reverse("wagtailapi_v3:news_article_detail", kwargs={"article_id": page.pk})
    return {
        "event": event,
        "time": timezone.now().isoformat(),
        "page_id": page.pk,
        "locale": page.locale.language_code,
        "translation_key": str(page.translation_key),
        "title": page.title,
        "url": url,
        "api_url": f"{root}{api_path}" if root and event != ARTICLE_DELETED else None,
        "revision_id": revision_id,
        **extra,
    }


def _url_at(page, url_path):
    """The URL ``page`` had at ``url_path`` (before a move)."""
    moved = Page(
        id=page.pk, path=page.path, depth=page.depth, url_path=url_path, locale_id=page.locale_id
    )
    try:
        return moved.get_full_url()
    except Exception:  # no site routes to it
        return None


def record(event, page, **payload_fields):
    """A delivery for each endpoint that wants this event of this page's locale."""
    endpoints = [
        endpoint
        for endpoint in WebhookEndpoint.objects.filter(active=True).prefetch_related("locales")
        if endpoint.wants(event, page.locale_id)
    ]
    if not endpoints:
        return []
    document = payload(event, page, **payload_fields)
    deliveries = []
    for endpoint in endpoints:
        delivery = WebhookDelivery.objects.create(
            endpoint=endpoint, event=event, page_id=page.pk, payload=document
        )
        enqueue_delivery(delivery)
        deliveries.append(delivery)
    return deliveries


def on_published(sender, instance, revision=None, **kwargs):
    if not isinstance(instance, ArticlePage):
        return
    is_source = instance.locale.language_code == settings.LANGUAGE_CODE
    event = ARTICLE_PUBLISHED if is_source else TRANSLATION_PUBLISHED
    record(event, instance, revision_id=revision.pk if revision else None)


def on_unpublished(sender, instance, **kwargs):
    if isinstance(instance, ArticlePage):
        record(ARTICLE_UNPUBLISHED, instance)


def on_moved(sender, instance, url_path_before, url_path_after, **kwargs):
    if url_path_before == url_path_after or not instance.live:
        return
    specific = instance.specific
    if isinstance(specific, ArticlePage):
        record(
            ARTICLE_MOVED,
            specific,
            revision_id=specific.live_revision_id,
            previous_url=_url_at(specific, url_path_before),
        )


def on_deleted(sender, instance, **kwargs):
    if instance.live:
        record(ARTICLE_DELETED, instance, revision_id=instance.live_revision_id)


def connect():
    page_published.connect(on_published, dispatch_uid="webhooks.published")
    page_unpublished.connect(on_unpublished, dispatch_uid="webhooks.unpublished")
    post_page_move.connect(on_moved, dispatch_uid="webhooks.moved")
    post_delete.connect(on_deleted, sender=ArticlePage, dispatch_uid="webhooks.deleted")
