"""Uploads from a local copy of ``wp-content/uploads``: each file imported once.

WPML's Media Translation gives each language its own attachment item for the same file; they
are one Wagtail image (or document), found by the file (``_wp_attached_file``). A resized
variant (``photo-1024x683.jpg``) resolves to its original. The old site is never contacted:
a file missing from the copy is reported and the import goes on without it.
"""

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.core.files import File
from django.core.files.images import ImageFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from .links import uploaded_file
from .models import WordPressItem

IMAGE_EXTENSIONS = {".jpg", ".jpeg", ".png", ".gif", ".webp"}
_VARIANT = re.compile(r"-(?:\d+x\d+|scaled|rotated)(?=\.[A-Za-z0-9]+$)")


@dataclass
class Attachment:
    wp_id: int
    file: str
    title: str = ""
    alt: str = ""
    language: str = ""


@dataclass
class MediaIndex:
    """Attachments of the export by file; filled in the first pass."""

    by_file: dict = field(default_factory=dict)  # file -> [Attachment]
    by_id: dict = field(default_factory=dict)  # wp id -> Attachment

    def add(self, item, language):
        file = item.meta_value("_wp_attached_file") or uploaded_file(item.attachment_url)
        if not file:
            return
        attachment = Attachment(
            wp_id=item.wp_id,
            file=file,
            title=item.title.strip(),
            alt=item.meta_value("_wp_attachment_image_alt").strip(),
            language=language or "",
        )
        self.by_file.setdefault(file, []).append(attachment)
        self.by_id[item.wp_id] = attachment

    def original(self, file):
        """The file a (possibly resized) variant's name stands for."""
        if file in self.by_file:
            return file
        stripped = _VARIANT.sub("", file)
        return stripped if stripped in self.by_file else file

    def alt(self, file, language):
        """The alternative text of the file's attachment in a language (any language else)."""
        attachments = self.by_file.get(file, [])
        ordered = [a for a in attachments if a.language == language] + attachments
        return next((a.alt for a in ordered if a.alt), "")

    def title(self, file, language):
        attachments = self.by_file.get(file, [])
        ordered = [a for a in attachments if a.language == language] + attachments
        return next((a.title for a in ordered if a.title), Path(file).stem)


class MediaLibrary:
    """Creates (or finds again) the Wagtail image or document of an uploaded file."""

    def __init__(self, site, index, uploads=None, dry_run=False, user=None):
        self.site = site
        self.index = index
        self.uploads = Path(uploads) if uploads else None
        self.dry_run = dry_run
        self.user = user
        self.cache = {}  # file -> image / document / None
        self.missing = {}  # file -> reason
        self.imported = []  # files imported in this run

    def resolve(self, file):
        """``(original file, image or document or None)``."""
        original = self.index.original(file)
        if original not in self.cache:
            self.cache[original] = self._find_or_import(original)
        return original, self.cache[original]

    def _find_or_import(self, file):
        known = (
            WordPressItem.objects.filter(site=self.site, attached_file=file)
            .exclude(image=None, document=None)
            .select_related("image", "document")
            .first()
        )
        if known is not None:
            return known.image or known.document
        path = self._local_path(file)
        if path is None:
            return None
        title = self.index.title(file, "")[:255]
        is_image = path.suffix.lower() in IMAGE_EXTENSIONS
        self.imported.append(file)
        if self.dry_run:
            return None
        with path.open("rb") as handle:
            if is_image:
                obj = get_image_model()(title=title, uploaded_by_user=self.user)
                obj.file = ImageFile(handle, name=path.name)
                obj._set_image_file_metadata()
            else:
                obj = get_document_model()(title=title, uploaded_by_user=self.user)
                obj.file = File(handle, name=path.name)
                obj._set_document_file_metadata()
            obj.save()
        self._record(file, obj, is_image)
        return obj

    def _local_path(self, file):
        if self.uploads is None:
            self.missing[file] = "no --uploads folder given"
            return None
        path = (self.uploads / file).resolve()
        if not str(path).startswith(str(self.uploads.resolve()) + os.sep):
            self.missing[file] = "outside the uploads folder"
            return None
        if not path.is_file():
            self.missing[file] = "not in the uploads folder"
            return None
        return path

    def _record(self, file, obj, is_image):
        attachments = self.index.by_file.get(file, [])
        for attachment in attachments:
            WordPressItem.objects.update_or_create(
                site=self.site,
                wp_id=attachment.wp_id,
                defaults={
                    "post_type": "attachment",
                    "language": attachment.language,
                    "attached_file": file,
                    "image": obj if is_image else None,
                    "document": None if is_image else obj,
                },
            )

    def image(self, file):
        original, obj = self.resolve(file)
        return obj if obj is not None and hasattr(obj, "get_rendition") else None

    def document(self, file):
        original, obj = self.resolve(file)
        return obj if obj is not None and not hasattr(obj, "get_rendition") else None
