"""PO files of a translation: an export that ``msgfmt -c`` accepts, an all-or-nothing import.

wagtail-localize's own upload view imports what it recognises and silently skips the rest
(or answers 500 for a file without its header). Here a file is checked completely first and
refused, with the reason, if anything in it is wrong: not a PO file, no translation id, the id
of another translation or a ``Language`` header of another locale, a message that is not (or
no longer) in the source, a translation with markup the source does not have. Nothing is
written unless the whole file is good.
"""

import os
import tempfile
from dataclasses import dataclass

import polib
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail_localize.models import StringSegment, Translation
from wagtail_localize.strings import StringValue, validate_translation_links

from .review import confirm_from_po, po_comment, unreviewed_translations

TRANSLATION_ID_HEADER = "X-WagtailLocalize-TranslationID"
PO_DATE_FORMAT = "%Y-%m-%d %H:%M%z"
MAX_LISTED = 5


class POFileRefused(Exception):
    """The file was not imported; ``str(error)`` says why, for the user."""


def _user_label(user):
    if user is None or not user.is_authenticated:
        return "Kaunas News"
    name = user.get_full_name() or user.get_username()
    return f"{name} <{user.email}>" if user.email else name


def export_po(translation, user=None):
    """wagtail-localize's export with a complete gettext header and no duplicate messages."""
    exported = translation.export_po()
    po = polib.POFile(wrapwidth=exported.wrapwidth)
    locale = translation.target_locale
    revised = translation.translations_last_updated_at or timezone.now()
    po.metadata = {
        "Project-Id-Version": f"{settings.WAGTAIL_SITE_NAME}: {translation.source.object_repr}",
        "POT-Creation-Date": translation.source.last_updated_at.strftime(PO_DATE_FORMAT),
        "PO-Revision-Date": revised.strftime(PO_DATE_FORMAT),
        "Last-Translator": _user_label(user),
        "Language-Team": f"{locale.get_display_name()} <{locale.language_code}>",
        "Language": locale.language_code,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        TRANSLATION_ID_HEADER: str(translation.uuid),
        "X-Source-Language": translation.source.locale.language_code,
    }
    machine = {
        (
            string_translation.context.path,
            string_translation.translation_of.data,
        ): string_translation
        for string_translation in unreviewed_translations(translation).select_related(
            "context", "translation_of"
        )
    }
    seen = set()
    for entry in exported:
        unreviewed = machine.get((entry.msgctxt, entry.msgid))
        if unreviewed is not None and not entry.obsolete and entry.msgstr:
            # Machine translated, not reviewed: gettext's own "check this" mark. An import
            # leaves fuzzy entries out; without the flag, the same text confirms it.
            entry.flags.append("fuzzy")
            entry.tcomment = po_comment(unreviewed)
        # The same text twice in one rich text field is one segment per occurrence but must
        # be a single message for gettext.
        key = (entry.obsolete, entry.msgctxt, entry.msgid)
        if key not in seen:
            seen.add(key)
            po.append(entry)
    return po


def po_filename(translation):
    code = translation.target_locale.language_code
    return f"{slugify(translation.source.object_repr)}-{code}.po"


def read_po(uploaded_file):
    """Parse an uploaded file; ``POFileRefused`` if it is not a PO file."""
    if uploaded_file is None:
        raise POFileRefused(_("Choose a PO file to upload."))
    # polib.pofile() takes a path *or* the content: always give it a path, so that the
    # content of an upload is never taken for the name of a file on the server.
    with tempfile.NamedTemporaryFile(suffix=".po", delete=False) as temporary:
        for chunk in uploaded_file.chunks():
            temporary.write(chunk)
    try:
        return polib.pofile(temporary.name, encoding="utf-8")
    except (OSError, UnicodeDecodeError, ValueError) as error:
        # polib names the file it read: the server's temporary file, never to be shown.
        reason = str(error).replace(temporary.name, uploaded_file.name or "")
        raise POFileRefused(
            _("This is not a valid PO file ({error}).").format(error=reason)
        ) from error
    finally:
        os.unlink(temporary.name)


