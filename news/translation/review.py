"""Machine translations wait for a person's review before readers see them.

wagtail-localize records how each segment was translated (``StringTranslation``:
``translation_type`` "manual" or "machine", and ``tool_name``): "Translate with ..." and
translation memory (``news.translation.memory``) store "machine" translations. Such a
segment is *unreviewed* until a translator edits or confirms it in the translation editor
(which saves it as "manual"), or imports it from a PO file in which it is no longer fuzzy.

* the translation editor says so next to each such segment (``review_comment``) and above
  them all (``news.translation.wagtail_hooks``);
* a PO export flags them ``fuzzy`` with a translator comment (``news.translation.po``), and a
  PO import of the same text without the flag confirms it (``confirm_from_po``);
* the Translations report calls such a translation "Machine translated, needs review"
  (``news.translation.status``);
* publishing one is refused like an incomplete translation, unless an editor explicitly
  publishes anyway (``news.translation.workflow``).
"""

from django.db.models import Exists, OuterRef
from django.utils.translation import gettext as _
from wagtail_localize.models import StringSegment, StringTranslation


def unreviewed_translations(translation):
    """The machine translations (tools and memory) of the current segments of ``translation``."""
    segments = StringSegment.objects.filter(source_id=translation.source_id)
    return StringTranslation.objects.filter(
        locale_id=translation.target_locale_id,
        context__in=segments.values("context_id"),
        translation_of__in=segments.values("string_id"),
        translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
        has_error=False,
    )


def unreviewed_segments(translation):
    """Segments whose translation is a machine translation nobody has reviewed yet."""
    machine = StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"),
        context_id=OuterRef("context_id"),
        locale_id=translation.target_locale_id,
        translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
        has_error=False,
    )
    return StringSegment.objects.filter(source_id=translation.source_id).filter(Exists(machine))


def unreviewed_count(translation):
    return unreviewed_segments(translation).count()


def review_comment(string_translation):
    """wagtail-localize's note next to a segment in the editor, saying what needs review."""
    date = string_translation.updated_at.strftime("%Y-%m-%d")
    if string_translation.translation_type == StringTranslation.TRANSLATION_TYPE_MACHINE:
        return _("%(tool)s on %(date)s: machine translated, needs review") % {
            "tool": string_translation.tool_name or _("Machine translation"),
            "date": date,
        }
    if string_translation.tool_name:
        return _("Translated with %(tool)s on %(date)s") % {
            "tool": string_translation.tool_name,
            "date": date,
        }
    return _("Translated manually on %(date)s") % {"date": date}


def po_comment(string_translation):
    return _(
        "Machine translated with %(tool)s: needs review. Remove the fuzzy flag to confirm."
    ) % {"tool": string_translation.tool_name or _("Machine translation")}


def confirm_from_po(translation, entries, user=None):
    """Entries imported from a PO file without the fuzzy flag are reviewed: a machine
    translation with exactly that text becomes the translator's own. Returns how many."""
    confirmed = 0
    for entry in entries:
        confirmed += (
            unreviewed_translations(translation)
            .filter(
                context__path=entry.msgctxt, translation_of__data=entry.msgid, data=entry.msgstr
            )
            .update(
                translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
                tool_name="PO File",
                last_translated_by=user,
            )
        )
    return confirmed
