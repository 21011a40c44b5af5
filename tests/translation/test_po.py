"""PO files: what the translation editor downloads passes ``msgfmt -c``; an upload is imported
whole, or refused with the reason and nothing changed."""

import shutil
import subprocess

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail_localize.models import StringTranslation

from .helpers import (
    ENGLISH,
    PARAGRAPH,
    create_article,
    database_state,
    messages_of,
    plain,
    public_text,
    publish_in_editor,
    translate_in_editor,
    translation_of,
)
from .helpers import article_body as lithuanian_body

pytestmark = pytest.mark.skipif(not shutil.which("msgfmt"), reason="GNU gettext is not installed")


@pytest.fixture
def translation(article, newsroom, editor_client):
    """The article submitted for translation into English, nothing translated yet."""
    editor_client.post(
        reverse("wagtail_localize:submit_page_translation", args=[article.pk]),
        {"locales": [newsroom.en.pk]},
    )
    return translation_of(article, newsroom.en)


def download(client, translation):
    response = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('-en.po"')
    return response.content.decode()


def upload(client, translation, content, name="translation.po"):
    data = content.encode() if isinstance(content, str) else content
    next_url = reverse("wagtailadmin_pages:edit", args=[translation.get_target_instance().pk])
    return client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"file": SimpleUploadedFile(name, data, "text/x-gettext-translation"), "next": next_url},
        follow=True,
    )


def msgfmt_check(tmp_path, content):
    path = tmp_path / "translation.po"
    path.write_text(content, encoding="utf-8")
    return subprocess.run(
        ["msgfmt", "-c", "-o", str(tmp_path / "translation.mo"), str(path)],
        capture_output=True,
        text=True,
        check=False,
    )


def translated(content, translations=ENGLISH):
    po = polib.pofile(content)
    for entry in po:
        entry.msgstr = translations.get(entry.msgid, entry.msgstr)
    return po


def test_exported_file_passes_msgfmt_check(translation, translator_client, tmp_path):
    content = download(translator_client, translation)
    result = msgfmt_check(tmp_path, content)
    assert result.returncode == 0, result.stderr
    assert result.stderr == "", "msgfmt -c warns about nothing, the header included"

    po = polib.pofile(content)
    assert po.metadata["Language"] == "en"
    assert po.metadata["X-WagtailLocalize-TranslationID"] == str(translation.uuid)
    assert {entry.msgid for entry in po} == set(ENGLISH)


def test_a_half_translated_file_with_repeated_text_also_passes(
    newsroom, image, translator_client, editor_client, tmp_path
):
    repeated = PARAGRAPH + "<p>Taip.</p><p>Taip.</p>"  # one rich text field, the same text twice
    article = create_article(
        newsroom.news_lt,
        "Kartojasi",
        slug="kartojasi",
        body=lithuanian_body(image, paragraph=repeated),
    )
    editor_client.post(
        reverse("wagtail_localize:submit_page_translation", args=[article.pk]),
        {"locales": [newsroom.en.pk]},
    )
    translation = translation_of(article, newsroom.en)
    translate_in_editor(translator_client, translation.get_target_instance(), only={"Gyventojai"})

    content = download(translator_client, translation)

    assert content.count('msgid "Taip."') == 1
    assert 'msgstr "Population"' in content
    result = msgfmt_check(tmp_path, content)
    assert (result.returncode, result.stderr) == (0, "")


def test_round_trip_imports_every_translation(
    translation, translator_client, client, django_capture_on_commit_callbacks
):
    po = translated(download(translator_client, translation))

    response = upload(translator_client, translation, str(po))

    assert f"Imported {len(ENGLISH)} translations from the PO file." in messages_of(response)
    imported = StringTranslation.objects.filter(locale=translation.target_locale)
    assert {t.translation_of.data: t.data for t in imported} == ENGLISH
    assert set(imported.values_list("tool_name", flat=True)) == {"PO File"}

    english = translation.get_target_instance()
    with django_capture_on_commit_callbacks(execute=True):
        publish_in_editor(translator_client, english)
    english.refresh_from_db()
    assert english.live
    assert plain("Statistics Lithuania") in public_text(client, english)


def test_fuzzy_translations_are_left_out(translation, translator_client):
    po = translated(download(translator_client, translation))
    po.find("Gyventojai").flags.append("fuzzy")

    response = upload(translator_client, translation, str(po))

    assert any("1 fuzzy translation was left out" in m for m in messages_of(response))
    assert not StringTranslation.objects.filter(translation_of__data="Gyventojai").exists()
    assert StringTranslation.objects.filter(translation_of__data="Studentai").exists()


def _without_header(content):
    po = polib.pofile(content)
    del po.metadata["X-WagtailLocalize-TranslationID"]
    return str(po)


def _for_another_locale(content):
    po = polib.pofile(content)
    po.metadata["Language"] = "de"
    return str(po)


def _with_unknown_message(content):
    po = polib.pofile(content)
    po.append(polib.POEntry(msgctxt="body.not-a-block.text", msgid="Nėra", msgstr="None"))
    return str(po)


def _with_changed_message(content):
    po = polib.pofile(content)
    po.find("Gyventojai").msgid = "Gyventojų skaičius"
    return str(po)


def _with_foreign_markup(content):
    po = polib.pofile(content)
    po.find("Gyventojai").msgstr = '<a id="a9">Population</a>'
    return str(po)


def _with_block_markup(content):
    po = polib.pofile(content)
    po.find("Studentai").msgstr = "<p>Students</p>"
    return str(po)


REFUSED = {
    "not a PO file": (lambda content: b"\x89PNG\r\n\x1a\n\x00\x00 not text", "not a valid PO file"),
    "broken syntax": (lambda content: 'msgid "open\nmsgstr ', "not a valid PO file"),
    "no translation id": (_without_header, "only a PO file downloaded from this translation"),
    "another locale": (_for_another_locale, "This file is in de, but this translation is into"),
    "unknown message": (_with_unknown_message, "These messages are not in this page"),
    "changed message": (_with_changed_message, "has changed since the file was downloaded"),
    "foreign link id": (_with_foreign_markup, "markup that their source text does not have"),
    "block markup": (_with_block_markup, "markup that their source text does not have"),
}


@pytest.mark.parametrize("case", REFUSED)
def test_a_bad_file_is_refused_whole_and_changes_nothing(case, translation, translator_client):
    spoil, reason = REFUSED[case]
    # Every other message of the file is a good translation: none of them may be imported.
    content = spoil(str(translated(download(translator_client, translation))))
    before = database_state()

    response = upload(translator_client, translation, content)

    messages = messages_of(response)
    assert any(
        m.startswith("The PO file was not imported, nothing was changed.") and reason in m
        for m in messages
    ), messages
    assert database_state() == before


def test_a_file_of_another_translation_is_refused(
    translation, other_article, newsroom, translator_client, editor_client
):
    editor_client.post(
        reverse("wagtail_localize:submit_page_translation", args=[other_article.pk]),
        {"locales": [newsroom.en.pk]},
    )
    other = translation_of(other_article, newsroom.en)
    content = str(translated(download(translator_client, other)))
    before = database_state()

    response = upload(translator_client, translation, content)

    assert any(
        "This file was downloaded from another translation (Naktinis autobusas)" in m
        for m in messages_of(response)
    )
    assert database_state() == before


def test_uploading_nothing_is_refused(translation, translator_client):
    url = reverse("wagtail_localize:upload_pofile", args=[translation.pk])
    response = translator_client.post(url, {"next": "/admin/"}, follow=True)
    assert any("Choose a PO file to upload." in m for m in messages_of(response))
