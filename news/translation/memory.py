"""Translation memory: recurring text is translated once.

wagtail-localize stores a translation per source string *and context* (page and field), so
an indicator label such as "Gyventojai" translated in one article starts untranslated in the
next. Here, a segment with no translation in its own context is pre-filled with the latest
translation a person made of the exact same source string into the same locale, anywhere.

Only human translations are remembered (``translation_type`` "manual": typed in the editor
or imported from a PO file), never machine or memory output. A fill is stored like a machine
translation, with ``tool_name`` "Translation memory": the editor shows "Translated with
Translation memory on <date>" next to it, for the translator to review, and editing it makes
it a manual translation. Fills count as translated, as machine translations do.

The signal receivers in ``news.translation.signals`` call ``fill_from_memory`` whenever a
translation is created or re-enabled (submission) and whenever a sync adds or changes a segment.
"""

from django.db.models import Exists, OuterRef, Subquery
from wagtail_localize.models import StringSegment, StringTranslation

from .machine import store_translations
from .status import MEMORY_TOOL_NAME


def fill_from_memory(translation, segments=None, user=None):
    """Pre-fill the untranslated segments of ``translation``; returns how many were filled."""
    locale_id = translation.target_locale_id
    if segments is None:
        segments = StringSegment.objects.filter(source_id=translation.source_id)
    in_own_context = StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"),
        context_id=OuterRef("context_id"),
        locale_id=locale_id,
    )
    remembered = StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"),
        locale_id=locale_id,
        translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
        has_error=False,
    ).order_by("-updated_at", "-pk")
    candidates = (
        segments.exclude(Exists(in_own_context))
        .annotate(remembered=Subquery(remembered.values("data")[:1]))
        .filter(remembered__isnull=False)
        .values_list("string_id", "context_id", "remembered")
    )
    rows = [
        StringTranslation(
            translation_of_id=string_id,
            locale_id=locale_id,
            context_id=context_id,
            data=data,
            translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
            tool_name=MEMORY_TOOL_NAME,
            last_translated_by=user,
        )
        for string_id, context_id, data in candidates
    ]
    store_translations(rows)
    return len(rows)
