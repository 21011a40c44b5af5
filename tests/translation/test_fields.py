"""What is translated and what is synchronised (README, "Translation workflow")."""

import datetime

from django.urls import reverse
from wagtail_localize.fields import get_translatable_fields
from wagtail_localize.models import OverridableSegment, StringSegment

from news.models import ArticlePage, ArticlePageTopic

from ..factories import make_topic
from .helpers import (
    REFERENCE_URL,
    make_image,
    publish_in_editor,
    put_translation,
    sync_translations,
    translation_of,
)

TRANSLATED = {
    "title",
    "slug",
    "seo_title",
    "search_description",
    "lead",
    "hero_image_alt",
    "body",
    # issue 13: the hero image's credit, and the byline (its authors are translated objects)
    "hero_image_credit",
    "bylines",
    # Topics (issue 12): each link's topic is a related object segment, mapped to the topic's
    # translation (tests/translation/test_topics.py).
    "topic_links",
}
SYNCHRONISED = {
    "show_in_menus",
    "publication_date",
    "hero_image",
    # issue 13: pinned to the home page, and the related articles (shown in each language)
    "featured",
    "related_links",
}
# Every text of the body is a segment of its own.
TEXT_SEGMENTS = {
    "title",
    "slug",
    "lead",
    "hero_image_alt",
    "body.heading.text",
    "body.paragraph",
    "body.image.alt_text",
    "body.image.caption",
    "body.quote.text",
    "body.quote.attribution",
    "body.initiatives.heading",
    "body.initiatives.items.item.label",
    "body.initiatives.items.item.text",
    "body.indicator_table.caption",
    "body.indicator_table.rows.item.indicator",
    "body.indicator_table.rows.item.value",
    "body.indicator_table.rows.item.note",
    "body.references.heading",
    "body.references.items.item.title",
    "body.references.items.item.publisher",
}
# Synchronised values a translator may still replace in the translation editor.
OVERRIDABLE = {
    "hero_image",
    "body.image.image",
    "body.paragraph",  # the address of a link in rich text
    "body.references.items.item.url",
}


def test_fields_are_translated_or_synchronised_on_purpose(article):
    fields = {field.field_name: field for field in get_translatable_fields(ArticlePage)}
    assert {name for name, field in fields.items() if field.is_translated(article)} == TRANSLATED
    assert set(fields) - TRANSLATED == SYNCHRONISED
    # Of the article's own fields, only the hero image may be replaced in a translation.
    assert fields["hero_image"].is_overridable(article)
    assert not fields["publication_date"].is_overridable(article)
    assert not fields["featured"].is_overridable(article)
    # Topics are not overridden but translated: each link maps to the topic's translation.
    assert fields["topic_links"].is_translated(article)


def test_every_text_is_a_segment_and_nothing_else_is(english_article, article, newsroom):
    source = translation_of(article, newsroom.en).source
    text = StringSegment.objects.filter(source=source).select_related("context")
    assert {segment.context.field_path for segment in text} == TEXT_SEGMENTS
    overridable = OverridableSegment.objects.filter(source=source).select_related("context")
    assert {segment.context.field_path for segment in overridable} == OVERRIDABLE
    # No segment for the date, the topics, a heading level, a quote style, an access date.
    paths = {s.context.field_path for s in text} | {s.context.field_path for s in overridable}
    for synchronised in ("publication_date", "topics", "level", "style", "accessed"):
        assert not any(synchronised in path for path in paths)


def test_synchronised_values_follow_the_source_without_new_segments(
    article, english_article, newsroom, editor_client, django_capture_on_commit_callbacks
):
    source = ArticlePage.objects.get(pk=article.pk)
    new_image = make_image("Laisvės alėja")
    source.publication_date = datetime.date(2025, 3, 1)
    source.hero_image = new_image
    learning = make_topic(newsroom.lt, "mokymasis")
    make_topic(newsroom.en, "learning", translation_of=learning)
    source.topic_links = [ArticlePageTopic(topic=learning)]
    source.body[0].value["level"] = "h3"
    source.body[3].value["style"] = "callout"
    source.body[6].value["items"][0]["accessed"] = datetime.date(2025, 2, 1)
    source.save_revision().publish()

    with django_capture_on_commit_callbacks(execute=True):
        sync_translations(editor_client, article, publish_translations=True)

    english = ArticlePage.objects.get(pk=english_article.pk)
    assert english.publication_date == datetime.date(2025, 3, 1)
    assert english.hero_image_id == new_image.pk
    # The topic's English edition (issue 12), not the Lithuanian topic.
    assert [topic.name for topic in english.topics] == ["learning"]
    assert english.body[0].value["level"] == "h3"
    assert english.body[3].value["style"] == "callout"
    assert english.body[6].value["items"][0]["accessed"] == datetime.date(2025, 2, 1)
    assert english.body[0].value["text"] == "Learning for everyone"  # translations kept


def test_a_translator_may_point_a_reference_to_its_english_version(
    article, english_article, newsroom, translator_client, django_capture_on_commit_callbacks
):
    translation = translation_of(article, newsroom.en)
    url_segment = OverridableSegment.objects.get(
        source=translation.source, context__path__endswith=".url"
    )
    english_url = "https://uil.unesco.org/en/learning-cities"
    url = reverse("wagtail_localize:edit_override", args=[translation.pk, url_segment.pk])
    response = put_translation(translator_client, url, english_url)
    assert response.status_code == 201, response.content
    with django_capture_on_commit_callbacks(execute=True):
        publish_in_editor(translator_client, english_article)

    english = ArticlePage.objects.get(pk=english_article.pk)
    assert english.body[6].value["items"][0]["url"] == english_url
    source = ArticlePage.objects.get(pk=article.pk)
    assert source.body[6].value["items"][0]["url"] == REFERENCE_URL
