"""Bylines (issue 13): authors as translatable snippets, on articles, cards, the API, RSS
(``dc:creator``), JSON-LD (``author``) and an author page per language; photo credits."""

import json
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield
from wagtail_localize.models import RelatedObjectSegment, Translation, TranslationSource

from news.models import ArticleAuthor, ArticlePage, Author
from news.translation.workflow import missing_related_objects

from .factories import article_form_data, paragraph_form_value, soup

DC = "{http://purl.org/dc/elements/1.1/}"


@pytest.fixture
def authors(tree, image):
    ona = Author.objects.create(
        name="Ona Jonaitė",
        slug="ona-jonaite",
        role="Redaktorė",
        bio="Rašo apie švietimą.",
        photo=image,
        locale=tree.lt,
    )
    ona_en = ona.copy_for_translation(tree.en)
    ona_en.role, ona_en.bio = "Editor", "Writes about education."
    ona_en.save()
    petras = Author.objects.create(name="Petras Petraitis", slug="petras", locale=tree.lt)
    return ona, ona_en, petras


def byline(article, *people):
    for order, person in enumerate(people):
        ArticleAuthor.objects.create(article=article, author=person, sort_order=order)


@pytest.fixture
def articles(article_factory, authors):
    ona, ona_en, petras = authors
    first = article_factory("lt", "Mokyklos atsidaro", slug="mokyklos-atsidaro")
    byline(first, ona, petras)
    second = article_factory("lt", "Be autoriaus", slug="be-autoriaus")
    english = article_factory("en", "Schools open", slug="schools-open")
    byline(english, ona_en)
    return first, second, english


def test_an_editor_adds_authors_in_the_article_editor(tree, admin_client, authors):
    ona, _ona_en, petras = authors
    body = streamfield([("paragraph", paragraph_form_value("<p>Tekstas.</p>"))])
    data = article_form_data("Naujas", "naujas", body)
    data.update(
        nested_form_data(
            {"bylines": inline_formset([{"author": str(petras.pk)}, {"author": str(ona.pk)}])}
        )
    )
    response = admin_client.post(f"/admin/pages/add/news/articlepage/{tree.news_lt.pk}/", data)
    assert response.status_code == 302
    article = ArticlePage.objects.get(slug="naujas")
    assert [author.name for author in article.authors] == ["Petras Petraitis", "Ona Jonaitė"]
    html = soup(admin_client.get("/lt/naujienos/naujas/"))
    assert [a.get_text() for a in html.select(".byline a")] == ["Petras Petraitis", "Ona Jonaitė"]


def test_authors_are_snippets_translated_by_wagtail_localize(authors, admin_client, tree):
    ona, ona_en, _petras = authors
    assert ona_en.translation_key == ona.translation_key and ona_en.slug == ona.slug
    response = admin_client.get("/admin/snippets/news/author/")
    assert response.status_code == 200 and "Ona Jonaitė" in response.content.decode()


def test_article_and_card_show_the_byline(client, articles):
    html = soup(client.get("/lt/naujienos/mokyklos-atsidaro/"))
    links = html.select(".article__header .byline a[rel=author]")
    assert [(a.get_text(), a["href"]) for a in links] == [
        ("Ona Jonaitė", "/lt/autoriai/ona-jonaite/"),
        ("Petras Petraitis", "/lt/autoriai/petras/"),
    ]
    assert "Redaktorė" in html.select_one(".byline").get_text()
    index = soup(client.get("/lt/naujienos/"))
    cards = {
        card.select_one(".card__title a").get_text(): card.select_one(".card__byline")
        for card in index.select(".card")
    }
    assert cards["Mokyklos atsidaro"].get_text() == "Ona Jonaitė, Petras Petraitis"
    assert cards["Be autoriaus"] is None


def test_author_page_lists_their_articles_in_its_language(client, articles):
    response = client.get("/lt/autoriai/ona-jonaite/")
    assert response.status_code == 200
    html = soup(response)
    assert html.select_one("h1").get_text() == "Ona Jonaitė"
    assert [a.get_text() for a in html.select(".card__title a")] == ["Mokyklos atsidaro"]
    english = soup(client.get("/en/authors/ona-jonaite/"))
    assert english.select_one(".author__role").get_text() == "Editor"
    assert [a.get_text() for a in english.select(".card__title a")] == ["Schools open"]
    switcher = {a["lang"]: a["href"] for a in english.select(".language-switcher a[lang]")}
    assert switcher == {"lt": "/lt/autoriai/ona-jonaite/"}
    assert client.get("/en/authors/petras/").status_code == 404  # no English edition
    assert client.get("/lt/autoriai/ona-jonaite/", {"page": "x"}).status_code == 404


