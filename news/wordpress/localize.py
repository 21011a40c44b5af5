"""A WPML translation group as a wagtail-localize translation: source, targets, and the
imported translations recorded as the translations of the source's segments.

Both editions are imported with the same StreamField block ids wherever their blocks line
up (same type at the same position, ``importer.block_ids``), so wagtail-localize gives their
texts the same content paths. Each text of the translated page is recorded as the manual
translation of the source segment at the same path and position (paths whose number of
texts differs are left untranslated). A later sync then rebuilds the translated page from
these translations: the imported text stays. A WPML duplicate gets no recorded translations:
wagtail-localize shows it as not translated yet.

The same linking serves snippets (topics, authors): ``link_group`` takes any translatable
instances of one model.
"""

import uuid
from collections import defaultdict

from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from news.translation.memory import fill_from_memory
from news.translation.sources import update_or_create_source

LINK_NAMESPACE = uuid.UUID("6f1d8a52-3c1e-4b7a-9e25-2d4c8b9f0a61")


def link_group(source_page, targets, user=None):
    """Make ``source_page`` the wagtail-localize source of ``targets`` ``[(page, is_copy)]``
    (specific pages, or snippets).

    Each target's texts are recorded before its ``Translation`` is made, and translation
    memory fills only what the import left untranslated (``fill_from_memory``, which the
    translation's signal would run on every segment).

    Returns ``{target id: (segments recorded, segments in the source)}``.
    """
    source, _created = update_or_create_source(source_page)
    segments = defaultdict(list)
    for segment in (
        StringSegment.objects.filter(source=source)
        .select_related("string", "context")
        .order_by("order")
    ):
        segments[segment.context.path].append(segment)
    total = sum(len(found) for found in segments.values())
    translations = {
        translation.target_locale_id: translation
        for translation in Translation.objects.filter(source=source)
    }
    result = {}
    for target, is_copy in targets:
        recorded = set() if is_copy else record_texts(source, target, segments, user)
        translation = translations.get(target.locale_id)
        if translation is None:
            new = Translation(source=source, target_locale_id=target.locale_id)
            Translation.objects.bulk_create([new])  # without its signal: filled here
            every = [segment.pk for found in segments.values() for segment in found]
            unrecorded = [pk for pk in every if pk not in recorded]
            if unrecorded:
                fill_from_memory(new, segments=StringSegment.objects.filter(pk__in=unrecorded))
        elif not translation.enabled:
            translation.enabled = True
            translation.save(update_fields=["enabled"])  # its signal fills from memory
        result[target.pk] = (len(recorded), total)
    return result


def record_texts(source, target, segments, user=None):
    """Store each text of ``target`` as the translation of its source segment; returns the
    ids of the segments it paired."""
    texts = defaultdict(list)
    for segment in extract_segments(target):
        if isinstance(segment, StringSegmentValue):
            texts[segment.path].append(segment.string.data)
    every = [segment for found in segments.values() for segment in found]
    existing = {
        (row.translation_of_id, row.context_id): row
        for row in StringTranslation.objects.filter(  # by the columns of its unique index
            locale_id=target.locale_id,
            translation_of_id__in={segment.string_id for segment in every},
            context_id__in={segment.context_id for segment in every},
        )
    }
    new, changed, paired = [], [], set()
    for path, source_segments in segments.items():
        found = texts.get(path, [])
        if len(found) != len(source_segments):
            continue  # the editions differ here: nothing to pair safely
        for segment, text in zip(source_segments, found, strict=True):
            paired.add(segment.pk)
            row = existing.get((segment.string_id, segment.context_id))
            if row is None:
                new.append(
                    StringTranslation(
                        translation_of_id=segment.string_id,
                        locale_id=target.locale_id,
                        context_id=segment.context_id,
                        data=text,
                        translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
                        last_translated_by=user,
                    )
                )
            elif (
                row.data != text
                or row.has_error
                or row.translation_type != StringTranslation.TRANSLATION_TYPE_MANUAL
            ):
                row.data, row.has_error, row.field_error = text, False, ""
                row.translation_type = StringTranslation.TRANSLATION_TYPE_MANUAL
                row.tool_name = ""
                changed.append(row)
    StringTranslation.objects.bulk_create(new)
    for row in changed:
        row.save()
    return paired


def set_links(page, relation, field, objects):
    """Point ``page``'s translatable child relation (``topic_links``, ``bylines``) at
    ``objects``, in order; returns how many.

    Each link's ``translation_key`` comes from the page's and the object's: the editions of
    one translation group get the same keys for the same topic or author, which is how
    wagtail-localize pairs child objects at a sync, and a re-run keeps the links it made.
    """
    model = page._meta.get_field(relation).related_model
    existing = {link.translation_key: link for link in getattr(page, relation).all()}
    links = []
    for position, target in enumerate(dict.fromkeys(objects)):
        key = uuid.uuid5(
            LINK_NAMESPACE, f"{page.translation_key}/{relation}/{target.translation_key}"
        )
        link = existing.get(key) or model(translation_key=key)
        setattr(link, field, target)
        link.locale_id = page.locale_id
        link.sort_order = position
        links.append(link)
    setattr(page, relation, links)
    return len(links)
