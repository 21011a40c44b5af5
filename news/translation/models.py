"""Translation statuses kept in a table, for the listings that filter by status.

``news.translation.status`` computes where an article's translation stands from a handful of
correlated subqueries per locale: cheap for one page, but a listing filtered by status (the
Translations report under a status filter, the translator's work queue) computed it for
every article: 20 s at 100,000 articles a language. Those listings filter through this table
instead (``news.translation.kept_statuses``), one row per article and locale, refreshed from
the same computation.

What a status is computed from is written by Wagtail, wagtail-localize, this project's bulk
paths and raw SQL alike, so no Python hook sees every change: database triggers (migrations
0002 and 0003) note the translation key of every row written that a status depends on, in
``StatusChange``, and the statuses of the keys noted are computed again before a listing
reads the table.
"""

from django.db import models
from wagtail.models import Locale, Page

from .status import Status


class KeptStatus(models.Model):
    """The status of one article (its source page) in one locale."""

    translation_key = models.UUIDField()
    locale = models.ForeignKey(
        Locale,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        db_index=False,
        related_name="+",
    )
    # No constraints, and nothing for Django to cascade: a page deleted notes its key, and
    # its rows go at the next refresh (deleting a page costs no query more).
    source_page = models.ForeignKey(
        Page,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        db_index=False,
        related_name="+",
    )
    page = models.ForeignKey(  # the article in that locale, when there is one
        Page,
        null=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        db_index=False,
        related_name="+",
    )
    status = models.CharField(max_length=20, choices=Status.choices)
    # The source page's title, copied: the report's pages in the middle skip rows in an index
    # of this table alone (the page table's own title index left every row to be checked).
    source_title = models.CharField(max_length=255, default="")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["translation_key", "locale"], name="news_kept_status_key_locale"
            )
        ]
        indexes = [
            # The report's filter (a status in some locales) and the queue's (waiting ones).
            models.Index(fields=["status", "locale"], name="news_kept_status_status"),
            # Whether a given article has a status: the listings' semi-join, page by page.
            models.Index(fields=["source_page", "status"], name="news_kept_status_source"),
            # The articles in the report's order: by title, the id breaking ties.
            models.Index(
                fields=["source_title", "source_page"],
                condition=models.Q(status=Status.SOURCE),
                name="news_kept_status_by_title",
            ),
        ]

    def __str__(self):
        return f"{self.source_page_id} in {self.locale_id}: {self.status}"


class StatusChange(models.Model):
    """A translation key whose kept statuses may be stale, noted by the database's triggers;
    no key: every one (a locale was added or removed)."""

    translation_key = models.UUIDField(null=True)

    def __str__(self):
        return str(self.translation_key or "every key")
