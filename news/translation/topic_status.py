"""Where the translation of every topic stands, per locale: topics are translatable content.

The same statuses and fields as ``news.translation.status`` (so ``locale_status`` reads
them), for ``news.Topic`` snippets, which have no drafts or publication dates:

``source``
    the topic itself is in that locale.
``missing``
    the topic has no edition in that locale yet.
``needs_review``
    machine translations (a tool's or translation memory's) nobody has reviewed yet.
``out_of_date``
    wagtail-localize manages the translation and some segments of its source (name, slug,
    description as last synced) are not translated.
``up_to_date``
    every segment is translated, or the edition is not managed by wagtail-localize.
"""

from django.conf import settings
from django.db import models
from django.db.models import Case, Exists, F, OuterRef, Q, Subquery, Value, When
from wagtail_localize.models import Translation, TranslationSource

from news.models import Topic

from .status import Status, field_prefix, segment_counts


def _annotations(locale):
    prefix = field_prefix(locale)
    target = Topic.objects.filter(translation_key=OuterRef("translation_key"), locale=locale)
    translation = Translation.objects.filter(
        source__object_id=OuterRef("translation_key"),
        source__locale_id=OuterRef("locale_id"),
        target_locale=locale,
        enabled=True,
    )
    return {
        f"{prefix}page_id": Subquery(target.values("pk")[:1]),
        f"{prefix}translation_id": Subquery(translation.values("pk")[:1]),
        **segment_counts(locale),
    }


def _status(locale):
    prefix = field_prefix(locale)
    managed = Q(**{f"{prefix}translation_id__isnull": False})
    incomplete = Q(**{f"{prefix}translated__lt": F(f"{prefix}total")})
    return Case(
        When(locale_id=locale.pk, then=Value(Status.SOURCE)),
        When(**{f"{prefix}page_id__isnull": True}, then=Value(Status.MISSING)),
        When(managed & Q(**{f"{prefix}machine__gt": 0}), then=Value(Status.NEEDS_REVIEW)),
        When(managed & incomplete, then=Value(Status.OUT_OF_DATE)),
        default=Value(Status.UP_TO_DATE),
        output_field=models.CharField(),
    )


def annotate_topic_status(queryset, locales):
    """Annotate a topic queryset with ``translation_<locale pk>_status`` and its parts."""
    for locale in locales:
        queryset = queryset.annotate(**_annotations(locale)).annotate(
            **{f"{field_prefix(locale)}status": _status(locale)}
        )
    return queryset


def topic_sources(queryset):
    """The topics that are the source of their translations (as ``translation_sources``)."""
    is_target = Translation.objects.filter(
        source__object_id=OuterRef("translation_key"), target_locale_id=OuterRef("locale_id")
    )
    is_source = TranslationSource.objects.filter(
        object_id=OuterRef("translation_key"), locale_id=OuterRef("locale_id")
    )
    default_twin = Topic.objects.filter(
        translation_key=OuterRef("translation_key"), locale__language_code=settings.LANGUAGE_CODE
    )
    return queryset.exclude(Exists(is_target)).filter(
        Exists(is_source) | Q(locale__language_code=settings.LANGUAGE_CODE) | ~Exists(default_twin)
    )
