"""Contract of the article listing and "More news": /api/v3/articles/, /articles/{id}/more/."""

import datetime

import pytest
from django.test import override_settings

from news.api import content
from news.models import ArticlePage, RelatedArticle, Topic

from ..factories import translate
from .builders import make_article
from .contract import LISTING_FIELDS, article_url, get_json

pytestmark = pytest.mark.django_db

# Listing --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "expected"),
    [("lt", ["Naujas", "Vidurinis", "Senas"]), ("en", ["English only", "Middle"])],
)
def test_listing_filters_by_locale_newest_first(client, api_articles, language, expected):
    listing = get_json(client, "/api/v3/articles/", locale=language)

    assert listing["count"] == len(expected)
    assert [item["title"] for item in listing["items"]] == expected
    assert {item["locale"] for item in listing["items"]} == {language}
    dates = [item["publication_date"] for item in listing["items"]]
    assert dates == sorted(dates, reverse=True)


def test_listing_without_locale_has_every_edition(client, api_articles):
    listing = get_json(client, "/api/v3/articles/")

    assert listing["count"] == 5
    assert {item["locale"] for item in listing["items"]} == {"lt", "en"}


@pytest.mark.parametrize("language", ["lt", "en"])
def test_listing_item_fields(client, api_articles, language):
    listing = get_json(client, "/api/v3/articles/", locale=language)
    item = next(
        i
        for i in listing["items"]
        if i["id"] in (api_articles["lt_mid"].pk, api_articles["en_mid"].pk)
    )
    article = api_articles["lt_mid"] if language == "lt" else api_articles["en_mid"]
    other = api_articles["en_mid"] if language == "lt" else api_articles["lt_mid"]
    path = {"lt": "/lt/naujienos/vidurinis/", "en": "/en/news/middle/"}

    assert set(item) == LISTING_FIELDS
    assert item["type"] == "news.ArticlePage"
    assert item["id"] == article.pk
    assert item["title"] == article.title
    assert item["slug"] == article.slug
    assert item["locale"] == language
    assert item["fallback"] is False
    assert item["url"] == f"http://testserver{path[language]}"
    assert item["detail_url"] == f"http://testserver/api/v3/articles/{article.pk}/"
    assert item["lead"] == article.lead
    assert item["publication_date"] == "2024-02-02"
    # Each edition's own topics, by name, with their topic pages (issue 12).
    topics = {
        "lt": [
            ("Kultūra", "kultura", "/lt/temos/kultura/"),
            ("Švietimas", "svietimas", "/lt/temos/svietimas/"),
        ],
        "en": [
            ("Culture", "culture", "/en/topics/culture/"),
            ("Education", "education", "/en/topics/education/"),
        ],
    }[language]
    assert [
        {"id": topic.pk, "name": topic.name, "slug": topic.slug, "url": f"http://testserver{path}"}
        for topic, path in (
            (Topic.objects.get(locale__language_code=language, slug=slug), path)
            for _name, slug, path in topics
        )
    ] == item["topics"]
    assert [t["name"] for t in item["topics"]] == [name for name, _slug, _path in topics]
    other_language = "en" if language == "lt" else "lt"
    assert item["translations"] == [
        {
            "locale": other_language,
            "id": other.pk,
            "url": f"http://testserver{path[other_language]}",
            "title": other.title,
        }
    ]
    hero = item["hero_image"]
    assert hero["id"] == article.hero_image_id
    assert hero["alt"] == {"lt": "Nuotrauka", "en": "A photo"}[language]
    card = hero["renditions"]["card"]
    assert set(hero["renditions"]) == {"card"}
    assert card["url"].startswith("http://testserver/media/images/")
    assert ".fill-480x270" in card["url"]
    assert (card["width"], card["height"]) == (64, 36)


def test_listing_article_without_edition_or_image(client, api_articles):
    listing = get_json(client, "/api/v3/articles/", locale="en")
    item = next(i for i in listing["items"] if i["id"] == api_articles["en_only"].pk)

    assert item["translations"] == []
    assert item["hero_image"] is None
    assert item["topics"] == []


@pytest.mark.parametrize(
    ("language", "topic", "expected"),
    [
        ("lt", "kultūra", ["Vidurinis", "Senas"]),
        ("lt", "Kultūra", ["Vidurinis", "Senas"]),
        ("lt", "KULTŪRA", ["Vidurinis", "Senas"]),
        ("lt", "sportas", ["Naujas"]),
        # The slug of the requested locale (issue 12); the other's only with fallback.
        ("en", "education", ["Middle"]),
        ("en", "Education", ["Middle"]),
        ("en", "švietimas", []),
        ("en", "sportas", []),
        ("lt", "no-such-topic", []),
    ],
)
def test_listing_filters_by_topic(client, api_articles, language, topic, expected):
    listing = get_json(client, "/api/v3/articles/", locale=language, topic=topic)

    assert [item["title"] for item in listing["items"]] == expected
    assert listing["count"] == len(expected)


def test_listing_oldest_first_on_request(client, api_articles):
    listing = get_json(client, "/api/v3/articles/", locale="lt", order="publication_date")

    assert [item["title"] for item in listing["items"]] == ["Senas", "Vidurinis", "Naujas"]


def test_listing_limit_offset_and_total_count(client, api_site):
    for day in range(1, 8):
        make_article(api_site.news_lt, f"Diena {day}", date=datetime.date(2024, 5, day))

    first = get_json(client, "/api/v3/articles/", locale="lt", limit=3)
    second = get_json(client, "/api/v3/articles/", locale="lt", limit=3, offset=3)
    last = get_json(client, "/api/v3/articles/", locale="lt", limit=3, offset=6)
    beyond = get_json(client, "/api/v3/articles/", locale="lt", limit=3, offset=50)

    assert [first["count"], second["count"], last["count"], beyond["count"]] == [7] * 4
    titles = [i["title"] for page in (first, second, last) for i in page["items"]]
    assert titles == [f"Diena {day}" for day in range(7, 0, -1)]
    assert beyond["items"] == []