def _same_language(code, other):
    def primary(value):
        return value.replace("_", "-").split("-")[0].lower()

    return primary(code) == primary(other)


def _check_header(translation, po):
    file_id = po.metadata.get(TRANSLATION_ID_HEADER, "").strip()
    if not file_id:
        raise POFileRefused(
            _(
                "This file has no %(header)s header: only a PO file downloaded from this "
                "translation can be imported."
            )
            % {"header": TRANSLATION_ID_HEADER}
        )
    if file_id != str(translation.uuid):
        other = Translation.objects.filter(uuid=file_id).select_related("source").first()
        if other is not None and other.source_id == translation.source_id:
            raise POFileRefused(
                _("This file is for the %(other)s translation, not the %(locale)s one.")
                % {
                    "other": other.target_locale.get_display_name(),
                    "locale": translation.target_locale.get_display_name(),
                }
            )
        raise POFileRefused(
            _("This file was downloaded from another translation (%(title)s), not this one.")
            % {"title": other.source.object_repr if other else _("one that no longer exists")}
        )
    language = po.metadata.get("Language", "").strip()
    if language and not _same_language(language, translation.target_locale.language_code):
        raise POFileRefused(
            _("This file is in %(language)s, but this translation is into %(locale)s.")
            % {"language": language, "locale": translation.target_locale.get_display_name()}
        )


def _describe(entry):
    return f"{entry.msgctxt or ''} “{entry.msgid[:60]}”"


def _refuse(problem, entries):
    listed = "; ".join(_describe(entry) for entry in entries[:MAX_LISTED])
    more = len(entries) - MAX_LISTED
    if more > 0:
        listed += " " + ngettext("and %(n)d more", "and %(n)d more", more) % {"n": more}
    raise POFileRefused(f"{problem}: {listed}.")


@dataclass
class POImport:
    imported: int
    fuzzy: int


def check_po(translation, po):
    """The entries to import; ``POFileRefused`` if anything in the file is not acceptable."""
    _check_header(translation, po)
    current = {}
    for segment in StringSegment.objects.filter(source_id=translation.source_id).select_related(
        "context", "string"
    ):
        current.setdefault(segment.context.path, set()).add(segment.string.data)

    unknown, changed, invalid, to_import, fuzzy = [], [], [], [], 0
    for entry in po:
        if entry.obsolete:
            continue  # kept in exports for reference only
        if entry.msgctxt not in current:
            unknown.append(entry)
        elif entry.msgid not in current[entry.msgctxt]:
            changed.append(entry)
        elif "fuzzy" in entry.flags:
            fuzzy += 1
        elif entry.msgstr:
            try:
                StringValue.from_translated_html(entry.msgstr)
                validate_translation_links(entry.msgid, entry.msgstr)
            except ValueError:
                invalid.append(entry)
            else:
                to_import.append(entry)
    if unknown:
        _refuse(_("These messages are not in this page"), unknown)
    if changed:
        _refuse(
            _(
                "The source text of these messages has changed since the file was downloaded "
                "(download the file again)"
            ),
            changed,
        )
    if invalid:
        _refuse(_("These translations have markup that their source text does not have"), invalid)
    return to_import, fuzzy


@transaction.atomic
def import_po(translation, po, user=None):
    """Import a whole PO file or nothing; returns counts for the user's message."""
    to_import, fuzzy = check_po(translation, po)
    checked = polib.POFile()
    checked.metadata = dict(po.metadata)
    checked.extend(to_import)
    translation.import_po(checked, user=user, tool_name="PO File")
    # wagtail-localize leaves a translation whose text did not change as it was: a machine
    # translation confirmed unchanged (its fuzzy flag removed) becomes the translator's own.
    confirm_from_po(translation, to_import, user=user)
    return POImport(imported=len(to_import), fuzzy=fuzzy)
