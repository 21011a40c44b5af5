"""Contract of /api/v3/home/ and of the lookups by website path (/route/, /pages/find/)."""

import pytest
from django.test import override_settings

from .builders import make_article

pytestmark = pytest.mark.django_db

HOME_FIELDS = {
    "type",
    "id",
    "title",
    "slug",
    "locale",
    "fallback",
    "url",
    "intro",
    "translations",
    "news_index",
    "articles_url",
    "latest_articles",
}


@pytest.mark.parametrize(
    ("language", "other", "title", "intro", "index_path"),
    [
        ("lt", "en", "Kauno naujienos", "Sveiki!", "/lt/naujienos/"),
        ("en", "lt", "Kaunas News", "Welcome!", "/en/news/"),
    ],
)
def test_home_page_of_each_edition(
    client, api_site, api_articles, language, other, title, intro, index_path
):
    home = client.get("/api/v3/home/", {"locale": language}).json()
    homes = {"lt": api_site.home_lt, "en": api_site.home_en}

    assert set(home) == HOME_FIELDS
    assert home["type"] == "home.HomePage"
    assert (home["id"], home["title"], home["intro"]) == (homes[language].pk, title, intro)
    assert (home["locale"], home["fallback"]) == (language, False)
    assert home["url"] == f"http://testserver/{language}/"
    assert home["translations"] == [
        {
            "locale": other,
            "id": homes[other].pk,
            "url": f"http://testserver/{other}/",
            "title": homes[other].title,
        }
    ]
    assert home["news_index"] == {
        "id": api_site.index(language).pk,
        "title": api_site.index(language).title,
        "url": f"http://testserver{index_path}",
    }
    assert home["articles_url"] == f"http://testserver/api/v3/articles/?locale={language}"
    assert {article["locale"] for article in home["latest_articles"]} == {language}


def test_home_defaults_to_the_default_language(client, api_site):
    home = client.get("/api/v3/home/").json()

    assert (home["id"], home["locale"]) == (api_site.home_lt.pk, "lt")


@override_settings(NEWS_HOME_COUNT=2)
def test_home_lists_the_newest_articles_of_its_edition(client, api_articles):
    home = client.get("/api/v3/home/", {"locale": "lt"}).json()

    assert [article["title"] for article in home["latest_articles"]] == ["Naujas", "Vidurinis"]


def test_home_fallback_when_an_edition_is_missing(client, api_site):
    api_site.home_en.unpublish()

    missing = client.get("/api/v3/home/", {"locale": "en"})
    served = client.get("/api/v3/home/", {"locale": "en", "fallback": "lt"}).json()

    assert missing.status_code == 404
    assert missing["Content-Type"] == "application/problem+json"
    assert (served["id"], served["locale"], served["fallback"]) == (api_site.home_lt.pk, "lt", True)
    assert served["translations"] == []  # the English edition is not live


# /route/: a page from its website path --------------------------------------------------


@pytest.mark.parametrize(
    ("path", "article", "language"),
    [
        ("/en/news/middle/", "en_mid", "en"),
        ("/lt/naujienos/vidurinis/", "lt_mid", "lt"),
        ("/lt/naujienos/vidurinis", "lt_mid", "lt"),
        ("http://testserver/en/news/middle/?utm_source=x", "en_mid", "en"),
        ("/naujienos/vidurinis/", "lt_mid", "lt"),  # no prefix: the default language
    ],
)
def test_route_finds_an_article_by_path(client, api_articles, path, article, language):
    response = client.get("/api/v3/route/", {"html_path": path})

    assert response.status_code == 200
    page = response.json()
    assert page["type"] == "news.ArticlePage"
    assert (page["id"], page["locale"]) == (api_articles[article].pk, language)
    assert page["url"] == api_articles[article].get_full_url()
    assert [block["type"] for block in page["body"]][:2] == ["heading", "paragraph"]


def test_route_finds_a_percent_encoded_unicode_slug(client, api_site):
    article = make_article(api_site.news_lt, "Švietimas", slug="švietimas-visiems")

    response = client.get("/api/v3/route/", {"html_path": "/lt/naujienos/%C5%A1vietimas-visiems/"})

    assert response.status_code == 200
    assert response.json()["id"] == article.pk


@pytest.mark.parametrize(
    ("path", "page_type", "language"),
    [
        ("/lt/", "home.HomePage", "lt"),
        ("/en/", "home.HomePage", "en"),
        ("/en", "home.HomePage", "en"),
        ("/lt/naujienos/", "news.NewsIndexPage", "lt"),
        ("/en/news/", "news.NewsIndexPage", "en"),
    ],
)
def test_route_finds_home_and_index_pages(client, api_site, path, page_type, language):
    page = client.get("/api/v3/route/", {"html_path": path}).json()

    assert (page["type"], page["locale"]) == (page_type, language)
    assert page["url"] == f"http://testserver{path.rstrip('/')}/"
    assert len(page["translations"]) == 1


def test_route_news_index_fields(client, api_site):
    page = client.get("/api/v3/route/", {"html_path": "/en/news/"}).json()

    assert page == {
        "type": "news.NewsIndexPage",
        "id": api_site.news_en.pk,
        "title": "News",
        "slug": "news",
        "locale": "en",
        "url": "http://testserver/en/news/",
        "intro": "City news.",
        "translations": [
            {
                "locale": "lt",
                "id": api_site.news_lt.pk,
                "url": "http://testserver/lt/naujienos/",
                "title": "Naujienos",
            }
        ],
        "articles_url": "http://testserver/api/v3/articles/?locale=en",
    }


@pytest.mark.parametrize(
    "path",
    [
        "/en/naujienos/vidurinis/",  # the Lithuanian slug under the English prefix
        "/lt/news/middle/",
        "/en/news/no-such-article/",
        "/fr/news/middle/",
        "/en/news/middle/extra/",
    ],
)
def test_route_answers_404_for_paths_of_no_page(client, api_articles, path):
    response = client.get("/api/v3/route/", {"html_path": path})

    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_route_rich_text_format(client, api_articles):
    page = client.get(
        "/api/v3/route/", {"html_path": "/lt/naujienos/vidurinis/", "rich_text_format": "db_html"}
    ).json()

    assert page["rich_text_format"] == "db_html"
    assert 'linktype="page"' in page["body"][1]["value"]


# Wagtail's own pages/find/ ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "article"),
    [("/en/news/middle/", "en_mid"), ("/lt/naujienos/vidurinis/", "lt_mid")],
)
def test_wagtail_find_understands_language_prefixes(client, api_articles, path, article):
    response = client.get("/api/v3/pages/find/", {"html_path": path})

    assert response.status_code == 302
    assert response["Location"].startswith(f"/api/v3/pages/{api_articles[article].pk}/")
    page = client.get(response["Location"]).json()
    assert page["id"] == api_articles[article].pk
    assert page["meta"]["locale"] == article[:2]


def test_wagtail_find_still_finds_by_id_and_answers_404(client, api_articles):
    by_id = client.get("/api/v3/pages/find/", {"id": api_articles["lt_old"].pk})
    missing = client.get("/api/v3/pages/find/", {"html_path": "/en/news/nothing/"})

    assert by_id.status_code == 302
    assert missing.status_code == 404
    assert missing["Content-Type"] == "application/problem+json"
