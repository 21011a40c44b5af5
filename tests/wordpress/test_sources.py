"""The import's bulk writing of wagtail-localize sources (``news/wordpress/sources.py``)
stores exactly what wagtail-localize's own ``refresh_segments`` would: run after it, the
library finds every segment it wants and changes nothing."""

import pytest
from wagtail_localize.models import (
    OverridableSegment,
    RelatedObjectSegment,
    StringSegment,
    StringTranslation,
    TemplateSegment,
    TranslationContext,
    TranslationSource,
)

from news.models import ArticlePage, Author, Topic
from news.translation.status import MEMORY_TOOL_NAME
from news.wordpress.sources import load_relations, update_or_create_source

pytestmark = pytest.mark.django_db

SEGMENT_MODELS = (StringSegment, TemplateSegment, RelatedObjectSegment, OverridableSegment)


def stored(source):
    """Every segment of the source (with its id) and every context of its object."""
    segments = {
        (model.__name__, row.pk, row.context.path, row.order, _content(row))
        for model in SEGMENT_MODELS
        for row in model.objects.filter(source=source).select_related("context")
    }
    contexts = set(
        TranslationContext.objects.filter(object_id=source.object_id).values_list(
            "pk", "path", "path_id", "field_path"
        )
    )
    return segments, contexts


def _content(row):
    if isinstance(row, StringSegment):
        return (row.string.locale_id, row.string.data, row.attrs)
    if isinstance(row, TemplateSegment):
        return (row.template.template, row.template.template_format, row.template.string_count)
    if isinstance(row, RelatedObjectSegment):
        return (row.object_id, row.object.content_type_id)
    return row.data_json


def test_the_library_finds_every_imported_segment_as_it_would_store_it(kaunas):
    sources = TranslationSource.objects.all()
    kinds = {source.specific_content_type.model_class() for source in sources}
    assert {ArticlePage, Topic, Author} <= kinds
    for source in sources:
        before = stored(source)
        # Field paths computed again by the library, from the source's JSON copy.
        TranslationContext.objects.filter(object_id=source.object_id).update(field_path="")
        source.refresh_segments()
        assert stored(source) == before, source
    articles = sources.filter(specific_content_type__model="articlepage")
    for model in (StringSegment, TemplateSegment, RelatedObjectSegment):
        assert model.objects.filter(source__in=articles).exists(), model  # compared, not none


def test_a_changed_source_keeps_its_other_segments_and_fills_new_ones_from_memory(kaunas):
    article = ArticlePage.objects.get(slug="faktai-ir-skaiciai-kaunas-2024")
    other = ArticlePage.objects.get(slug="kaunas-unesco-besimokantis-miestas")
    source = TranslationSource.objects.get_for_instance(article)
    title_segment = StringSegment.objects.get(source=source, context__path="title")
    kept = set(StringSegment.objects.exclude(pk=title_segment.pk).filter(source=source))
    load_relations([article])
    article.title = other.title  # a text translated by hand in the other article

    result, created = update_or_create_source(article)

    assert (result.pk, created) == (source.pk, False)
    new = StringSegment.objects.get(source=source, context__path="title")
    assert set(StringSegment.objects.filter(source=source)) - kept == {new}
    assert new.string.data == other.title
    assert not StringSegment.objects.filter(pk=title_segment.pk).exists()
    filled = StringTranslation.objects.get(
        translation_of=new.string, context=new.context, locale__language_code="en"
    )
    assert filled.tool_name == MEMORY_TOOL_NAME
    assert filled.data == ArticlePage.objects.get(slug="kaunas-unesco-learning-city").title
    before = stored(source)
    result.refresh_segments()
    assert stored(source) == before
