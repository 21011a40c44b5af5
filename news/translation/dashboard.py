"""The translator's work queue on the admin dashboard (``construct_homepage_panels``).

Every article translation the user may edit that waits for work, newest source first: new
(nothing translated yet), in progress, needing an update after a source change, or machine
translated to review (statuses from ``news.translation.status``), each a link to its
translation editor. The articles that wait are found through the kept statuses
(``news.translation.kept_statuses``, refreshed first); one query for the statuses of those
shown, one for the locales, one for the pages the user may edit (a subquery), whatever the
length of the queue.
"""

from dataclasses import dataclass

from django.db.models import F
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.models import Page
from wagtail.permissions import policy_registry

from .kept_statuses import kept_status_in, refresh_kept_statuses
from .status import (
    Status,
    annotate_translation_status,
    content_locales,
    locale_status,
)

QUEUE_LENGTH = 20
WAITING = [Status.IN_PROGRESS, Status.OUT_OF_DATE, Status.NEEDS_REVIEW]
KIND_LABELS = {
    "new": _("New"),
    Status.IN_PROGRESS: _("In progress"),
    Status.OUT_OF_DATE: _("Needs update"),
    Status.NEEDS_REVIEW: _("Machine translated, to review"),
}


@dataclass(frozen=True)
class QueueItem:
    title: str
    locale: object
    kind: str
    label: str
    percent: int
    page_id: int
    changed_at: object


def work_queue(user, limit=QUEUE_LENGTH):
    locales = content_locales()
    editable = policy_registry.get_by_type(Page).instances_user_has_permission_for(user, "change")
    # Which articles wait, by the kept statuses (news.translation.models): computing every
    # article's status took seconds at 100,000 articles when fewer than ``limit`` waited.
    refresh_kept_statuses(locales)
    articles = Page.objects.filter(
        kept_status_in(WAITING, locales, page_id__in=editable.values("pk"))
    )
    rows = annotate_translation_status(articles.select_related("locale"), locales).order_by(
        F("last_published_at").desc(nulls_last=True), "-pk"
    )[:limit]
    items = []
    for row in rows:
        for locale in locales:
            status = locale_status(row, locale)
            if status.status not in WAITING or status.page_id is None:
                continue
            kind = (
                "new"
                if status.status == Status.IN_PROGRESS and not status.translated
                else status.status
            )
            items.append(
                QueueItem(
                    title=row.title,
                    locale=locale,
                    kind=str(kind),
                    label=str(KIND_LABELS[kind]),
                    percent=status.percent,
                    page_id=status.page_id,
                    changed_at=row.last_published_at or row.latest_revision_created_at,
                )
            )
    return items[:limit]


class TranslationQueuePanel(Component):
    name = "translation_queue"
    template_name = "news/admin/translation_queue_panel.html"
    order = 150

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        return {"items": work_queue(self.user)}
