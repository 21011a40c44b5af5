"""Topics through wagtail-localize: an article's topics map to their translations when it is
translated and synced, a topic not translated yet is offered in the translation editor (and
counts as untranslated), the snippet's own "Translate" action, and the topics report."""

import pytest
from django.test import Client
from django.urls import reverse
from wagtail_localize.models import (
    RelatedObjectSegment,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.operations import translate_object
from wagtail_localize.segments import RelatedObjectSegmentValue

from news.models import ArticlePage, ArticlePageTopic, Topic
from news.translation.creator import TranslationCreator
from news.translation.related_objects import (
    LIBRARY_GET_INSTANCE,
    LIBRARY_HAS_TRANSLATION,
    editions_read_together,
)
from news.translation.workflow import (
    IncompleteTranslationError,
    publish_translation,
    sync_translations,
    untranslated_count,
)

from ..factories import make_topic
from .helpers import editor_props, submit_for_translation, translate_completely, translation_of

TOPIC_NAMES = {"švietimas": "education", "sportas": "sport", "kultūra": "culture"}


def translate_topic(topic, locale):
    """The snippet's translation, as a translator completes it: every segment, then saved.

    Submitted first unless it already is (submitting an article submits its topics).
    """
    if not Translation.objects.filter(
        source__object_id=topic.translation_key, target_locale=locale
    ).exists():
        translate_object(topic, [locale])
    translation = translation_of(topic, locale)
    for segment in StringSegment.objects.filter(source=translation.source).select_related("string"):
        text = segment.string.data
        english = TOPIC_NAMES.get(text) or TOPIC_NAMES.get(text.replace("-", " ")) or text
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            context_id=segment.context_id,
            locale=locale,
            defaults={"data": english, "translation_type": "manual"},
        )
    translation.save_target(publish=True)
    return translation.get_target_instance()


@pytest.fixture
def filed(article, newsroom):
    """The article filed under "švietimas" (translated already) and "sportas" (not yet)."""
    education = make_topic(newsroom.lt, "švietimas")
    translate_topic(education, newsroom.en)
    sport = make_topic(newsroom.lt, "sportas")
    article.topic_links = [
        ArticlePageTopic(topic=education, sort_order=0),
        ArticlePageTopic(topic=sport, sort_order=1),
    ]
    article.save_revision().publish()
    return {"education": education, "sport": sport}


def client_get_status(url):
    return Client().get(url).status_code


def english_topics(article, newsroom):
    english = ArticlePage.objects.get(translation_key=article.translation_key, locale=newsroom.en)
    return [(topic.name, topic.locale.language_code) for topic in english.topics]


def test_translated_article_links_the_english_topics_never_the_lithuanian_ones(
    article, newsroom, filed, django_capture_on_commit_callbacks
):
    translation = translate_completely(article, newsroom.en)
    # Submitting the article submitted "sportas" too (wagtail-localize's related objects):
    # its English copy, still in Lithuanian, keeps the translation incomplete.
    sport_copy = Topic.objects.get(
        translation_key=filed["sport"].translation_key, locale=newsroom.en
    )
    assert sport_copy.name == "sportas"
    assert untranslated_count(translation) == 1
    with pytest.raises(IncompleteTranslationError):
        publish_translation(translation)
    with django_capture_on_commit_callbacks(execute=True):
        publish_translation(translation, allow_incomplete=True)
    assert english_topics(article, newsroom) == [("education", "en")]
    english = ArticlePage.objects.get(translation_key=article.translation_key, locale=newsroom.en)
    # Its published revision records the same links (a revert would bring no other back).
    assert [link.topic.name for link in english.live_revision.as_object().topic_links.all()] == [
        "education"
    ]
    assert client_get_status(f"/en/topics/{sport_copy.slug}/") == 404

    translate_topic(filed["sport"], newsroom.en)
    assert untranslated_count(translation) == 0
    with django_capture_on_commit_callbacks(execute=True):
        publish_translation(translation)
    assert english_topics(article, newsroom) == [("education", "en"), ("sport", "en")]


def test_a_topic_added_to_the_source_arrives_translated_at_the_next_sync(
    article, newsroom, filed, django_capture_on_commit_callbacks
):
    translate_topic(filed["sport"], newsroom.en)
    translation = translate_completely(article, newsroom.en)
    with django_capture_on_commit_callbacks(execute=True):
        publish_translation(translation)
    culture = make_topic(newsroom.lt, "kultūra")
    translate_topic(culture, newsroom.en)

    source = ArticlePage.objects.get(pk=article.pk)
    links = list(source.topic_links.all())
    source.topic_links = [*links[1:], ArticlePageTopic(topic=culture, sort_order=2)]
    with django_capture_on_commit_callbacks(execute=True):
        source.save_revision().publish()
        result = sync_translations(translation.source, publish=True)
    assert result.published == [translation]
    # "švietimas" removed, "kultūra" added: the English edition follows, in English.
    assert english_topics(article, newsroom) == [("sport", "en"), ("culture", "en")]
    assert not Topic.objects.filter(article_links__page__locale=newsroom.en, locale=newsroom.lt)


