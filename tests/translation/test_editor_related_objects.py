"""The translation editor's related objects (an article's author and topics), read together:
each shows its source and its edition in the target locale as wagtail-localize shows them,
and a topic more costs no query more (news.translation.segment_queries, related_objects)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail_localize.models import TranslatableObject

from news.models import ArticlePageTopic, Topic
from news.translation.related_objects import LIBRARY_OBJECT_INSTANCE
from tests.factories import make_topic

from .helpers import (
    editor_props,
    submit_for_translation,
    sync_translations,
    translated_as_written,
    translation_of,
)


@pytest.fixture
def english_draft(linked, newsroom, editor_client):
    submit_for_translation(editor_client, linked, newsroom.en)
    return translation_of(linked, newsroom.en).get_target_instance()


def related_segments(client, page):
    props = editor_props(client, page)
    return {
        segment["source"]["title"]: segment
        for segment in props["segments"]
        if segment["type"] == "related_object"
    }


def editor_queries(client, page):
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    client.get(url)  # warm: the session, content types
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return [query["sql"] for query in captured]


def test_each_related_object_shows_its_source_and_its_edition(
    english_draft, linked, newsroom, translator_client
):
    segments = related_segments(translator_client, english_draft)

    topic = linked.topic_links.get().topic
    english_topic = topic.get_translation(newsroom.en)
    shown = segments[topic.name]
    assert shown["dest"]["title"] == english_topic.name
    assert shown["dest"]["editUrl"].endswith(f"/edit/{english_topic.pk}/")
    assert shown["source"]["editUrl"].endswith(f"/edit/{topic.pk}/")
    assert shown["translationProgress"] is not None
    # The author's English edition is the copy the submission made.
    assert segments["Jonas Jonaitis"]["dest"]["title"] == "Jonas Jonaitis"


def add_topics(article, locale, names, translated=True):
    topics = [make_topic(article.locale, name) for name in names]
    for number, topic in enumerate(topics, start=article.topic_links.count()):
        if translated:
            translated_as_written(topic, locale)
        article.topic_links.add(ArticlePageTopic(topic=topic, sort_order=number))
    article.save_revision().publish()
    return topics


def test_a_related_object_with_no_edition_shows_none(
    english_draft, linked, newsroom, translator_client, editor_client
):
    (untranslated,) = add_topics(linked, newsroom.en, ["sportas"], translated=False)
    sync_translations(editor_client, linked)
    Topic.objects.filter(translation_key=untranslated.translation_key, locale=newsroom.en).delete()

    segments = related_segments(translator_client, english_draft)

    assert segments["sportas"]["dest"] is None
    assert segments["sportas"]["translationProgress"] is None
    assert segments[linked.topic_links.first().topic.name]["dest"] is not None


def test_related_objects_are_read_a_query_a_model(
    english_draft, linked, newsroom, translator_client, editor_client
):
    add_topics(linked, newsroom.en, ["kultūra", "sportas"])
    sync_translations(editor_client, linked)
    assert len(related_segments(translator_client, english_draft)) == 4  # author, 3 topics

    queries = editor_queries(translator_client, english_draft)

    def reads(table, by=""):
        return [
            sql
            for sql in queries
            if sql.startswith(f'SELECT "{table}".') and by in sql.partition(" WHERE ")[2]
        ]

    # Both editions of every topic in one query, of every author in another: the library
    # read each object's two editions by its key, one at a time. (Wagtail's edit view reads
    # the draft's topics by id, to check them: not the editor's.)
    assert len(reads("news_topic", by='"translation_key"')) == 1
    assert len(reads("news_author", by='"translation_key"')) == 1
    # Each segment's context and object came with it.
    assert reads("wagtail_localize_translatableobject", by='"translation_key" =') == []
    assert reads("wagtail_localize_translationcontext", by='"id" =') == []


def test_outside_the_editor_an_edition_is_read_as_the_library_reads_it(linked, newsroom):
    topic = linked.topic_links.get().topic
    translatable = TranslatableObject.objects.get(translation_key=topic.translation_key)

    assert translatable.get_instance(newsroom.en) == LIBRARY_OBJECT_INSTANCE(
        translatable, newsroom.en
    )
    with pytest.raises(type(topic).DoesNotExist):
        translatable.get_instance(999)  # no such locale
