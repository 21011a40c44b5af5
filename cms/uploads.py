"""Upload checks for Wagtail documents (images are checked by Wagtail itself).

Wagtail refuses a document whose extension is not in ``WAGTAILDOCS_EXTENSIONS`` or that is
larger than ``WAGTAILDOCS_MAX_UPLOAD_SIZE``; this form (``WAGTAILDOCS_DOCUMENT_FORM_BASE``)
also refuses one whose content is not what its extension says: a ``.pdf`` must be a PDF, an
office document a ZIP container, an ``.rtf`` RTF, and a ``.txt`` or ``.csv`` text that is
not HTML (which a browser could be tricked into running).

Images need nothing more: Wagtail's image field reads the format from the content (a
``.png`` holding HTML is "not a valid image"), refuses an extension that does not match it,
and enforces ``WAGTAILIMAGES_MAX_UPLOAD_SIZE`` and ``WAGTAILIMAGES_MAX_IMAGE_PIXELS``.
"""

import os
import re

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm

ZIP = (b"PK\x03\x04",)
SIGNATURES = {
    "pdf": (b"%PDF-",),
    "docx": ZIP,
    "xlsx": ZIP,
    "pptx": ZIP,
    "odt": ZIP,
    "ods": ZIP,
    "odp": ZIP,
    "rtf": (b"{\\rtf",),
}
TEXT_EXTENSIONS = {"txt", "csv"}
MARKUP = re.compile(rb"^\s*<\s*(!doctype|html|head|body|script|svg|\?xml|iframe)", re.IGNORECASE)
SNIFF_BYTES = 4096


def content_problem(uploaded):
    """Why the content of ``uploaded`` does not match its extension, or None."""
    extension = os.path.splitext(uploaded.name)[1].lower().lstrip(".")
    position = uploaded.tell() if hasattr(uploaded, "tell") else 0
    uploaded.seek(0)
    head = uploaded.read(SNIFF_BYTES)
    uploaded.seek(position)
    if extension in SIGNATURES:
        if not head.startswith(SIGNATURES[extension]):
            return _("The file is not a valid .%(extension)s file.") % {"extension": extension}
    elif extension in TEXT_EXTENSIONS and (b"\x00" in head or MARKUP.match(head)):
        return _("The file is not a plain .%(extension)s text file.") % {"extension": extension}
    return None


class DocumentForm(BaseDocumentForm):
    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if not uploaded or "file" not in self.changed_data:
            return uploaded
        problem = content_problem(uploaded)
        if problem:
            raise forms.ValidationError(problem, code="invalid_content")
        return uploaded
