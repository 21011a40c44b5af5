"""Where the translation of every article stands, per locale, computed in the database.

``annotate_translation_status()`` adds, for each locale, a handful of correlated subqueries
and a ``CASE`` to a page queryset, so a listing of any length costs one query (plus one
for the locales). The report, the page editor's panel and the tests all read statuses
through it; nothing else decides what "up to date" means.

For a page and a locale, the status is:

``source``
    the page itself is in that locale.
``missing``
    no page in that locale (an alias page, which only mirrors the source, does not count).
``in_progress``
    the page in that locale has never been published: the translation is being made.
``out_of_date``
    the translation is live, but behind its source: the source was published after its
    last sync; or the sync brought segments that are not translated yet; or it was synced,
    or its segments were edited, after the translation was last published.
``needs_review``
    the translation (live or not) has machine translations (a tool's or translation
    memory's) that nobody has reviewed yet (news.translation.review).
``up_to_date``
    the translation is live, complete, reviewed and published after the last sync and edit.

A page in the other locale that wagtail-localize does not manage (no enabled Translation:
a page translated by hand, or a translation that was stopped) is up to date when it was
published after the source, out of date otherwise.
"""

import uuid
from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.db.models import Case, Exists, F, Func, Max, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from news import prepared

# The tool name of the translations that translation memory fills (news.translation.memory).
MEMORY_TOOL_NAME = "Translation memory"


class Status(models.TextChoices):
    SOURCE = "source", _("Source")
    MISSING = "missing", _("Missing")
    IN_PROGRESS = "in_progress", _("In progress")
    OUT_OF_DATE = "out_of_date", _("Out of date")
    NEEDS_REVIEW = "needs_review", _("Machine translated, needs review")
    UP_TO_DATE = "up_to_date", _("Up to date")


def field_prefix(locale):
    return f"translation_{locale.pk}_"


def _count(queryset):
    """``(SELECT COUNT(*) ...)`` of a correlated queryset, as an expression.

    A plain ``Func`` rather than ``Count``, so that Django adds no GROUP BY to the subquery.
    """
    count = Func(F("pk"), function="COUNT", output_field=models.IntegerField())
    return Coalesce(Subquery(queryset.order_by().values(n=count)), 0)


def segment_counts(locale):
    """Counts of the source's segments (``total``) translated into ``locale`` in all, by
    translation memory and by machine, for a queryset of pages or snippets (the source)."""
    prefix = field_prefix(locale)
    segments = StringSegment.objects.filter(
        source__object_id=OuterRef("translation_key"), source__locale_id=OuterRef("locale_id")
    )
    string_translations = StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"),
        context_id=OuterRef("context_id"),
        locale=locale,
        has_error=False,
    )
    machine = StringTranslation.TRANSLATION_TYPE_MACHINE
    return {
        f"{prefix}total": _count(segments),
        f"{prefix}translated": _count(segments.filter(Exists(string_translations))),
        f"{prefix}memory": _count(
            segments.filter(Exists(string_translations.filter(tool_name=MEMORY_TOOL_NAME)))
        ),
        f"{prefix}machine": _count(
            segments.filter(Exists(string_translations.filter(translation_type=machine)))
        ),
    }


def _annotations(locale):
    """Per-locale expressions for a page queryset (the page is the source of its row)."""
    prefix = field_prefix(locale)
    target = Page.objects.filter(
        translation_key=OuterRef("translation_key"), locale=locale, alias_of__isnull=True
    )
    translation = Translation.objects.filter(
        source__object_id=OuterRef("translation_key"),
        source__locale_id=OuterRef("locale_id"),
        target_locale=locale,
        enabled=True,
    )
    last_translated = (
        StringTranslation.objects.filter(
            context__object_id=OuterRef("translation_key"), locale=locale
        )
        .order_by()
        .values("locale")
        .annotate(latest=Max("updated_at"))
        .values("latest")
    )
    return {
        f"{prefix}page_id": Subquery(target.values("pk")[:1]),
        f"{prefix}live": Subquery(target.values("live")[:1]),
        f"{prefix}published_at": Subquery(target.values("last_published_at")[:1]),
        f"{prefix}translation_id": Subquery(translation.values("pk")[:1]),
        f"{prefix}synced_at": Subquery(translation.values("source__last_updated_at")[:1]),
        **segment_counts(locale),
        f"{prefix}translated_at": Subquery(last_translated[:1]),
    }


def _status(locale):
    prefix = field_prefix(locale)
    published_at = F(f"{prefix}published_at")
    synced_at = F(f"{prefix}synced_at")
    behind_source = (
        Q(**{f"{prefix}translated__lt": F(f"{prefix}total")})
        | Q(last_published_at__gt=synced_at)
        | Q(**{f"{prefix}synced_at__gt": published_at})
        | Q(**{f"{prefix}translated_at__gt": published_at})
    )
    unmanaged = Q(**{f"{prefix}translation_id__isnull": True})
    return Case(
        When(locale_id=locale.pk, then=Value(Status.SOURCE)),
        When(**{f"{prefix}page_id__isnull": True}, then=Value(Status.MISSING)),
        When(
            Q(**{f"{prefix}translation_id__isnull": False, f"{prefix}machine__gt": 0}),
            then=Value(Status.NEEDS_REVIEW),
        ),
        When(~Q(**{f"{prefix}live": True}), then=Value(Status.IN_PROGRESS)),
        When(unmanaged & Q(last_published_at__gt=published_at), then=Value(Status.OUT_OF_DATE)),
        When(unmanaged, then=Value(Status.UP_TO_DATE)),
        When(behind_source, then=Value(Status.OUT_OF_DATE)),
        default=Value(Status.UP_TO_DATE),
        output_field=models.CharField(),
    )


