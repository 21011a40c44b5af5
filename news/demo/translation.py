"""Translate a page through wagtail-localize, as a translator would in its editor.

The translator's work is an unsaved instance of the page holding the translated texts (built
with the same StreamField block ids as the source). Its string segments, extracted by
wagtail-localize's own extractor, are paired by content path and order with the segments of
the source's ``TranslationSource`` and stored as ``StringTranslation``s; then wagtail-localize
creates or updates the translated page from them (``Translation.save_target``).
"""

from collections import defaultdict, deque

from wagtail_localize.models import StringTranslation, Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments


class SegmentMismatch(Exception):
    """The translated instance does not have the same text segments as the source page."""


def find_translation(source_page, locale):
    """The wagtail-localize Translation of a page into a locale, or None."""
    return Translation.objects.filter(
        source__object_id=source_page.translation_key,
        source__locale_id=source_page.locale_id,
        target_locale=locale,
    ).first()


def is_complete(translation):
    total, translated = translation.get_progress()
    return total == translated


def is_translated(source_page, locale):
    """Whether the page has a live translation whose every segment is translated."""
    target = source_page.get_translation_or_none(locale)
    translation = find_translation(source_page, locale)
    return bool(target and target.live and translation and is_complete(translation))


def translate(source_page, translated_instance, user=None):
    """Store the translation of every string of ``source_page`` and save its translated page.

    Returns the translated page, saved as a draft revision: the caller publishes it.
    """
    locale = translated_instance.locale
    source, _created = TranslationSource.get_or_create_from_instance(source_page)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    for segment, data in pair_segments(source, translated_instance):
        _store(segment, data, locale, user)
    if not is_complete(translation):
        total, translated = translation.get_progress()
        raise SegmentMismatch(f"{source_page}: only {translated} of {total} segments translated")
    translation.save_target(user=user, publish=False)
    return translation.get_target_instance()


def translate_snippet(source_object, translated_instance, user=None):
    """Translate a snippet (a topic) the same way: its strings, then wagtail-localize saves it.

    Returns the translated object (saved: snippets without drafts have no draft to publish).
    """
    locale = translated_instance.locale
    source, _created = TranslationSource.get_or_create_from_instance(source_object)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    for segment, data in pair_segments(source, translated_instance):
        _store(segment, data, locale, user)
    translation.save_target(user=user, publish=True)
    return translation.get_target_instance()


def pair_segments(source, translated_instance):
    """``(StringSegment of the source, translated string data)`` for every source segment."""
    translated = defaultdict(deque)
    for segment in extract_segments(translated_instance):
        if isinstance(segment, StringSegmentValue):
            translated[segment.path].append(segment.string.data)

    segments = source.stringsegment_set.select_related("string", "context").order_by("order")
    for segment in segments:
        path = segment.context.path
        if not translated[path]:
            raise SegmentMismatch(f"{source.object_repr}: nothing translates {path!r}")
        yield segment, translated[path].popleft()

    extra = sorted(path for path, texts in translated.items() if texts)
    if extra:
        raise SegmentMismatch(f"{source.object_repr}: no source segment at {extra}")


def _store(segment, data, locale, user):
    string_translation, created = StringTranslation.objects.get_or_create(
        translation_of=segment.string,
        locale=locale,
        context=segment.context,
        defaults={
            "data": data,
            "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
            "last_translated_by": user,
        },
    )
    if not created and (string_translation.data != data or string_translation.has_error):
        string_translation.data = data
        string_translation.has_error = False
        string_translation.field_error = ""
        string_translation.last_translated_by = user
        string_translation.save()
