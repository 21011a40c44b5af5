"""The translation editor without a query per segment (wagtail-localize, taken over).

wagtail-localize's translation editor (``views.edit_translation.edit_translation``) lists a
translation's string segments, synchronised values and related objects (an article's author
and topics), then reads each one's context and source text (or object) one query at a
time, and its serializer asks once more, for every translated string, which segment it
belongs to: three queries a segment, 160 of the 250 the editor took for the demo article.
A related object's editions in the source's and the target's locales were two queries
more. ``take_over()`` makes those answers arrive with the lists:

- the querysets of string segments select their context and string, those of synchronised
  values their context (both are required foreign keys: an inner join on primary keys;
  ``values()``, ``count()``, ``update()`` and ``delete()`` leave it out), and a source's
  related object segments their context and object;
- the serializers of translations and of overrides find each one's segment id in one query
  per editor, not one per translation;
- the editor runs with the editions of the source's related objects read together, a query
  per model (``news.translation.related_objects``).
"""

from django.db.models.fields.related_descriptors import ReverseManyToOneDescriptor
from django.utils.functional import cached_property
from wagtail_localize.models import OverridableSegment, StringSegment, TranslationSource
from wagtail_localize.views import edit_translation
from wagtail_localize.views.edit_translation import (
    SegmentOverrideSerializer,
    StringTranslationSerializer,
)

from .related_objects import editions_read_together

LIBRARY_EDITOR = edit_translation.edit_translation


def _select_related(model, *fields):
    """Make every queryset of ``model``'s default manager select ``fields``. Its manager
    class is ``model``'s own (made by ``QuerySet.as_manager()``), shared with no other model."""
    manager_class = type(model._default_manager)
    if manager_class.__name__ != f"ManagerFrom{model.__name__}QuerySet":
        raise TypeError(f"{model.__name__}'s manager is not its own: {manager_class}")
    get_queryset = manager_class.get_queryset

    def get_queryset_selecting_related(self):
        return get_queryset(self).select_related(*fields)

    manager_class.get_queryset = get_queryset_selecting_related


class RelatedSegmentsDescriptor(ReverseManyToOneDescriptor):
    """``TranslationSource.relatedobjectsegment_set``, selecting each segment's context and
    object (the model's manager is Django's own, shared with other models)."""

    @cached_property
    def related_manager_cls(self):
        class SelectingManager(super().related_manager_cls):
            def get_queryset(self):
                return super().get_queryset().select_related("context", "object")

        return SelectingManager


def editor(request, translation, instance):
    """``edit_translation.edit_translation``, with the source's related objects' editions in
    its locale and the target's read together."""
    source = translation.source
    with editions_read_together(source, source.locale_id, translation.target_locale_id):
        return LIBRARY_EDITOR(request, translation, instance)


def _segment_ids(serializer, segments, *fields):
    """``{(field values): segment id}`` of the editor's source, read once per serialization:
    the lowest id of each, as the ``first()`` it replaces picked it."""
    cache_name = f"news_segment_ids_{segments.model.__name__}"
    if cache_name not in serializer.context:
        ids = {}
        for *key, pk in segments.order_by("-pk").values_list(*fields, "pk"):
            ids[tuple(key)] = pk
        serializer.context[cache_name] = ids
    return serializer.context[cache_name]


def string_segment_id(serializer, translation):
    """``StringTranslationSerializer.get_segment_id``: the segment with the translation's
    string and context."""
    source = serializer.context.get("translation_source")
    if source is None:
        return None
    ids = _segment_ids(serializer, source.stringsegment_set.all(), "string_id", "context_id")
    return ids.get((translation.translation_of_id, translation.context_id))


def override_segment_id(serializer, override):
    """``SegmentOverrideSerializer.get_segment_id``: the synchronised value with the
    override's context. (wagtail-localize's own asked for it with ``only("id")``, which a
    queryset that selects the context refuses.)"""
    source = serializer.context.get("translation_source")
    if source is None:
        return None
    ids = _segment_ids(serializer, source.overridablesegment_set.all(), "context_id")
    return ids.get((override.context_id,))


def take_over():
    _select_related(StringSegment, "context", "string")
    _select_related(OverridableSegment, "context")
    StringTranslationSerializer.get_segment_id = string_segment_id
    SegmentOverrideSerializer.get_segment_id = override_segment_id
    related_segments = TranslationSource.relatedobjectsegment_set
    TranslationSource.relatedobjectsegment_set = RelatedSegmentsDescriptor(related_segments.rel)
    edit_translation.edit_translation = editor
