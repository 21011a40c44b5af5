"""Readers never see a mixed-language page: an incomplete translation is not published, except
by an editor's explicit choice; a sync keeps the last complete translation live."""

import json

import pytest
from django.urls import reverse
from wagtail_localize.models import StringSegment, StringTranslation

from news.models import ArticlePage
from tests.page_form import body_field, page_form_data

from .helpers import (
    ENGLISH,
    REFERENCE_URL,
    database_state,
    editor_props,
    messages_of,
    plain,
    public_text,
    publish_in_editor,
    put_translation,
    submit_for_translation,
    sync_translations,
    translate_in_editor,
    translation_of,
)

ALL_BUT_ONE = set(ENGLISH) - {"Gyventojai"}


@pytest.fixture
def submitted(article, newsroom, editor_client):
    """The article submitted by an editor: its English page exists as a draft."""
    submit_for_translation(editor_client, article, newsroom.en)
    return translation_of(article, newsroom.en)


def test_a_new_translation_is_a_draft_not_a_lithuanian_page_under_en(submitted, client):
    english = submitted.get_target_instance()
    assert not english.live
    assert client.get("/en/news/kaunas-mokymosi-miestas/").status_code == 404


@pytest.mark.parametrize("role_client", ["translator_client", "editor_client"])
def test_publishing_an_incomplete_translation_is_refused(role_client, submitted, request):
    client = request.getfixturevalue(role_client)
    english = submitted.get_target_instance()
    translate_in_editor(client, english, only=ALL_BUT_ONE)
    before = database_state()

    response = publish_in_editor(client, english)

    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_pages:edit", args=[english.pk])
    page = client.get(response.url)
    assert any(
        m.startswith("Not published: 1 segment is not translated yet") for m in messages_of(page)
    )
    publish_anyway = reverse("news_publish_incomplete_translation", args=[submitted.pk])
    # Only an editor is offered to publish anyway.
    assert (publish_anyway in page.content.decode()) == (role_client == "editor_client")
    assert database_state() == before
    assert not ArticlePage.objects.get(pk=english.pk).live


def test_an_editor_may_publish_incomplete_on_purpose(
    submitted, editor_client, translator_client, client, django_capture_on_commit_callbacks
):
    english = submitted.get_target_instance()
    translate_in_editor(translator_client, english, only=ALL_BUT_ONE)
    url = reverse("news_publish_incomplete_translation", args=[submitted.pk])

    before = database_state()
    assert translator_client.get(url).status_code == 302  # refused to translators
    assert translator_client.post(url).url == reverse("wagtailadmin_home")
    assert database_state() == before

    confirm = editor_client.get(url)
    assert confirm.status_code == 200
    assert "Gyventojai" in confirm.content.decode()  # what readers would see in Lithuanian
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(url)
    assert response.status_code == 302
    english.refresh_from_db()
    assert english.live
    text = public_text(client, english)
    assert plain("Gyventojai") in text and plain("Students") in text


def test_machine_translation_then_corrections_through_the_editor(
    submitted, translator_client, client, django_capture_on_commit_callbacks
):
    english = submitted.get_target_instance()
    props = editor_props(translator_client, english)
    assert props["machineTranslator"]["name"] == "Dummy translator"

    response = translator_client.post(props["machineTranslator"]["url"], {"next": "/admin/"})
    assert response.status_code == 302
    machine = StringTranslation.objects.filter(locale=submitted.target_locale)
    assert machine.count() == StringSegment.objects.filter(source=submitted.source).count()
    assert set(machine.values_list("tool_name", flat=True)) == {"Dummy translator"}
    # The dummy translator reverses the words: "Statistikos departamentas" -> ...
    assert machine.get(translation_of__data="Statistikos departamentas").data == (
        "departamentas Statistikos"
    )

    translate_in_editor(translator_client, english, only={"Statistikos departamentas"})
    corrected = machine.get(translation_of__data="Statistikos departamentas")
    assert (corrected.data, corrected.translation_type) == ("Statistics Lithuania", "manual")
    # The other segments are still unreviewed machine output: not published (issue 13).
    response = publish_in_editor(translator_client, english)
    assert any(
        "machine translated and nobody has reviewed" in m
        for m in messages_of(translator_client.get(response.url))
    )
    assert not ArticlePage.objects.get(pk=english.pk).live
    translate_in_editor(translator_client, english)  # every segment reviewed
    with django_capture_on_commit_callbacks(execute=True):
        publish_in_editor(translator_client, english)
    assert plain("Statistics Lithuania") in public_text(
        client, ArticlePage.objects.get(pk=english.pk)
    )


def _publish_source_change(article, value="300 100"):
    """Publish a new value of the first indicator (in place: every block keeps its id)."""
    article = ArticlePage.objects.get(pk=article.pk)
    article.body[5].value["rows"][0]["value"] = value
    article.save_revision().publish()
    return article


def test_wagtail_localize_alone_would_publish_lithuanian_text(
    article, english_article, newsroom, client, django_capture_on_commit_callbacks
):
    """Why the guard exists: save_target() fills untranslated segments with the source."""
    _publish_source_change(article)
    translation = translation_of(article, newsroom.en)
    translation.source.update_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    assert plain("300 100") in public_text(client, english_article)


