"""The import's bulk writing of wagtail-localize sources (``news/translation/sources.py``)
stores exactly what wagtail-localize's own ``refresh_segments`` would: run after it, the
library finds every segment it wants and changes nothing."""

import pytest
from wagtail_localize.models import (
    RelatedObjectSegment,
    StringSegment,
    StringTranslation,
    TemplateSegment,
    TranslationContext,
    TranslationSource,
)

from news.models import ArticlePage, Author, Topic
from news.translation.relations import load_relations
from news.translation.sources import LIBRARY_REFRESH_SEGMENTS, update_or_create_source
from news.translation.status import MEMORY_TOOL_NAME

from ..translation.helpers import stored_segments

pytestmark = pytest.mark.django_db


def test_the_library_finds_every_imported_segment_as_it_would_store_it(kaunas):
    sources = TranslationSource.objects.all()
    kinds = {source.specific_content_type.model_class() for source in sources}
    assert {ArticlePage, Topic, Author} <= kinds
    for source in sources:
        before = stored_segments(source)
        # Field paths computed again by the library, from the source's JSON copy.
        TranslationContext.objects.filter(object_id=source.object_id).update(field_path="")
        LIBRARY_REFRESH_SEGMENTS(source)
        assert stored_segments(source) == before, source
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
    before = stored_segments(source)
    LIBRARY_REFRESH_SEGMENTS(result)
    assert stored_segments(source) == before