def test_the_translation_editor_offers_the_untranslated_topic(
    article, newsroom, filed, editor_client
):
    translate_completely(article, newsroom.en)
    translation_of(article, newsroom.en).save_target(publish=False)
    english = ArticlePage.objects.get(translation_key=article.translation_key, locale=newsroom.en)
    props = editor_props(editor_client, english)
    related = {
        segment["source"]["title"]: segment
        for segment in props["segments"]
        if segment["type"] == "related_object"
    }
    assert set(related) == {"švietimas", "sportas"}
    assert related["švietimas"]["dest"]["title"] == "education"
    # Submitted with the article: a copy to translate, linked from the editor.
    assert related["sportas"]["dest"]["title"] == "sportas"
    progress = related["sportas"]["translationProgress"]
    assert progress["translatedSegments"] < progress["totalSegments"]
    offered = related["sportas"]["source"]["createTranslationRequestUrl"]
    assert offered == reverse(
        "wagtail_localize:submit_snippet_translation",
        args=["news", "topic", filed["sport"].pk],
    )


def test_the_snippet_translate_action_creates_the_english_topic(newsroom, editor_client):
    topic = make_topic(newsroom.lt, "kultūra", description="Teatrai ir muziejai.")
    url = reverse("wagtail_localize:submit_snippet_translation", args=["news", "topic", topic.pk])
    assert editor_client.get(url).status_code == 200
    response = editor_client.post(url, {"locales": [newsroom.en.pk]})
    assert response.status_code == 302
    english = Topic.objects.get(translation_key=topic.translation_key, locale=newsroom.en)
    assert Translation.objects.filter(source__object_id=topic.translation_key).exists()
    # Opened in the translation editor: name, slug and description are its segments.
    segments = StringSegment.objects.filter(source__object_id=topic.translation_key).values_list(
        "string__data", flat=True
    )
    assert set(segments) == {"kultūra", "kultura", "Teatrai ir muziejai."}
    assert english.slug == "kultura"


def test_topics_report_shows_where_each_topic_stands(newsroom, editor_client):
    education = make_topic(newsroom.lt, "švietimas")
    translate_topic(education, newsroom.en)
    make_topic(newsroom.lt, "sportas")
    response = editor_client.get(reverse("news_topic_translations_report") + "?export=csv")
    assert response.status_code == 200
    rows = b"".join(response.streaming_content).decode().splitlines()
    by_name = {row.split(",")[0]: row for row in rows[1:]}
    assert set(by_name) == {"sportas", "švietimas"}  # sources only, not the translation
    assert "Missing" in by_name["sportas"] and "Up to date" in by_name["švietimas"]
    filtered = editor_client.get(
        reverse("news_topic_translations_report"), {"locale": "en", "status": "missing"}
    )
    assert "sportas" in filtered.text and "švietimas" not in filtered.text


def test_submitting_an_article_leaves_its_translated_topics_as_their_translators_left_them(
    article, newsroom, filed, editor_client
):
    english_education = Topic.objects.get(
        translation_key=filed["education"].translation_key, locale=newsroom.en
    )
    # The topic's English edition, worded by hand since its translation was saved.
    english_education.name = "education for all ages"
    english_education.save()

    response = submit_for_translation(editor_client, article, newsroom.en)

    assert response.status_code == 302
    english_education.refresh_from_db()
    assert english_education.name == "education for all ages"
    # The topic with no English edition yet was submitted with the article, as before.
    assert Topic.objects.filter(
        translation_key=filed["sport"].translation_key, locale=newsroom.en
    ).exists()
    assert english_topics(article, newsroom) == [("education for all ages", "en")]


def test_editions_read_together_answer_as_the_library_does(
    article, newsroom, filed, django_assert_num_queries
):
    source, _ = TranslationSource.get_or_create_from_instance(article)  # topics not submitted
    segments = RelatedObjectSegment.objects.filter(source=source).select_related("object")
    objects = {segment.object.translation_key: segment.object for segment in segments}
    education = objects[filed["education"].translation_key]  # translated
    sport = objects[filed["sport"].translation_key]  # not yet
    values = {
        key: RelatedObjectSegmentValue("topic", related.content_type, key)
        for key, related in objects.items()
    }
    english_education = Topic.objects.get(
        translation_key=education.translation_key, locale=newsroom.en
    )
    assert LIBRARY_HAS_TRANSLATION(education, newsroom.en)
    assert not LIBRARY_HAS_TRANSLATION(sport, newsroom.en)
    assert LIBRARY_GET_INSTANCE(values[education.pk], newsroom.en) == english_education

    with editions_read_together(source, newsroom.en):
        with django_assert_num_queries(0):
            assert education.has_translation(newsroom.en)
            assert not sport.has_translation(newsroom.en)
            assert values[education.pk].get_instance(newsroom.en) == english_education
        # No edition: the library's DoesNotExist; another locale: the library's answer.
        with pytest.raises(Topic.DoesNotExist):
            values[sport.pk].get_instance(newsroom.en)
        assert values[sport.pk].get_instance(newsroom.lt) == filed["sport"]


def test_a_topic_is_translated_everywhere_with_an_edition_and_a_translation_in_each_locale(
    newsroom, filed
):
    creator = TranslationCreator(None, [newsroom.en])
    assert creator.translated_everywhere(filed["education"])
    assert not creator.translated_everywhere(filed["sport"])  # neither
    english = Topic.objects.get(
        translation_key=filed["education"].translation_key, locale=newsroom.en
    )
    Translation.objects.filter(source__object_id=english.translation_key).delete()
    assert not creator.translated_everywhere(filed["education"])  # an edition, no translation
    culture = make_topic(newsroom.lt, "kultūra")
    translate_object(culture, [newsroom.en])
    Topic.objects.filter(translation_key=culture.translation_key, locale=newsroom.en).delete()
    assert not creator.translated_everywhere(culture)  # a translation, no edition
    assert TranslationCreator(None, [newsroom.lt]).translated_everywhere(culture)  # none wanted
