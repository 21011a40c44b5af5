"""The translation editor as translators found it (issue 13, 8): each segment labelled by
its own block, and no "Edit this image" link for those who may not edit images."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail_localize.models import StringSegment

from news.translation.roles import EDITORS, TRANSLATORS

from .helpers import editor_props, submit_for_translation, translation_of


@pytest.fixture
def english_draft(article, newsroom, editor_client):
    submit_for_translation(editor_client, article, newsroom.en)
    return translation_of(article, newsroom.en).get_target_instance()


def test_every_body_segment_is_labelled_by_its_own_block(english_draft, translator_client):
    labels = {
        segment.get("source", segment.get("value")): (
            segment["location"]["field"],
            segment["location"]["subField"],
        )
        for segment in editor_props(translator_client, english_draft)["segments"]
    }
    table = "Indicator table (Facts & Figures)"
    assert labels["Faktai ir skaičiai"] == (table, "Caption")
    assert labels["Gyventojai"] == (table, "Indicator")
    assert labels["298 000"] == (table, "Value")
    assert labels["Statistikos departamentas"] == (table, "Note or source")
    assert labels["Bibliotekos"] == ("Initiatives list", "Label")
    assert labels["Dirba ilgiau darbo dienomis."] == ("Initiatives list", "Text")
    assert labels["Mokymosi miestų tinklas"] == ("References", "Title")
    assert labels["UNESCO mokymosi visą gyvenimą institutas"] == ("References", "Publisher")
    assert labels["Rotušės aikštė"] == ("Image with caption", "Caption")
    # Blocks that are one segment keep their block's name alone, as wagtail-localize gives it.
    assert labels["Mokymasis visiems"] == ("Heading", "Heading")
    paragraph = 'Kaunas yra <b>UNESCO</b> <a id="a1">mokymosi miestas</a>.'
    assert labels[paragraph] == ("Paragraph", None)
    assert labels["Kaunas – mokymosi miestas"] == ("Title", None)


@pytest.mark.parametrize("role, link_shown", [(EDITORS, True), (TRANSLATORS, False)])
def test_edit_this_image_is_offered_only_to_who_may_edit_images(
    english_draft, image, role_clients, role, link_shown
):
    client = role_clients[role]
    image_edit = reverse("wagtailimages:edit", args=[image.pk])
    response = client.get(reverse("wagtailadmin_pages:edit", args=[english_draft.pk]))
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    assert page.select_one(".js-translation-editor") is not None
    # The editor's script links every image segment to `{adminBaseUrl}images/<id>/`.
    assert image_edit.startswith(reverse("wagtailadmin_home") + "images/")
    hiding = [
        style.get_text()
        for style in page.select("style")
        if 'a.edit-link[href*="/images/"]' in style.get_text()
    ]
    assert bool(hiding) is not link_shown
    assert (client.get(image_edit).status_code == 200) is link_shown


def test_every_translation_names_its_own_segment(english_article, translator_client):
    """The segment each translation belongs to, now found in one query (segment_queries)."""
    props = editor_props(translator_client, english_article)
    segments = StringSegment.objects.in_bulk(
        [item["segment_id"] for item in props["initialStringTranslations"]]
    )

    shown = {segment["id"] for segment in props["segments"] if segment["type"] == "string"}
    assert len(props["initialStringTranslations"]) == len(shown) > 20
    for item in props["initialStringTranslations"]:
        segment = segments[item["segment_id"]]
        assert segment.string_id == item["string_id"]
        assert segment.pk in shown


def test_the_title_names_the_source_without_rebuilding_it(english_article, translator_client):
    response = translator_client.get(reverse("wagtailadmin_pages:edit", args=[english_article.pk]))
    title = BeautifulSoup(response.content, "html.parser").title.get_text()
    assert "Translation of Kaunas – mokymosi miestas into English" in title
