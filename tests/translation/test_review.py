"""Machine translations wait for review (issue 13, defect 2): "Translate with ..." and
translation memory fills are marked in the editor, in PO exports and in the Translations
report, and publishing them needs the same explicit choice as an incomplete translation."""

import json
import shutil

import polib
import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail_localize.models import StringTranslation

from news.models import ArticlePage
from news.translation.status import Status, statuses_of

from .helpers import (
    ENGLISH,
    create_article,
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
from .helpers import article_body as lithuanian_body
from .test_po import download, upload

REPORT = reverse("news_translations_report")


@pytest.fixture
def machine_translated(article, newsroom, editor_client, translator_client):
    """The article submitted, then "Translate with Dummy translator" by a translator."""
    submit_for_translation(editor_client, article, newsroom.en)
    translation = translation_of(article, newsroom.en)
    english = translation.get_target_instance()
    props = editor_props(translator_client, english)
    response = translator_client.post(props["machineTranslator"]["url"], {"next": "/admin/"})
    assert response.status_code == 302
    return translation


def english_status(article):
    return next(s for s in statuses_of(article) if s.locale.language_code == "en")


def test_the_editor_marks_every_machine_segment_for_review(machine_translated, translator_client):
    english = machine_translated.get_target_instance()
    response = translator_client.get(reverse("wagtailadmin_pages:edit", args=[english.pk]))
    assert any("machine translated and need review" in m for m in messages_of(response))
    editor = BeautifulSoup(response.content, "html.parser").select_one(".js-translation-editor")
    props = json.loads(editor["data-props"])
    comments = [t["comment"] for t in props["initialStringTranslations"]]
    assert len(comments) == len(ENGLISH)
    assert all(c.startswith("Dummy translator on ") for c in comments)
    assert all(c.endswith("machine translated, needs review") for c in comments)


@pytest.mark.parametrize("role", ["translator_client", "editor_client"])
def test_publishing_unreviewed_machine_translation_is_refused(
    role, machine_translated, request, client
):
    user_client = request.getfixturevalue(role)
    english = machine_translated.get_target_instance()

    response = publish_in_editor(user_client, english)

    assert response.status_code == 302
    page = user_client.get(response.url)
    assert any(
        m.startswith("Not published:") and f"{len(ENGLISH)} segments are machine translated" in m
        for m in messages_of(page)
    )
    publish_anyway = reverse("news_publish_incomplete_translation", args=[machine_translated.pk])
    assert (publish_anyway in page.content.decode()) == (role == "editor_client")
    assert not ArticlePage.objects.get(pk=english.pk).live
    assert client.get("/en/news/kaunas-mokymosi-miestas/").status_code == 404


def test_an_editor_may_publish_machine_translation_on_purpose(
    machine_translated, editor_client, django_capture_on_commit_callbacks
):
    url = reverse("news_publish_incomplete_translation", args=[machine_translated.pk])
    confirm = editor_client.get(url)
    assert confirm.status_code == 200
    listed = BeautifulSoup(confirm.content, "html.parser").select(".unreviewed-segments li")
    assert "Statistikos departamentas" in [item.get_text() for item in listed]
    with django_capture_on_commit_callbacks(execute=True):
        assert editor_client.post(url).status_code == 302
    assert ArticlePage.objects.get(pk=machine_translated.get_target_instance().pk).live


def test_reviewing_every_segment_lets_the_translator_publish(
    article, machine_translated, translator_client, client, django_capture_on_commit_callbacks
):
    english = machine_translated.get_target_instance()
    status = english_status(article)
    assert (status.status, status.machine) == (Status.NEEDS_REVIEW, len(ENGLISH))

    translate_in_editor(translator_client, english)  # each segment edited and saved

    assert not StringTranslation.objects.filter(translation_type="machine").exists()
    with django_capture_on_commit_callbacks(execute=True):
        response = publish_in_editor(translator_client, english)
    assert response.status_code == 302
    english = ArticlePage.objects.get(pk=english.pk)
    assert english.live
    assert plain("Statistics Lithuania") in public_text(client, english)
    assert english_status(article).status == Status.UP_TO_DATE


def test_the_report_says_machine_translated_needs_review(
    article, machine_translated, editor_client
):
    response = editor_client.get(REPORT)
    html = BeautifulSoup(response.content, "html.parser")
    cell = html.select_one(f'td[data-status="{Status.NEEDS_REVIEW.value}"]')
    assert cell is not None
    assert f"{len(ENGLISH)} to review" in cell.get_text() or "peržiūrėti" in cell.get_text()
    filtered = editor_client.get(REPORT, {"locale": "en", "status": "needs_review"})
    assert article.pk in {row.pk for row in filtered.context["object_list"]}
    row = next(row for row in filtered.context["object_list"] if row.pk == article.pk)
    assert row.locale_statuses[1].status == Status.NEEDS_REVIEW


def test_memory_fills_need_review_too(article, newsroom, image, editor_client, translator_client):
    submit_for_translation(editor_client, article, newsroom.en)
    first = translation_of(article, newsroom.en)
    translate_in_editor(translator_client, first.get_target_instance())
    second = create_article(newsroom.news_lt, "Antras", slug="antras", body=lithuanian_body(image))
    submit_for_translation(editor_client, second, newsroom.en)
    translation = translation_of(second, newsroom.en)
    filled = StringTranslation.objects.filter(
        context__object_id=second.translation_key, translation_type="machine"
    )
    assert filled.exists()
    english = translation.get_target_instance()
    own = {"Antras", "antras", "Straipsnio įžanga."}
    translate_in_editor(
        translator_client,
        english,
        only=own,
        translations={"Antras": "Second", "antras": "second", "Straipsnio įžanga.": "Lead."},
    )
    response = publish_in_editor(translator_client, english)
    page = translator_client.get(response.url)
    assert any("machine translated and nobody has reviewed" in m for m in messages_of(page))
    assert english_status(second).status == Status.NEEDS_REVIEW


@pytest.mark.skipif(not shutil.which("msgfmt"), reason="GNU gettext is not installed")
def test_po_export_flags_machine_translations_and_an_import_confirms_them(
    machine_translated, translator_client
):
    content = download(translator_client, machine_translated)
    po = polib.pofile(content)
    entries = [entry for entry in po if not entry.obsolete]
    assert entries and all("fuzzy" in entry.flags for entry in entries)
    assert all("needs review" in entry.tcomment for entry in entries)
    # The translator confirms one machine translation as it is and corrects another.
    confirmed = next(entry for entry in entries if entry.msgid == "Meras")
    confirmed.flags.remove("fuzzy")
    corrected = next(entry for entry in entries if entry.msgid == "Statistikos departamentas")
    corrected.flags.remove("fuzzy")
    corrected.msgstr = "Statistics Lithuania"

    response = upload(translator_client, machine_translated, str(po))

    assert any("Imported 2 translations" in m for m in messages_of(response))
    translations = StringTranslation.objects.filter(locale=machine_translated.target_locale)
    manual = dict(
        translations.filter(translation_type="manual").values_list("translation_of__data", "data")
    )
    assert manual == {"Meras": "Meras", "Statistikos departamentas": "Statistics Lithuania"}
    assert translations.filter(translation_type="machine").count() == len(ENGLISH) - 2


def test_a_sync_with_machine_translation_does_not_publish_it(
    article, newsroom, editor_client, django_capture_on_commit_callbacks
):
    submit_for_translation(editor_client, article, newsroom.en)
    with django_capture_on_commit_callbacks(execute=True):
        response = sync_translations(
            editor_client, article, use_machine_translation=True, publish_translations=True
        )
    assert response.status_code == 302
    messages = messages_of(editor_client.get(response.url))
    assert any("machine translated and need review" in m for m in messages), messages
    english = translation_of(article, newsroom.en).get_target_instance()
    assert not ArticlePage.objects.get(pk=english.pk).live


def test_the_translated_title_gives_the_english_slug(
    article, newsroom, editor_client, translator_client
):
    """Issue 13 (8): the English edition's slug no longer starts as the Lithuanian one."""
    submit_for_translation(editor_client, article, newsroom.en)
    english = translation_of(article, newsroom.en).get_target_instance()
    translate_in_editor(
        translator_client,
        english,
        only={"Kaunas – mokymosi miestas"},
        translations={"Kaunas – mokymosi miestas": "Kaunas, a Learning City"},
    )
    slug = StringTranslation.objects.get(
        context__object_id=article.translation_key, context__path="slug"
    )
    assert (slug.data, slug.translation_type) == ("kaunas-a-learning-city", "manual")
    # A slug the translator typed is theirs: a new title leaves it alone.
    translate_in_editor(
        translator_client,
        english,
        only={"kaunas-mokymosi-miestas"},
        translations={"kaunas-mokymosi-miestas": "learning-city"},
    )
    translate_in_editor(
        translator_client,
        english,
        only={"Kaunas – mokymosi miestas"},
        translations={"Kaunas – mokymosi miestas": "Kaunas learns"},
    )
    slug.refresh_from_db()
    assert slug.data == "learning-city"
