"""What the newsroom changes in wagtail-localize's translation editor (its template is
extended in ``templates/wagtail_localize/admin/edit_translation.html``)."""

import json

from django import template
from django.utils.text import capfirst
from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.permissions import policy_registry
from wagtail_localize.models import OverridableSegment, StringSegment

register = template.Library()

SEGMENT_MODELS = {"string": StringSegment, "synchronised_value": OverridableSegment}


def _field_block(model, field_path):
    """The block a segment's field path ends at ("body.indicator_table.rows.item.value" → the
    row's value block), or None outside a StreamField."""
    field_name, *components = field_path.split(".")
    field = model._meta.get_field(field_name)
    if not isinstance(field, StreamField):
        return None
    block = field.stream_block
    for component in components:
        if isinstance(block, blocks.ListBlock):
            block = block.child_block  # the "item" step
        elif isinstance(block, blocks.StructBlock | blocks.StreamBlock):
            block = block.child_blocks[component]
    return block


@register.simple_tag
def newsroom_editor(props, translation):
    """The editor's props (JSON) with each body segment labelled by its own block, and the
    sources of its rich text segments (for ``news/translation_editor.js``).

    wagtail-localize labels a segment with the top block's first child only, so every cell
    of a ListBlock of StructBlocks was labelled with the list's own label ("Rows").
    """
    props = json.loads(props)
    model = translation.source.specific_content_type.model_class()
    rich_text_sources = []
    for segment_type, segment_model in SEGMENT_MODELS.items():
        segments = [s for s in props["segments"] if s["type"] == segment_type]
        field_paths = dict(
            segment_model.objects.filter(id__in=[s["id"] for s in segments]).values_list(
                "id", "context__field_path"
            )
        )
        for segment in segments:
            block = _field_block(model, field_paths[segment["id"]])
            if block is None:
                continue
            label = str(capfirst(block.label))
            if label != segment["location"]["field"]:
                segment["location"]["subField"] = label
            if segment_type == "string" and isinstance(block, blocks.RichTextBlock):
                rich_text_sources.append(segment["source"])
    return {"props": json.dumps(props), "rich_text_sources": rich_text_sources}


@register.simple_tag
def can_edit_images(user):
    """Whether the editor's "Edit this image" links lead anywhere: Translators and Moderators
    may only choose images (news.translation.roles), and the link is drawn by the editor's
    script for everyone."""
    return policy_registry.get_by_type(get_image_model()).user_has_permission(user, "change")
