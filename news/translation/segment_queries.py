"""The translation editor without a query per segment (wagtail-localize, taken over).

wagtail-localize's translation editor (``views.edit_translation.edit_translation``) lists a
translation's string segments and synchronised values, then reads each one's context and
source text one query at a time, and its serializer asks once more, for every translated
string, which segment it belongs to: three queries a segment, 160 of the 250 the editor
took for the demo article. ``take_over()`` makes those answers arrive with the lists:

- the querysets of string segments select their context and string, those of synchronised
  values their context (both are required foreign keys: an inner join on primary keys;
  ``values()``, ``count()``, ``update()`` and ``delete()`` leave it out);
- the serializer of translations finds each segment's id in one query per editor, not one
  per translation.
"""

from wagtail_localize.models import OverridableSegment, StringSegment
from wagtail_localize.views.edit_translation import StringTranslationSerializer

SEGMENT_IDS = "news_segment_ids"


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


def segment_id(serializer, translation):
    """``StringTranslationSerializer.get_segment_id`` from one query per serialization: the
    segment of the editor's source with the translation's string and context (the lowest id,
    as wagtail-localize's ``first()`` picks it)."""
    source = serializer.context.get("translation_source")
    if source is None:
        return None
    if SEGMENT_IDS not in serializer.context:
        ids = {}
        for key_string, key_context, pk in source.stringsegment_set.order_by("-pk").values_list(
            "string_id", "context_id", "pk"
        ):
            ids[key_string, key_context] = pk
        serializer.context[SEGMENT_IDS] = ids
    return serializer.context[SEGMENT_IDS].get(
        (translation.translation_of_id, translation.context_id)
    )


def take_over():
    _select_related(StringSegment, "context", "string")
    _select_related(OverridableSegment, "context")
    StringTranslationSerializer.get_segment_id = segment_id
