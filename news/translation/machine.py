"""Machine translation stored in one pass (wagtail-localize, taken over).

wagtail-localize's ``apply_machine_translation`` (the translation editor's "Translate with
…" button, and every sync that machine translates) asks, for each string segment, whether
it is translated, then stores each translation with a get-or-create, whose save reads the
source string again to validate it and whose signal reads the context: about five queries
a segment. ``apply_machine_translation`` here reads the untranslated segments in one query,
asks the translator once, and inserts every translation in one (``store_translations``),
with the same validation and the same change of the target page's draft title.
``take_over()`` (the app's ``ready()``) puts it behind the editor's button.
"""

from collections import defaultdict

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef
from django.http import Http404
from django.shortcuts import get_object_or_404
from wagtail.models import Page
from wagtail_localize.models import StringTranslation, Translation, TranslationContext
from wagtail_localize.strings import StringValue, validate_translation_links
from wagtail_localize.views import edit_translation
from wagtail_localize.views.edit_translation import user_can_edit_instance

TITLE_LENGTH = Page._meta.get_field("draft_title").max_length


def is_valid_translation(source_text, text):
    """What ``StringTranslation.save`` checks before it sets ``has_error``."""
    try:
        StringValue.from_translated_html(text)
        validate_translation_links(source_text, text)
    except ValueError:
        return False
    return True


def store_translations(rows, draft_titles=True):
    """Insert unsaved ``StringTranslation`` rows, skipping any a concurrent writer stored first.

    As wagtail-localize's signal does for each title translation saved, the target page's
    draft title becomes the translation of its title; not with ``draft_titles=False``, for a
    caller that saves the target page next (a sync: the save writes its draft title).
    """
    if not rows:
        return
    StringTranslation.objects.bulk_create(rows, ignore_conflicts=True)
    if not draft_titles:
        return
    titles = title_contexts(rows)
    for row in rows:
        # A title too long for the page is left to the publish's validation to report.
        if row.context_id in titles and not row.has_error and len(row.data) <= TITLE_LENGTH:
            Page.objects.filter(
                translation_key=titles[row.context_id], locale_id=row.locale_id
            ).update(draft_title=row.data)


def title_contexts(rows):
    """``{context id: object id}`` of the rows' contexts that are a title; read for the rows
    that do not hold their context (a machine translation's do)."""
    held = {row.context_id: row.context for row in rows if StringTranslation.context.is_cached(row)}
    titles = {pk: context.object_id for pk, context in held.items() if context.path == "title"}
    if unread := {row.context_id for row in rows} - held.keys():
        titles.update(
            TranslationContext.objects.filter(pk__in=unread, path="title").values_list(
                "pk", "object_id"
            )
        )
    return titles


def untranslated_segments(translation):
    """The source's string segments with no translation in the target locale (errors too:
    wagtail-localize leaves a stored translation with an error alone)."""
    translated = StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"),
        context_id=OuterRef("context_id"),
        locale_id=translation.target_locale_id,
    )
    return translation.source.stringsegment_set.exclude(Exists(translated)).select_related(
        "context", "string"
    )


def apply_machine_translation(translation_id, user, machine_translator):
    """wagtail-localize's function of that name: True if anything was left to translate.

    ``user`` None is a process acting for nobody (``manage.py sync_translations``' workers,
    run by an operator): it has no page permissions to check."""
    translation = get_object_or_404(
        Translation.objects.select_related("source__locale", "target_locale"), id=translation_id
    )
    return machine_translate(translation, user, machine_translator)


def machine_translate(translation, user, machine_translator, target=None, draft_titles=True):
    """``apply_machine_translation`` of a translation in hand (a sync's), ``target`` its
    target page when already loaded; ``draft_titles``: as ``store_translations``."""
    if user is not None and not user_can_edit_instance(
        user, target or translation.get_target_instance()
    ):
        raise PermissionDenied
    source_locale, target_locale = translation.source.locale, translation.target_locale
    if not machine_translator.can_translate(source_locale, target_locale):
        raise Http404

    segments_by_string = defaultdict(list)
    for segment in untranslated_segments(translation):
        segments_by_string[segment.string.as_value()].append(segment)
    if not segments_by_string:
        return False

    results = machine_translator.translate(source_locale, target_locale, segments_by_string)
    rows = []
    for string, segments in segments_by_string.items():
        result = results.get(string)
        if result is None or result.data is None:
            continue  # the machine could not translate it: left for a person
        valid = is_valid_translation(string.data, result.data)  # once per text, not per place
        for segment in segments:
            rows.append(
                StringTranslation(
                    translation_of_id=segment.string_id,
                    locale_id=target_locale.pk,
                    context=segment.context,  # read with it: its path says if it is a title
                    data=result.data,
                    translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
                    tool_name=machine_translator.display_name,
                    last_translated_by=user,
                    has_error=not valid,
                    field_error="",
                )
            )
    store_translations(rows, draft_titles=draft_titles)
    return True


def take_over():
    edit_translation.apply_machine_translation = apply_machine_translation