def test_a_sync_keeps_the_complete_translation_live_and_saves_a_draft(
    article, english_article, editor_client, client, django_capture_on_commit_callbacks
):
    live_revision = english_article.live_revision_id
    _publish_source_change(article)

    with django_capture_on_commit_callbacks(execute=True):
        response = sync_translations(editor_client, article, publish_translations=True)

    page = editor_client.get(response.url)
    assert any(
        "The English translation was not published: 1 segment still" in m for m in messages_of(page)
    )
    english = ArticlePage.objects.get(pk=english_article.pk)
    assert english.live_revision_id == live_revision
    assert english.has_unpublished_changes
    draft = english.get_latest_revision_as_object()
    assert "300 100" in json.dumps(
        list(draft.body.raw_data)
    )  # the draft shows the gap in Lithuanian
    text = public_text(client, english)
    assert plain("298,000") in text and plain("300 100") not in text


def test_a_sync_publishes_at_once_when_the_translation_is_complete(
    article, english_article, editor_client, client, django_capture_on_commit_callbacks
):
    """A change to synchronised content only (a reference URL) leaves nothing to translate."""
    source = ArticlePage.objects.get(pk=article.pk)
    new_url = "https://uil.unesco.org/learning-cities-2025"
    source.body[6].value["items"][0]["url"] = new_url
    source.save_revision().publish()

    with django_capture_on_commit_callbacks(execute=True):
        sync_translations(editor_client, article, publish_translations=True)

    html = client.get(english_article.url).content.decode()
    assert new_url in html and REFERENCE_URL not in html


def test_an_editor_may_sync_and_publish_incomplete_on_purpose(
    article, english_article, editor_client, client, django_capture_on_commit_callbacks
):
    _publish_source_change(article)
    with django_capture_on_commit_callbacks(execute=True):
        sync_translations(
            editor_client, article, publish_translations=True, publish_incomplete=True
        )
    assert plain("300 100") in public_text(client, english_article)


def test_an_untouched_segment_keeps_its_translation_through_several_syncs(
    article, english_article, newsroom, editor_client, translator_client
):
    for value in ("300 100", "301 000"):
        _publish_source_change(article, value)
        sync_translations(editor_client, article)
    translation = translation_of(article, newsroom.en)
    population = StringTranslation.objects.get(
        translation_of__data="Gyventojai", locale=newsroom.en
    )
    assert population.data == "Population"
    url = reverse(
        "wagtail_localize:edit_string_translation",
        args=[
            translation.pk,
            StringSegment.objects.get(source=translation.source, string__data="301 000").pk,
        ],
    )
    assert put_translation(translator_client, url, "301,000").status_code == 201


@pytest.mark.parametrize("kept", [True, False], ids=["kept", "without-news-hook"])
def test_restarting_a_stopped_translation_keeps_the_edits_made_meanwhile(
    kept,
    article,
    english_article,
    newsroom,
    translator_client,
    client,
    monkeypatch,
    django_capture_on_commit_callbacks,
):
    """wagtail-localize #876: left to itself, the restart overwrites the hand edits."""
    if not kept:
        monkeypatch.setattr(
            "news.translation.wagtail_hooks.keep_manual_edits", lambda *args, **kw: 0
        )
    translation = translation_of(article, newsroom.en)
    edit_url = reverse("wagtailadmin_pages:edit", args=[english_article.pk])
    stop = reverse("wagtail_localize:stop_translation", args=[translation.pk])
    assert translator_client.post(stop, {"next": edit_url}).status_code == 302

    # Stopped, the English page is edited in the ordinary page editor and published.
    data = page_form_data(english_article, title="Kaunas, a city that learns")
    data[body_field(data, "indicator_table", "rows", "0", "value", "note")] = "Official statistics"
    with django_capture_on_commit_callbacks(execute=True):
        assert translator_client.post(edit_url, data).status_code == 302

    translator_client.post(edit_url, {"localize-restart-translation": "on"})
    assert translation_of(article, newsroom.en).enabled
    with django_capture_on_commit_callbacks(execute=True):
        publish_in_editor(translator_client, english_article)

    text = public_text(client, ArticlePage.objects.get(pk=english_article.pk))
    assert (plain("Kaunas, a city that learns") in text) == kept
    assert (plain("Official statistics") in text) == kept
    assert (plain("Statistics Lithuania") in text) != kept


def test_the_sync_form_says_what_publishing_does(article, english_article, editor_client):
    source = translation_of(article, english_article.locale).source
    response = editor_client.get(reverse("wagtail_localize:update_translations", args=[source.pk]))
    assert response.status_code == 200
    content = response.content.decode()
    assert "keeps its last published version live and gets a draft" in content
    assert 'name="publish_incomplete"' in content


def test_a_bulk_publish_cannot_publish_a_synced_draft(
    article, english_article, editor_client, client, django_capture_on_commit_callbacks
):
    _publish_source_change(article)
    sync_translations(editor_client, article)  # a draft with the new value in Lithuanian
    live_revision = ArticlePage.objects.get(pk=english_article.pk).live_revision_id

    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(f"{url}?id={english_article.pk}", {}, follow=True)

    assert any(
        m.startswith("Publish translations from the translation editor")
        for m in messages_of(response)
    )
    assert ArticlePage.objects.get(pk=english_article.pk).live_revision_id == live_revision
    assert plain("300 100") not in public_text(client, english_article)