def test_author_page_costs_the_same_for_more_articles(client, article_factory, authors):
    ona = authors[0]

    def count():
        client.get("/lt/autoriai/ona-jonaite/")  # renditions created, counts cached
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/lt/autoriai/ona-jonaite/").status_code == 200
        return len(queries)

    byline(article_factory("lt", "Vienas"), ona)
    one = count()
    for number in range(5):
        byline(article_factory("lt", f"Kitas {number}"), ona)
    assert count() == one


def test_news_index_costs_the_same_with_bylines(client, article_factory, authors):
    ona, _ona_en, petras = authors

    def count():
        client.get("/lt/naujienos/")
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/lt/naujienos/").status_code == 200
        return len(queries)

    article_factory("lt", "Be autoriu")
    before = count()
    for number in range(4):
        byline(article_factory("lt", f"Su autoriais {number}"), ona, petras)
    assert count() == before  # one query for every card's authors, with or without any


def test_api_lists_the_authors(client, articles):
    listing = client.get("/api/v3/articles/", {"locale": "lt"}).json()
    by_title = {item["title"]: item for item in listing["items"]}
    authors = by_title["Mokyklos atsidaro"]["authors"]
    assert [(a["name"], a["role"]) for a in authors] == [
        ("Ona Jonaitė", "Redaktorė"),
        ("Petras Petraitis", ""),
    ]
    assert authors[0]["url"] == "http://testserver/lt/autoriai/ona-jonaite/"
    assert by_title["Be autoriaus"]["authors"] == []
    detail = client.get(by_title["Mokyklos atsidaro"]["detail_url"]).json()
    assert [a["name"] for a in detail["authors"]] == ["Ona Jonaitė", "Petras Petraitis"]


def test_rss_has_dc_creator(client, articles):
    response = client.get("/lt/rss.xml")
    items = {
        item.findtext("title"): [c.text for c in item.findall(f"{DC}creator")]
        for item in ET.fromstring(response.content).iter("item")
    }
    assert items == {
        "Mokyklos atsidaro": ["Ona Jonaitė", "Petras Petraitis"],
        "Be autoriaus": [],
    }


def test_json_ld_author(client, articles):
    html = soup(client.get("/en/news/schools-open/"))
    data = json.loads(html.select_one('script[type="application/ld+json"]').string)
    assert data["author"] == [
        {
            "@type": "Person",
            "name": "Ona Jonaitė",
            "url": "http://testserver/en/authors/ona-jonaite/",
            "jobTitle": "Editor",
        }
    ]


def test_photo_credits_under_the_images_and_in_the_api(client, article_factory, image):
    article = article_factory(
        "lt",
        "Su nuotrauka",
        slug="su-nuotrauka",
        hero_image=image,
        body=[
            {
                "type": "image",
                "value": {
                    "image": image.pk,
                    "alt_text": "Rotušė",
                    "caption": "Rotušės aikštė",
                    "credit": "Nuotr. Jono Jonaičio",
                },
            }
        ],
    )
    ArticlePage.objects.filter(pk=article.pk).update(hero_image_credit="Nuotr. Onos")
    html = soup(client.get("/lt/naujienos/su-nuotrauka/"))
    assert html.select_one(".article__hero .credit").get_text() == "Nuotr. Onos"
    assert html.select_one(".block-image .credit").get_text() == "Nuotr. Jono Jonaičio"
    detail = client.get(f"/api/v3/articles/{article.pk}/").json()
    assert detail["hero_image"]["credit"] == "Nuotr. Onos"
    assert detail["body"][0]["value"]["credit"] == "Nuotr. Jono Jonaičio"


def test_an_untranslated_byline_does_not_hold_back_a_translation(articles, tree):
    """The byline's author is a related object like a topic, but never left off a translated
    article: it does not count among the segments still to translate."""
    first = ArticlePage.objects.get(pk=articles[0].pk)
    source, _created = TranslationSource.get_or_create_from_instance(first)
    assert RelatedObjectSegment.objects.filter(source=source).count() == 2  # Ona, Petras
    translation = Translation.objects.create(source=source, target_locale=tree.en)
    assert not missing_related_objects(translation).exists()