@override_settings(NEWS_PAGE_SIZE=10)
def test_listing_default_limit_is_the_site_page_size(client, api_site):
    for day in range(1, 13):
        make_article(api_site.news_en, f"Day {day}", date=datetime.date(2024, 5, day))

    listing = get_json(client, "/api/v3/articles/", locale="en")

    assert listing["count"] == 12
    assert len(listing["items"]) == 10


def test_listing_search(client, api_articles):
    listing = get_json(client, "/api/v3/articles/", locale="lt", search="Vidurinis")

    assert [item["title"] for item in listing["items"]] == ["Vidurinis"]


def test_listing_search_lists_the_newest_or_the_oldest_matches(client, api_articles, monkeypatch):
    """More matches than a search lists (SEARCH_LIMIT): the newest, or the oldest in the
    oldest-first order, never an arbitrary few."""
    monkeypatch.setattr(content, "SEARCH_LIMIT", 2)
    # Every Lithuanian article's lead is "Santrauka: <title>."
    newest = get_json(client, "/api/v3/articles/", locale="lt", search="santrauka")
    oldest = get_json(
        client, "/api/v3/articles/", locale="lt", search="santrauka", order="publication_date"
    )

    assert [item["title"] for item in newest["items"]] == ["Naujas", "Vidurinis"]
    assert [item["title"] for item in oldest["items"]] == ["Senas", "Vidurinis"]
    assert newest["count"] == oldest["count"] == 2


# Locale fallback ------------------------------------------------------------------------


def test_listing_fallback_serves_lithuanian_editions_of_untranslated_articles(client, api_articles):
    listing = get_json(client, "/api/v3/articles/", locale="en", fallback="lt")

    served = [(item["title"], item["locale"], item["fallback"]) for item in listing["items"]]
    assert served == [
        ("Naujas", "lt", True),
        ("English only", "en", False),
        ("Middle", "en", False),  # its Lithuanian edition "Vidurinis" is not repeated
        ("Senas", "lt", True),
    ]
    assert listing["count"] == 4


def test_listing_fallback_with_topic_and_paging(client, api_articles):
    listing = get_json(
        client, "/api/v3/articles/", locale="en", fallback="lt", topic="kultūra", limit=1, offset=1
    )

    assert listing["count"] == 2
    assert [(i["title"], i["fallback"]) for i in listing["items"]] == [("Senas", True)]


# More news ------------------------------------------------------------------------------


@override_settings(NEWS_MORE_COUNT=3)
@pytest.mark.parametrize("language", ["lt", "en"])
def test_more_news_same_locale_newest_first_without_the_article(client, api_site, language):
    articles = [
        make_article(
            api_site.index(language), f"{language} {day}", date=datetime.date(2024, 4, day)
        )
        for day in range(1, 7)
    ]
    current = articles[3]  # 2024-04-04

    more = get_json(client, article_url(current, "more/"))

    assert [item["id"] for item in more["items"]] == [
        a.pk for a in (articles[5], articles[4], articles[2])
    ]
    assert {item["locale"] for item in more["items"]} == {language}
    assert all(set(item) == LISTING_FIELDS for item in more["items"])


@override_settings(NEWS_MORE_COUNT=2)
def test_more_news_follows_the_setting(client, api_articles):
    more = get_json(client, article_url(api_articles["lt_old"], "more/"))

    assert [item["title"] for item in more["items"]] == ["Naujas", "Vidurinis"]


def test_more_news_of_a_missing_article_is_a_json_404(client, api_articles):
    response = client.get("/api/v3/articles/987654/more/")

    assert response.status_code == 404
    assert response.json()["status"] == 404


@override_settings(NEWS_MORE_COUNT=3)
@pytest.mark.parametrize("language", ["lt", "en"])
def test_more_news_shows_the_chosen_related_articles_first_as_the_site_does(
    client, api_site, language
):
    articles = [
        make_article(
            api_site.index(language), f"{language} {day}", date=datetime.date(2024, 4, day)
        )
        for day in range(1, 7)
    ]
    current = articles[5]
    for order, related in enumerate([articles[1], articles[0]]):
        RelatedArticle.objects.create(article=current, related=related, sort_order=order)
    site_more = [article.pk for article in ArticlePage.objects.get(pk=current.pk).more_news]

    more = get_json(client, article_url(current, "more/"))

    assert [item["id"] for item in more["items"]] == site_more
    assert site_more == [articles[1].pk, articles[0].pk, articles[4].pk]
    # A related article readers may not see is left out; the newest fill its place.
    ArticlePage.objects.filter(pk=articles[1].pk).update(live=False)
    more = get_json(client, article_url(current, "more/"))
    assert [item["id"] for item in more["items"]] == [
        articles[0].pk,
        articles[4].pk,
        articles[3].pk,
    ]


def test_an_editions_more_news_has_its_related_articles_in_its_language(client, api_articles):
    # Related links are copied from the source: they point at the Lithuanian article.
    RelatedArticle.objects.create(article=api_articles["en_mid"], related=api_articles["lt_old"])
    translated_old = translate(api_articles["lt_old"], api_articles["en_mid"].locale, title="Old")

    more = get_json(client, article_url(api_articles["en_mid"], "more/"))

    assert [item["id"] for item in more["items"]][:2] == [
        translated_old.pk,
        api_articles["en_only"].pk,
    ]