def annotate_translation_status(queryset, locales):
    """Annotate a page queryset with ``translation_<locale pk>_status`` and its parts."""
    for locale in locales:
        queryset = queryset.annotate(**_annotations(locale)).annotate(
            **{f"{field_prefix(locale)}status": _status(locale)}
        )
    return queryset


def translation_sources(queryset):
    """The pages that are the source of their translations: one row per translated object.

    A page is a source unless wagtail-localize translates it from another locale (even if that
    translation was stopped). A page that is not managed by wagtail-localize is a source when
    it is in the default locale, or when no page in the default locale shares its key.
    """
    same_object = {"translation_key": OuterRef("translation_key")}
    is_target = Translation.objects.filter(
        source__object_id=OuterRef("translation_key"), target_locale_id=OuterRef("locale_id")
    )
    is_source = TranslationSource.objects.filter(
        object_id=OuterRef("translation_key"), locale_id=OuterRef("locale_id")
    )
    default_twin = Page.objects.filter(
        **same_object, locale__language_code=settings.LANGUAGE_CODE, alias_of__isnull=True
    )
    return (
        queryset.filter(alias_of__isnull=True)
        .exclude(Exists(is_target))
        .filter(
            Exists(is_source)
            | Q(locale__language_code=settings.LANGUAGE_CODE)
            | ~Exists(default_twin)
        )
    )


@dataclass(frozen=True)
class LocaleStatus:
    """The status of one page in one locale, read from an annotated page."""

    locale: Locale
    status: Status
    page_id: int | None
    translation_id: int | None
    total: int
    translated: int
    memory: int
    machine: int = 0
    source_id: int | None = None  # the source page of the row

    @property
    def percent(self):
        """Share of segments translated, rounded down so that 100 means every one."""
        return 100 if not self.total else self.translated * 100 // self.total

    @property
    def has_progress(self):
        return self.translation_id is not None and self.status != Status.SOURCE

    @property
    def label(self):
        if self.has_progress and self.status in (
            Status.IN_PROGRESS,
            Status.OUT_OF_DATE,
            Status.NEEDS_REVIEW,
        ):
            return f"{self.status.label} ({self.percent}%)"
        return str(self.status.label)


def locale_status(page, locale):
    prefix = field_prefix(locale)
    translation_id = getattr(page, f"{prefix}translation_id")
    return LocaleStatus(
        locale=locale,
        status=Status(getattr(page, f"{prefix}status")),
        page_id=getattr(page, f"{prefix}page_id"),
        translation_id=translation_id,
        total=getattr(page, f"{prefix}total") if translation_id else 0,
        translated=getattr(page, f"{prefix}translated") if translation_id else 0,
        memory=getattr(page, f"{prefix}memory") if translation_id else 0,
        machine=getattr(page, f"{prefix}machine") if translation_id else 0,
        source_id=page.pk,
    )


def content_locales():
    """Every locale, the default (source) language first."""
    return sorted(
        Locale.objects.all(),
        key=lambda locale: (locale.language_code != settings.LANGUAGE_CODE, locale.pk),
    )


# The query of statuses_of(), compiled once per process for each set of locales: building
# and compiling its two dozen subqueries cost the page editor 15 ms of CPU on every request,
# and only the translation key changes from one page to the next. PostgreSQL plans it once
# per connection too (news.prepared).
_STATUS_QUERIES = {}
_ANY_KEY = uuid.UUID(int=0)


def _status_query(locales):
    """(SQL, parameters, where the translation key is among them) for these locales."""
    key = tuple(locale.pk for locale in locales)
    if key not in _STATUS_QUERIES:
        source = translation_sources(Page.objects.filter(translation_key=_ANY_KEY))
        query = annotate_translation_status(source, locales).order_by("path")[:1].query
        sql, params = query.sql_with_params()
        at = [index for index, param in enumerate(params) if param in (_ANY_KEY, _ANY_KEY.hex)]
        if len(at) != 1:
            raise ValueError(f"the translation key is not one parameter of {sql}")
        _STATUS_QUERIES[key] = (sql, params, at[0])
    return _STATUS_QUERIES[key]


def statuses_of(page, locales=None):
    """``LocaleStatus`` of a page in each locale: one query for the statuses, one for locales."""
    locales = content_locales() if locales is None else locales
    sql, params, at = _status_query(locales)
    params = list(params)
    params[at] = page.translation_key if params[at] == _ANY_KEY else page.translation_key.hex
    annotated = next(iter(prepared.raw(Page.objects, sql, params)), None)
    if annotated is None:
        return []
    return [locale_status(annotated, locale) for locale in locales]
