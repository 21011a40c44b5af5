"""The editions of a source's related objects read together (wagtail-localize, taken over).

Building a translated page (``news.translation.targets.translated_page``) asks, for each
related object segment of its source (an article's topics, its bylines' authors), whether the
object has an edition in the target locale (``TranslatableObject.has_translation``), and
then reads that edition to link it (``RelatedObjectSegmentValue.get_instance``): two
queries an object. Within ``editions_read_together(source, locale)`` both are answered
from the editions of all the source's related objects, read a query per model (and one for
which objects they are), or from those its caller read already (``editions_known``: a
submission reads them to decide which objects to submit, ``news.translation.creator``);
outside it, and for any other object or locale, by the library's own methods
(``LIBRARY_HAS_TRANSLATION``, ``LIBRARY_GET_INSTANCE``). ``take_over()`` (the app's
``ready()``) installs them.
"""

from collections import defaultdict
from contextlib import contextmanager
from contextvars import ContextVar

from django.contrib.contenttypes.models import ContentType
from wagtail_localize.models import RelatedObjectSegment, TranslatableObject, pk
from wagtail_localize.segments import RelatedObjectSegmentValue

LIBRARY_HAS_TRANSLATION = TranslatableObject.has_translation
LIBRARY_GET_INSTANCE = RelatedObjectSegmentValue.get_instance

# (source id, locale id, {(content type id, translation key): edition or None}) while known.
_editions = ContextVar("related_object_editions", default=None)


@contextmanager
def editions_read_together(source, locale):
    read = _editions.get()
    if read is not None and read[:2] == (source.pk, pk(locale)):
        yield  # read together already (a submission's: news.translation.creator)
        return
    editions = {}
    for content_type_id, translation_keys in related_keys(source).items():
        editions.update(dict.fromkeys((content_type_id, key) for key in translation_keys))
        # The library reads them through the content type's model, as here.
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        for edition in edition_rows(model).filter(
            translation_key__in=translation_keys, locale_id=pk(locale)
        ):
            editions[content_type_id, edition.translation_key] = edition
    with editions_known(source, locale, editions):
        yield


def related_keys(source):
    """``{content type id: [translation key, ...]}`` of the objects ``source``'s related
    object segments name, in the segments' order (one query)."""
    keys = defaultdict(list)
    segments = RelatedObjectSegment.objects.filter(source=source).order_by("order")
    for content_type_id, key in segments.values_list("object__content_type_id", "object_id"):
        if key not in keys[content_type_id]:
            keys[content_type_id].append(key)
    return keys


@contextmanager
def editions_known(source, locale, editions):
    """Within it, ``editions`` ({(content type id, translation key): edition or None}, of
    every related object of ``source``) are the editions in ``locale`` its translation
    links to, read by the caller (``edition_rows``); None: not read."""
    if editions is None:
        yield
        return
    token = _editions.set((source.pk, pk(locale), editions))
    try:
        yield
    finally:
        _editions.reset(token)


def edition_rows(model):
    """The rows of ``model`` to read editions from. A model whose editions readers may not
    see while they are being translated (a topic: ``annotate_readable``) says with each
    whether they may, so that the page saved with them need not ask again
    (``news.topics.models.localize_topic_links``)."""
    annotate_readable = getattr(model._default_manager, "annotate_readable", None)
    return annotate_readable() if annotate_readable else model._base_manager.all()


def _read_together(content_type_id, translation_key, locale):
    """``(known, edition)``: whether the object's edition in ``locale`` was read together,
    and that edition (None when it has none)."""
    read = _editions.get()
    if read is None or read[1] != pk(locale) or (content_type_id, translation_key) not in read[2]:
        return False, None
    return True, read[2][content_type_id, translation_key]


def has_translation(self, locale):
    """``TranslatableObject.has_translation``."""
    known, edition = _read_together(self.content_type_id, self.translation_key, locale)
    if not known:
        return LIBRARY_HAS_TRANSLATION(self, locale)
    return edition is not None


def get_instance(self, locale):
    """``RelatedObjectSegmentValue.get_instance``: with no edition, the library's
    ``DoesNotExist``."""
    known, edition = _read_together(self.content_type.pk, self.translation_key, locale)
    if not known or edition is None:
        return LIBRARY_GET_INSTANCE(self, locale)
    return edition


def take_over():
    TranslatableObject.has_translation = has_translation
    RelatedObjectSegmentValue.get_instance = get_instance
