"""The editions of a source's related objects read together (wagtail-localize, taken over).

Building a translated page (``news.translation.targets.translated_page``) asks, for each
related object segment of its source (an article's topics, its bylines' authors), whether the
object has an edition in the target locale (``TranslatableObject.has_translation``), and
then reads that edition to link it (``RelatedObjectSegmentValue.get_instance``): two
queries an object. The translation editor reads each object's edition in the source's
locale and in the target's (``TranslatableObject.get_instance``): two more. Within
``editions_read_together(source, *locales)`` all are answered from the editions of all the
source's related objects in those locales, read a query per model (and one for which
objects they are), or from those its caller read already (``editions_known``: a submission
reads them to decide which objects to submit, ``news.translation.creator``); outside it, and
for any other object or locale, by the library's own methods (``LIBRARY_HAS_TRANSLATION``,
``LIBRARY_GET_INSTANCE``, ``LIBRARY_OBJECT_INSTANCE``). ``take_over()`` (the app's
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
LIBRARY_OBJECT_INSTANCE = TranslatableObject.get_instance

# (source id, {locale id: {(content type id, translation key): edition or None}}) while known.
_editions = ContextVar("related_object_editions", default=None)


@contextmanager
def editions_read_together(source, *locales):
    locale_ids = {pk(locale) for locale in locales}
    read = _editions.get()
    if read is not None and read[0] == source.pk and locale_ids <= read[1].keys():
        yield  # read together already (a submission's: news.translation.creator)
        return
    editions = {locale_id: {} for locale_id in locale_ids}
    for content_type_id, translation_keys in related_keys(source).items():
        for in_locale in editions.values():
            in_locale.update(dict.fromkeys((content_type_id, key) for key in translation_keys))
        # The library reads them through the content type's model, as here.
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        for edition in edition_rows(model).filter(
            translation_key__in=translation_keys, locale_id__in=locale_ids
        ):
            editions[edition.locale_id][content_type_id, edition.translation_key] = edition
    with _known(source, editions):
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
    with _known(source, {pk(locale): editions}):
        yield


@contextmanager
def _known(source, editions_by_locale):
    token = _editions.set((source.pk, editions_by_locale))
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
    in_locale = {} if read is None else read[1].get(pk(locale), {})
    if (content_type_id, translation_key) not in in_locale:
        return False, None
    return True, in_locale[content_type_id, translation_key]


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


def object_instance(self, locale):
    """``TranslatableObject.get_instance``: with no edition, the model's ``DoesNotExist``,
    as the library raises it."""
    known, edition = _read_together(self.content_type_id, self.translation_key, locale)
    if not known:
        return LIBRARY_OBJECT_INSTANCE(self, locale)
    if edition is None:
        model = self.content_type.model_class()
        raise model.DoesNotExist(f"{model._meta.object_name} matching query does not exist.")
    return edition


def take_over():
    TranslatableObject.has_translation = has_translation
    TranslatableObject.get_instance = object_instance
    RelatedObjectSegmentValue.get_instance = get_instance
