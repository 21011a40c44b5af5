"""Publishing translations without ever showing readers a mixed-language page.

wagtail-localize fills a segment that has no translation with its source text when it saves
a translation (``Translation.save_target``), and its "save a draft" writes the page row that
the public site serves. So:

* a translation is published only when every segment is translated and no machine
  translation awaits review (``news.translation.review``), unless someone who may submit
  translations (an editor) explicitly chooses to publish it anyway;
* when a sync does not publish, it saves a *draft revision* built from the translations so
  far (``save_draft``), leaving the live page and its row as last published: readers keep the
  last complete translation while the new segments are translated.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef
from wagtail_localize.models import RelatedObjectSegment, StringSegment, StringTranslation
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from news.models import Topic
from news.queue.backends import index_updates_once

from .machine import machine_translate
from .review import unreviewed_count
from .sources import update_source
from .targets import publish_target, save_draft, target_page


class IncompleteTranslationError(Exception):
    def __init__(self, translation, missing, unreviewed=0):
        self.translation = translation
        self.missing = missing
        self.unreviewed = unreviewed
        super().__init__(
            f"{missing} segment(s) of {translation} are not translated, "
            f"{unreviewed} machine translated and not reviewed"
        )


def missing_segments(translation):
    """Segments of the translation's source with no usable translation (errors count as none)."""
    return (
        StringSegment.objects.filter(source_id=translation.source_id)
        .annotate_translation(translation.target_locale_id)
        .filter(translation__isnull=True)
    )


def missing_related_objects(translation):
    """Related objects (an article's topics) with no finished edition in the target locale.

    wagtail-localize's progress counts text segments only; a topic not translated yet (none
    in the target locale, or its copy there still being translated) would be left off the
    translated article (news.models.ArticlePage.localize_topics), so it counts as a segment
    to translate (the translation editor offers to translate it). Other related objects (a
    byline's author) are not left off, so they do not count.
    """
    segments = RelatedObjectSegment.objects.filter(
        source_id=translation.source_id,
        object__content_type=ContentType.objects.get_for_model(Topic),
    )
    if not segments.exists():
        return segments
    in_target = Topic.objects.readable().filter(
        translation_key=OuterRef("object_id"), locale_id=translation.target_locale_id
    )
    return segments.exclude(Exists(in_target))


def untranslated_count(translation):
    total, translated = translation.get_progress()
    return total - translated + missing_related_objects(translation).count()


def blocking_counts(translation):
    """(untranslated, machine translated and not reviewed) segments: what keeps it unpublished."""
    return untranslated_count(translation), unreviewed_count(translation)


def publish_translation(translation, user=None, allow_incomplete=False, original=None, target=None):
    """Publish the target of ``translation``; refuse while segments are untranslated or
    machine translated without review. ``original``: the source page as just stored;
    ``target``: the target page as stored."""
    if not allow_incomplete:
        missing, unreviewed = blocking_counts(translation)
        if missing or unreviewed:
            raise IncompleteTranslationError(translation, missing, unreviewed)
    publish_target(translation, user=user, original=original, target=target)


@dataclass
class SyncResult:
    published: list = field(default_factory=list)
    # (translation, untranslated segment count, unreviewed machine translation count)
    drafted: list = field(default_factory=list)
    failed: list = field(default_factory=list)  # (translation, ValidationError)


@transaction.atomic
def sync_translations(
    source, user=None, publish=False, publish_incomplete=False, machine_translator=None
):
    """Update ``source`` from its page and bring every enabled translation along.

    What wagtail-localize's update view does, except that an incomplete translation is never
    published (unless ``publish_incomplete``): it gets a draft revision instead.
    """
    with index_updates_once():  # the pages are saved more than once: their index updated once
        return _sync(source, user, publish, publish_incomplete, machine_translator)


def _sync(source, user, publish, publish_incomplete, machine_translator):
    # New and changed segments start untranslated (or from memory).
    translations = list(source.translations.filter(enabled=True).select_related("target_locale"))
    source_page = update_source(source, translations)
    result = SyncResult()
    for number, translation in enumerate(translations):
        # Saving a translation consumes the source page it is built from (targets.py): the
        # first is built from the page just stored, any other from a copy of its JSON.
        original = source_page if number == 0 else None
        # Read once for the machine translation's permission check and the save, which
        # writes the draft title the machine's translation of the title gives it.
        target = target_page(translation)
        if machine_translator is not None and machine_translator.can_translate(
            source.locale, translation.target_locale
        ):
            machine_translate(translation, user, machine_translator, target, draft_titles=False)
        # Counted only where they decide: an editor publishing anyway does not need them.
        counts = None if publish and publish_incomplete else blocking_counts(translation)
        if publish and (counts is None or not any(counts)):
            try:
                publish_translation(
                    translation,
                    user=user,
                    allow_incomplete=True,
                    original=original,
                    target=target,
                )
            except ValidationError as error:
                result.failed.append((translation, error))
            else:
                result.published.append(translation)
        else:
            save_draft(translation, user=user, original=original, target=target)
            result.drafted.append((translation, *counts))
    return result


def keep_manual_edits(translation, user=None):
    """Record the target page's own text as translations before a stopped sync restarts.

    While a translation is stopped, its page is edited like any other; restarting it
    (wagtail-localize's "Start Synced translation") would otherwise overwrite those edits
    with the older translations at the next publish (wagtail-localize #876). Each text of the
    page that differs from its source and from the recorded translation becomes the
    translation of its segment. Texts are matched by content path (block ids survive the
    copy) and by position within that path. Returns how many translations were recorded.
    """
    target = translation.get_target_instance().specific
    page_texts = defaultdict(list)
    for segment in extract_segments(target):
        if isinstance(segment, StringSegmentValue):
            page_texts[segment.path].append(segment.string.data)
    segments = defaultdict(list)
    for segment in (
        StringSegment.objects.filter(source_id=translation.source_id)
        .select_related("string", "context")
        .order_by("order")
    ):
        segments[segment.context.path].append(segment)

    recorded = 0
    for path, source_segments in segments.items():
        texts = page_texts.get(path, [])
        if len(texts) != len(source_segments):
            continue  # the structure changed here: nothing to pair safely
        for segment, text in zip(source_segments, texts, strict=True):
            if text == segment.string.data:
                continue  # still the source text: not a translation
            key = {
                "translation_of_id": segment.string_id,
                "locale_id": translation.target_locale_id,
                "context_id": segment.context_id,
            }
            if StringTranslation.objects.filter(**key, data=text, has_error=False).exists():
                continue
            StringTranslation.objects.update_or_create(
                **key,
                defaults={
                    "data": text,
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                    "tool_name": "",
                    "last_translated_by": user,
                    "has_error": False,
                    "field_error": "",
                },
            )
            recorded += 1
    return recorded
