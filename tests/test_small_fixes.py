"""The smaller defects of issue 13 (8): ASCII slugs, British dates, single home titles, the
switcher note's language, the favicon, Lithuanian admin wording, the report's Missing cell,
PO import errors without server paths, choosers in the user's admin language."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from wagtail.test.utils.form_data import streamfield
from wagtail.users.models import UserProfile
from wagtail_localize.models import Translation

from news.models import ArticlePage

from .factories import article_form_data, paragraph_form_value, soup, translate

BODY = streamfield([("paragraph", paragraph_form_value("<p>Tekstas.</p>"))])


def test_lithuanian_titles_get_transliterated_ascii_slugs(tree, admin_client, settings):
    assert settings.WAGTAIL_ALLOW_UNICODE_SLUGS is False
    # The editor's slug field transliterates the title as it is typed (Wagtail's slug
    # controller, told not to keep Unicode), and the server does the same for a blank slug.
    add = admin_client.get(f"/admin/pages/add/news/articlepage/{tree.news_lt.pk}/")
    slug_input = soup(add).select_one("input[name=slug]")
    assert slug_input.get("data-w-slug-allow-unicode-value") in (None, "false", "False")
    page = ArticlePage(title="Šventė Žaliakalnyje", lead="Įžanga.", body=[])
    tree.news_lt.add_child(instance=page)
    assert page.slug == "svente-zaliakalnyje"
    # A slug typed with Lithuanian letters never makes a percent-encoded URL.
    data = article_form_data("Kita", "šventė", BODY)
    response = admin_client.post(f"/admin/pages/add/news/articlepage/{tree.news_lt.pk}/", data)
    assert response.status_code in (200, 302)
    created = ArticlePage.objects.filter(title="Kita").first()
    if response.status_code == 200:
        assert "slug" in response.context["form"].errors
    else:
        assert created.slug.isascii()


def test_english_dates_are_british(client, article_factory, tree):
    article = article_factory("lt", "Rugsėjis", date=datetime.date(2026, 9, 30))
    translate(article, tree.en, title="September", slug="september")
    html = soup(client.get("/en/news/september/"))
    assert html.select_one(".article__meta time").get_text() == "30 September 2026"


def test_home_titles_are_not_doubled(client, tree):
    assert soup(client.get("/en/")).title.get_text() == "Kaunas News"
    with translation.override("lt"):
        site_name = translation.gettext("Kaunas News")
    assert soup(client.get("/lt/")).title.get_text() == site_name
    assert soup(client.get("/lt/naujienos/")).title.get_text() == f"Naujienos · {site_name}"


def test_the_missing_edition_note_is_in_the_language_it_is_about(client, article_factory):
    article_factory("lt", "Tik lietuviškai", slug="tik-lietuviskai")
    html = soup(client.get("/lt/naujienos/tik-lietuviskai/"))
    note = html.select_one(".language-switcher__note")
    assert note["lang"] == "en"
    assert note.get_text() == (
        "This page is not available in this language; the link leads to its home page."
    )


def test_every_page_has_a_favicon(client, tree):
    icon = soup(client.get("/lt/")).select_one('link[rel="icon"]')
    assert icon["href"].endswith(".svg")
    response = client.get(icon["href"])
    assert response.status_code == 200
    assert b"<svg" in b"".join(response.streaming_content)


def test_lithuanian_admin_wording():
    with translation.override("lt"):
        assert translation.gettext("Up to date") == "Atnaujinta"


def test_translation_editor_buttons_keep_a_space_before_the_translator(admin_client):
    admin_client.cookies["django_language"] = "lt"
    response = admin_client.get(reverse("wagtailadmin_javascript_catalog"))
    assert response.status_code == 200
    content = response.content.decode()
    assert '"Versti naudojant "' in content


def test_missing_cell_links_to_translate(tree, article_factory, admin_client):
    article = article_factory("lt", "Neišverstas", slug="neisverstas")
    response = admin_client.get(reverse("news_translations_report"))
    cell = soup(response).select_one('td[data-status="missing"] a')
    submit = reverse("wagtail_localize:submit_page_translation", args=[article.pk])
    assert cell["href"] == f"{submit}?select_locale=en"
    # ...with English ticked: the only language to translate into.
    form = soup(admin_client.get(cell["href"]))
    assert form.select_one(f'input[name="locales"][value="{tree.en.pk}"]').has_attr("checked")


def test_a_bad_po_file_error_names_the_upload_not_a_server_path(
    tree, article_factory, admin_client
):
    article = article_factory("lt", "Vertimui", slug="vertimui")
    admin_client.post(
        reverse("wagtail_localize:submit_page_translation", args=[article.pk]),
        {"locales": [tree.en.pk]},
    )
    translation_row = Translation.objects.get(source__object_id=article.translation_key)
    response = admin_client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation_row.pk]),
        {
            "file": SimpleUploadedFile(
                "mano.po", b'msgid "x"\nmsgstr "y"\nthis is not gettext\n', "text/plain"
            )
        },
        follow=True,
    )
    messages = [str(m) for m in response.context["messages"]]
    assert any("mano.po" in m for m in messages), messages  # the name the user knows
    assert not any("/tmp" in m for m in messages), messages


@pytest.mark.parametrize("language, search_tab", [("en", "Search"), ("lt", "Paieška")])
@pytest.mark.parametrize("chooser", ["wagtailimages_chooser:choose", "wagtaildocs_chooser:choose"])
def test_choosers_speak_the_users_admin_language(
    admin_client, admin_user, image, chooser, language, search_tab
):
    UserProfile.objects.update_or_create(user=admin_user, defaults={"preferred_language": language})
    modal = BeautifulSoup(admin_client.get(reverse(chooser)).json()["html"], "html.parser")
    tab = modal.select_one("#tab-label-search")
    assert tab.find(string=True, recursive=False).strip() == search_tab
