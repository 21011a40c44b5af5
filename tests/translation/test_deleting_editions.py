"""Deleting an edition of translated content (news.translation.deletion): its own records go,
its source's stay while the source edition remains, and with no edition of the source left,
wagtail-localize cleans up as it does."""

from wagtail_localize.models import (
    RelatedObjectSegment,
    StringSegment,
    StringTranslation,
    TranslatableObject,
    Translation,
    TranslationSource,
)

from news.models import ArticlePage, ArticlePageTopic, Topic
from news.translation.workflow import publish_translation, sync_translations

from ..factories import make_topic
from .helpers import submit_for_translation, translate_completely, translation_of
from .test_topics import english_topics, translate_topic


def _records(translation_key):
    return {
        "object": TranslatableObject.objects.filter(translation_key=translation_key).exists(),
        "sources": TranslationSource.objects.filter(object_id=translation_key).count(),
        "translations": Translation.objects.filter(source__object_id=translation_key).count(),
        "string translations": StringTranslation.objects.filter(
            context__object_id=translation_key
        ).count(),
    }


def test_deleting_a_topics_english_edition_keeps_it_in_every_article_that_links_it(
    article, newsroom, django_capture_on_commit_callbacks
):
    education = make_topic(newsroom.lt, "švietimas")
    translate_topic(education, newsroom.en)
    article.topic_links = [ArticlePageTopic(topic=education, sort_order=0)]
    article.save_revision().publish()
    translation = translate_completely(article, newsroom.en)
    with django_capture_on_commit_callbacks(execute=True):
        publish_translation(translation)
    assert english_topics(article, newsroom) == [("education", "en")]
    links = RelatedObjectSegment.objects.filter(source=translation.source)
    assert list(links.values_list("object_id", flat=True)) == [education.translation_key]
    assert _records(education.translation_key)["string translations"] == 2  # name and slug

    Topic.objects.get(translation_key=education.translation_key, locale=newsroom.en).delete()

    # The article's source still links the topic (wagtail-localize deleted the link with the
    # topic's translatable object), and the topic keeps its source, without the translation.
    assert list(links.values_list("object_id", flat=True)) == [education.translation_key]
    assert _records(education.translation_key) == {
        "object": True,
        "sources": 1,
        "translations": 0,
        "string translations": 0,
    }
    assert english_topics(article, newsroom) == []  # its link went with the English topic

    source = TranslationSource.objects.get(object_id=education.translation_key)
    translate_topic(education, newsroom.en)  # translated again, from the same source
    assert TranslationSource.objects.get(object_id=education.translation_key) == source
    with django_capture_on_commit_callbacks(execute=True):
        sync_translations(translation.source, publish=True)
    assert english_topics(article, newsroom) == [("education", "en")]


def test_deleting_an_articles_english_edition_keeps_its_source_to_translate_again(
    article, newsroom, editor_client
):
    submit_for_translation(editor_client, article, newsroom.en)
    translation = translation_of(article, newsroom.en)
    segments = StringSegment.objects.filter(source=translation.source).count()
    assert segments

    ArticlePage.objects.get(translation_key=article.translation_key, locale=newsroom.en).delete()

    assert _records(article.translation_key) == {
        "object": True,
        "sources": 1,
        "translations": 0,
        "string translations": 0,
    }
    assert StringSegment.objects.filter(source=translation.source).count() == segments
    submit_for_translation(editor_client, article, newsroom.en)
    assert translation_of(article, newsroom.en).source == translation.source


def test_with_no_edition_of_the_source_left_everything_goes_as_in_wagtail_localize(newsroom):
    education = make_topic(newsroom.lt, "švietimas")
    english = translate_topic(education, newsroom.en)
    key = education.translation_key

    Topic.objects.get(pk=education.pk).delete()  # the source: the English edition remains
    assert _records(key) == {
        "object": False,
        "sources": 0,
        "translations": 0,
        "string translations": 0,
    }
    assert Topic.objects.filter(pk=english.pk).exists()
