"""A translation longer than its field may hold (news/translation/lengths.py): kept and
flagged in the translation editor, never copied to the page (PostgreSQL refused the draft
title and the editor answered 500)."""

import pytest
from wagtail_localize.models import StringTranslation

from news.models import ArticlePage
from news.translation.workflow import untranslated_count

from .helpers import editor_props, put_translation, submit_for_translation, translation_of

pytestmark = pytest.mark.django_db

TOO_LONG = "Kaunas, a city where people of every age keep learning " * 5  # 280 characters


def _title_segment(client, page):
    props = editor_props(client, page)
    return next(
        segment
        for segment in props["segments"]
        if segment["type"] == "string" and segment["source"] == "Kaunas – mokymosi miestas"
    )


def test_a_title_too_long_is_kept_and_flagged_not_copied_to_the_page(
    article, newsroom, editor_client
):
    submit_for_translation(editor_client, article, newsroom.en)
    english = ArticlePage.objects.get(translation_key=article.translation_key, locale=newsroom.en)
    title = _title_segment(editor_client, english)

    response = put_translation(editor_client, title["editUrl"], TOO_LONG)

    assert response.status_code in (200, 201)
    stored = StringTranslation.objects.get(locale=newsroom.en, data=TOO_LONG)
    assert stored.has_error and "255" in stored.field_error
    assert response.json()["error"] == stored.field_error  # what the editor shows beside it
    english.refresh_from_db()
    assert english.draft_title == "Kaunas – mokymosi miestas"
    assert not _slug_translations(newsroom)  # nor made into a slug
    translation = translation_of(article, newsroom.en)
    untranslated = untranslated_count(translation)

    response = put_translation(editor_client, title["editUrl"], "Kaunas, a learning city")

    assert response.status_code == 200
    stored.refresh_from_db()
    assert not stored.has_error and stored.field_error == ""
    english.refresh_from_db()
    assert english.draft_title == "Kaunas, a learning city"
    assert untranslated_count(translation) == untranslated - 2  # the title and its slug
    assert _slug_translations(newsroom) == ["kaunas-a-learning-city"]


def _slug_translations(newsroom):
    return list(
        StringTranslation.objects.filter(locale=newsroom.en, context__path="slug").values_list(
            "data", flat=True
        )
    )
