"""Keeping the table of translation statuses (``KeptStatus``) up to date, and filtering by it.

``refresh_kept_statuses()`` computes again (``news.translation.status``) the statuses of the
translation keys that the database's triggers noted as changed (``StatusChange``), and
replaces their rows. The listings that filter by status call it first, so they read what
the computation would give, at the cost of one query when nothing changed; a few more, per
thousand keys, when something did. A refresh that read a change gives the table a new
version, under which counts by status are kept.

Refreshes take turns (an advisory lock on PostgreSQL; on SQLite every transaction takes the
write lock when it starts, news settings): two at once could otherwise write a status
computed before a change after one computed after it. A change noted while a refresh runs
is kept for the next one: only the notes read are deleted.
"""

import operator
from functools import reduce

from django.db import connection, transaction
from django.db.models import Exists, OuterRef, Q, Subquery
from wagtail.models import Page

from news.caching.versions import version_changed
from news.models import ArticlePage
from news.rows import delete_rows

from .models import KeptStatus, StatusChange
from .status import (
    Status,
    annotate_translation_status,
    content_locales,
    field_prefix,
    translation_sources,
)

# Changed by every refresh that read a change: counts by status are kept under it
# (news.translation.report_count).
VERSION_KEY = "news:kept-translation-statuses-version"
CHUNK = 1000  # keys computed in one query
ANALYSED_TABLES = [
    "wagtailcore_page",
    "wagtail_localize_translationsource",
    "wagtail_localize_translation",
    "wagtail_localize_translationcontext",
    "wagtail_localize_stringsegment",
    "wagtail_localize_stringtranslation",
]
RANGES = 100  # runs of ids deleted in one query (SQLite parses a chain of ORs as a tree)
LOCK_ID = 0x6E657773  # any number, the same in every process


def article_sources():
    """The articles that are the source of their translations, whose statuses are kept: pages
    of the article type, not joined with the article table (what a status reads is all in
    the page table, and the join made PostgreSQL loop over that table for every row)."""
    return translation_sources(Page.objects.type(ArticlePage))


def refresh_kept_statuses(locales=None):
    """Refresh the statuses of every key noted as changed, in every locale (``locales``:
    ``content_locales()``, when the caller has read them); how many notes were read."""
    if not StatusChange.objects.exists():
        return 0
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [LOCK_ID])
        notes = list(StatusChange.objects.values_list("pk", "translation_key"))
        keys = {key for _pk, key in notes}
        if None in keys:
            delete_rows(KeptStatus.objects.all())
            keys = None
        _compute(keys, content_locales() if locales is None else locales)
        ranges = _runs(pk for pk, _key in notes)
        for start in range(0, len(ranges), RANGES):
            chunk = ranges[start : start + RANGES]
            delete_rows(StatusChange.objects.filter(reduce(operator.or_, map(_in_range, chunk))))
        version_changed(VERSION_KEY)
    return len(notes)


def rebuild_kept_statuses():
    """Compute every status again (``manage.py refresh_translation_statuses --all``)."""
    StatusChange.objects.create(translation_key=None)
    return refresh_after_bulk_writes()


def refresh_after_bulk_writes():
    """``refresh_kept_statuses()`` after many rows were written at once (an import): the
    tables a status reads are analysed first, and the kept statuses after, as autovacuum
    would within a minute (where it runs). Planned on the statistics of before the writes,
    the computation took twenty times as long (42 s for 10,000 articles a language, 1.3 s
    analysed); the report and the work queue, planned on an empty table's statistics when
    200,000 rows had been written, four to seven times (0.4-0.7 s at 100,000 articles)."""
    _analyse(ANALYSED_TABLES)
    notes = refresh_kept_statuses()
    _analyse([KeptStatus._meta.db_table, StatusChange._meta.db_table])
    return notes


def _analyse(tables):
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(table)}")


def _runs(ids):
    """Runs of consecutive ids, as [first, last]: notes are read and deleted by id, so that
    one written meanwhile is kept, and their ids mostly follow each other."""
    runs = []
    for pk in sorted(ids):
        if runs and pk == runs[-1][1] + 1:
            runs[-1][1] = pk
        else:
            runs.append([pk, pk])
    return runs


def _in_range(run):
    return Q(pk__range=run)


def _compute(keys, locales):
    """Replace the rows of ``keys`` (None: of every key, the table being emptied)."""
    articles = article_sources()
    if keys is None:
        _write(articles, locales)
        return
    keys = sorted(keys)
    for start in range(0, len(keys), CHUNK):
        chunk = keys[start : start + CHUNK]
        delete_rows(KeptStatus.objects.filter(translation_key__in=chunk))
        _write(articles.filter(translation_key__in=chunk), locales)


def _write(articles, locales):
    per_locale_fields = [
        f"{field_prefix(locale)}{field}" for locale in locales for field in ("status", "page_id")
    ]
    rows = annotate_translation_status(articles.order_by(), locales).values_list(
        "pk", "translation_key", "title", *per_locale_fields
    )
    kept = []
    for pk, key, title, *per_locale in rows.iterator(chunk_size=CHUNK):
        for locale, status, page_id in zip(locales, per_locale[::2], per_locale[1::2], strict=True):
            kept.append(
                KeptStatus(
                    translation_key=key,
                    locale=locale,
                    source_page_id=pk,
                    page_id=page_id,
                    status=status,
                    source_title=title,
                )
            )
        if len(kept) >= CHUNK:
            KeptStatus.objects.bulk_create(kept)
            kept = []
    KeptStatus.objects.bulk_create(kept)


def kept_article_sources():
    """``article_sources()``, by the kept statuses (refresh first): an article that is a source
    has the status "source" in its own locale. In the order of an index of the page table, a
    listing skips each row with one probe of an index, instead of the three lookups of
    ``translation_sources`` (the report's middle pages at 100,000 articles a language)."""
    return Page.objects.filter(
        Exists(KeptStatus.objects.filter(source_page=OuterRef("pk"), status=Status.SOURCE))
    )


def kept_sources_by_title(descending=False):
    """The ids of ``kept_article_sources()`` ordered by title (``descending``: from Z), the id
    breaking ties upwards (refresh first). Read from an index of the kept table alone, a
    listing's page in the middle skips its rows there: with the page table's title index,
    each row skipped was checked for being a source (0.15 s for the Translations report's
    middle page at 100,000 articles a language)."""
    title = "-source_title" if descending else "source_title"
    return (
        KeptStatus.objects.filter(status=Status.SOURCE)
        .order_by(title, "source_page_id")
        .values_list("source_page_id", flat=True)
    )


def kept_status(locale):
    """A page's kept status in ``locale``, as an expression (refresh first)."""
    return Subquery(
        KeptStatus.objects.filter(source_page=OuterRef("pk"), locale=locale).values("status")[:1]
    )


def kept_status_in(statuses, locales, **filters):
    """A condition on pages: the page is an article whose status is one of ``statuses`` in
    one of ``locales``, by the kept table (refresh first)."""
    return Exists(
        KeptStatus.objects.filter(
            source_page=OuterRef("pk"), status__in=statuses, locale__in=locales, **filters
        )
    )
