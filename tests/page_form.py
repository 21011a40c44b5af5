"""The page editor's form data for an existing article, block and inline ids included (as
the editor sends them), so that an edit through the admin changes only what a test changes."""

import datetime
import re

from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock
from wagtail.test.utils.form_data import rich_text

from news.blocks import RICH_TEXT_FEATURES


def _block_data(block, value, prefix):
    if isinstance(block, blocks.StreamBlock):
        return _sequence_data(
            prefix,
            [(child.block_type, child.id, child.block, child.value) for child in value],
        )
    if isinstance(block, blocks.ListBlock):
        return _sequence_data(
            prefix, [(None, item.id, block.child_block, item.value) for item in value.bound_blocks]
        )
    if isinstance(block, blocks.StructBlock):
        data = {}
        for name, child in block.child_blocks.items():
            data.update(_block_data(child, value[name], f"{prefix}-{name}"))
        return data
    if isinstance(block, blocks.RichTextBlock):
        return {prefix: rich_text(value.source, features=RICH_TEXT_FEATURES)}
    if isinstance(block, ImageChooserBlock):
        return {prefix: str(value.pk) if value else ""}
    if isinstance(value, datetime.date):
        return {prefix: value.isoformat()}
    return {prefix: "" if value is None else str(value)}


def _sequence_data(prefix, items):
    data = {f"{prefix}-count": str(len(items))}
    for index, (block_type, block_id, block, value) in enumerate(items):
        item = f"{prefix}-{index}"
        data.update({f"{item}-deleted": "", f"{item}-order": str(index), f"{item}-id": block_id})
        if block_type:
            data[f"{item}-type"] = block_type
        data.update(_block_data(block, value, f"{item}-value"))
    return data


def _inline_data(prefix, rows, field):
    """An ordered inline panel's formset (topic links, bylines, related articles)."""
    rows = list(rows)
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": str(len(rows)),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for number, row in enumerate(rows):
        data.update(
            {
                f"{prefix}-{number}-id": str(row.pk),
                f"{prefix}-{number}-{field}": str(getattr(row, f"{field}_id")),
                f"{prefix}-{number}-ORDER": str(number + 1),
                f"{prefix}-{number}-DELETE": "",
            }
        )
    return data


def page_form_data(page, action="action-publish", **changes):
    """POST data of the article editor for ``page`` as it is, with ``changes`` applied."""
    page = page.specific
    data = {
        "title": page.title,
        "slug": page.slug,
        "lead": page.lead,
        "publication_date": page.publication_date.isoformat(),
        "hero_image": str(page.hero_image_id or ""),
        "hero_image_alt": page.hero_image_alt,
        "seo_title": page.seo_title,
        "search_description": page.search_description,
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
        **_inline_data("topic_links", page.topic_links.all(), "topic"),
        **_inline_data("bylines", page.bylines.all(), "author"),
        **_inline_data("related_links", page.related_links.all(), "related"),
    }
    if action:  # none: save a draft
        data[action] = action
    data.update(_block_data(page.body.stream_block, page.body, "body"))
    data.update(changes)
    return data


def body_field(data, block_type, *path):
    """The form field name of ``path`` in the first block of ``block_type`` in ``data``."""
    index = next(
        key.split("-")[1]
        for key, value in data.items()
        if re.fullmatch(r"body-\d+-type", key) and value == block_type
    )
    return "-".join(["body", index, "value", *path])
