"""The whole workflow through the real admin views: submit, translate every segment, publish,
read it under /en/; then edit the source, sync, and lose nothing already translated."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import rich_text
from wagtail_localize.models import StringSegment

from news.blocks import RICH_TEXT_FEATURES
from news.models import ArticlePage
from tests.page_form import body_field, page_form_data

from .helpers import (
    ENGLISH,
    PARAGRAPH,
    REFERENCE_URL,
    editor_props,
    messages_of,
    plain,
    public_text,
    publish_in_editor,
    submit_for_translation,
    sync_translations,
    translate_in_editor,
    translation_of,
)

CHANGED_PARAGRAPH = PARAGRAPH.replace("mokymosi miestas", "mokymosi miestas nuo 2024 m.")
CHANGED_VALUE = "300 100"
NEW_ENGLISH = {
    'Kaunas yra <b>UNESCO</b> <a id="a1">mokymosi miestas nuo 2024 m.</a>.': (
        'Kaunas is a <b>UNESCO</b> <a id="a1">learning city since 2024</a>.'
    ),
    CHANGED_VALUE: "300,100",
}


def english_article(article, newsroom):
    return ArticlePage.objects.get(translation_key=article.translation_key, locale=newsroom.en)


def translated_segments(translation):
    """{source text: translation} of every segment of a translation that has one."""
    segments = (
        StringSegment.objects.filter(source=translation.source)
        .annotate_translation(translation.target_locale)
        .select_related("string")
    )
    return {segment.string.data: segment.translation for segment in segments}


@pytest.fixture
def published_translation(
    article, newsroom, editor_client, translator_client, django_capture_on_commit_callbacks
):
    """The article submitted by an editor, translated and published by a translator."""
    response = submit_for_translation(editor_client, article, newsroom.en)
    assert response.status_code == 302
    english = english_article(article, newsroom)
    assert not english.live, "a new translation must not be published with Lithuanian text"

    saved = translate_in_editor(translator_client, english)
    assert set(saved) == set(ENGLISH), "every segment kind is offered for translation"
    with django_capture_on_commit_callbacks(execute=True):
        response = publish_in_editor(translator_client, english)
    assert response.status_code == 302
    english.refresh_from_db()
    assert english.live
    return english


def test_submitted_article_is_translated_and_published_under_en(
    published_translation, article, newsroom, client
):
    english = published_translation
    assert english.url == "/en/news/kaunas-a-learning-city/"
    text = public_text(client, english)
    for lithuanian, translated in ENGLISH.items():
        if lithuanian != "kaunas-mokymosi-miestas":  # the slug is in the URL
            assert plain(translated) in text
            assert plain(lithuanian) not in text, f"Lithuanian text on /en/: {lithuanian}"
    page = client.get(english.url).content.decode()
    assert REFERENCE_URL in page, "reference URLs are synchronised"
    assert english.hero_image_id == article.hero_image_id
    assert english.publication_date == article.publication_date


def test_editing_the_source_and_syncing_keeps_every_unchanged_translation(
    published_translation,
    article,
    newsroom,
    editor_client,
    translator_client,
    client,
    django_capture_on_commit_callbacks,
):
    english = published_translation
    translation = translation_of(article, newsroom.en)
    before = translated_segments(translation)

    # The editor changes one paragraph and one indicator value in the page editor, publishes.
    data = page_form_data(article)
    data[body_field(data, "paragraph")] = rich_text(CHANGED_PARAGRAPH, features=RICH_TEXT_FEATURES)
    data[body_field(data, "indicator_table", "rows", "0", "value", "value")] = CHANGED_VALUE
    response = editor_client.post(reverse("wagtailadmin_pages:edit", args=[article.pk]), data)
    assert response.status_code == 302, messages_of(response)
    article.refresh_from_db()
    assert article.body[5].value["rows"][0]["value"] == CHANGED_VALUE

    # ... and syncs, asking to publish: the translation is incomplete, so it is not published.
    with django_capture_on_commit_callbacks(execute=True):
        response = sync_translations(editor_client, article, publish_translations=True)
    assert response.status_code == 302

    after = translated_segments(translation)
    untranslated = {source for source, translated in after.items() if translated is None}
    assert untranslated == set(NEW_ENGLISH)
    kept = {source: translated for source, translated in after.items() if translated}
    assert kept == {source: before[source] for source in kept}
    assert len(kept) == len(before) - 2

    # Readers still get the last complete translation.
    text = public_text(client, english)
    assert plain("298,000") in text and plain("a UNESCO learning city.") in text
    assert plain(CHANGED_VALUE) not in text and plain("nuo 2024") not in text

    # The translator translates the two new segments and publishes: /en/ is up to date.
    props = editor_props(translator_client, english)
    assert {s["source"] for s in props["segments"] if s["type"] == "string"} >= set(NEW_ENGLISH)
    translate_in_editor(translator_client, english, {**ENGLISH, **NEW_ENGLISH}, only=NEW_ENGLISH)
    with django_capture_on_commit_callbacks(execute=True):
        publish_in_editor(translator_client, english)
    text = public_text(client, english)
    assert plain("300,100") in text and plain("learning city since 2024") in text
    assert plain("298,000") not in text
