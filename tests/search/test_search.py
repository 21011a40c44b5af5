"""Site search per language: /lt/paieska/ and /en/search/ (news/search/views.py)."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.db.models.functions import Length
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from modelsearch.backends.database.postgres.postgres import IndexEntry
from wagtail.models import PageViewRestriction

from news.models import ArticlePage
from news.search.backend import TITLE_LENGTH_CACHE_KEY, search_backend
from news.search.ranking import NewestMatchesRanked
from news.search.views import clean_query, search_articles

from ..factories import card_titles, create_article

pytestmark = pytest.mark.django_db


def search_url(language):
    with translation.override(language):
        return reverse("search")


def titles(client, language, query, **params):
    response = client.get(search_url(language), {"q": query, **params})
    assert response.status_code == 200
    return card_titles(response)


def test_search_urls_are_translated():
    assert search_url("lt") == "/lt/paieska/"
    assert search_url("en") == "/en/search/"


def test_each_language_searches_its_own_articles(client, searchable):
    assert titles(client, "lt", "biblioteka") == ["Biblioteka dirbs ilgiau"]
    assert titles(client, "en", "library") == ["Library opens longer"]
    # An English word on the Lithuanian search finds no English article, and back.
    assert titles(client, "lt", "library") == []
    assert titles(client, "en", "biblioteka") == []


def test_drafts_and_private_articles_are_not_found(client, searchable):
    assert "Mokyklos juodraštis" not in titles(client, "lt", "juodraštis")
    PageViewRestriction.objects.create(
        page=searchable["library_lt"], restriction_type=PageViewRestriction.LOGIN
    )
    assert titles(client, "lt", "biblioteka") == []


@pytest.mark.skipif(connection.vendor != "postgresql", reason="stemming needs PostgreSQL")
def test_stemming_on_postgresql(client, searchable):
    # "mokykla" (nominative singular) finds "mokyklos" (plural); "school" finds "schools".
    assert titles(client, "lt", "mokykla") == ["Naujos mokyklos Šančiuose"]
    assert titles(client, "en", "school") == ["New schools in Šančiai"]


def test_exact_words_match_on_every_database(client, searchable):
    assert titles(client, "lt", "mokyklos") == ["Naujos mokyklos Šančiuose"]
    assert titles(client, "en", "schools") == ["New schools in Šančiai"]


def test_results_are_paginated(client, settings, tree):
    settings.NEWS_PAGE_SIZE = 2
    for number in range(5):
        create_article(tree.news_en, f"Bridge report {number}", lead="About the bridge.")
    first = client.get(search_url("en"), {"q": "bridge"})
    assert len(card_titles(first)) == 2
    assert 'rel="next"' in first.content.decode()
    last = client.get(search_url("en"), {"q": "bridge", "page": 3})
    assert len(card_titles(last)) == 1


@pytest.mark.parametrize(
    "params",
    [
        {"q": "x", "page": "0"},
        {"q": "x", "page": "abc"},
        {"q": "x", "page": "99999999999999999999"},
        {"q": "x", "page": "51"},
    ],
)
def test_bad_pages_answer_404(client, searchable, params):
    assert client.get(search_url("en"), params).status_code == 404


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "\x00",
        "a\x00b",
        "'",
        '"',
        "&",
        "|",
        "!",
        ":*",
        "(",
        ")",
        "-",
        "a & | ! b",
        "<script>",
        "mokykla" * 100,
        "ą" * 500,
        "🙂",
        "\\",
        "%",
        "a:b",
        "''''",
    ],
)
def test_bad_queries_never_fail(client, searchable, query):
    response = client.get(search_url("lt"), {"q": query})
    assert response.status_code == 200
    assert "<script>" not in response.content.decode().split("<main", 1)[1]


def test_no_query_shows_the_form_only(client, searchable):
    response = client.get(search_url("lt"))
    assert response.status_code == 200
    assert card_titles(response) == []
    assert 'role="search"' in response.content.decode()


def test_search_form_in_every_page_header(client, searchable):
    response = client.get("/en/")
    assert 'action="/en/search/"' in response.content.decode()
    response = client.get("/lt/")
    assert 'action="/lt/paieska/"' in response.content.decode()


def test_clean_query_bounds_and_strips():
    assert clean_query("  a\x00b   c ") == "a b c"
    assert clean_query('"mokykla" & !(Kaunas):*') == "mokykla Kaunas"
    assert len(clean_query("word " * 100).split()) == 12
    assert len(clean_query("x" * 1000)) == 200


def test_nothing_is_found_without_words_or_language(searchable):
    assert list(search_articles("", "lt")) == []
    assert list(search_articles("library", "xx")) == []
    assert search_articles("library", "xx").count() == 0


def test_api_search_uses_the_language(client, searchable):
    response = client.get("/api/v3/articles/", {"search": "library", "locale": "en"})
    assert response.status_code == 200
    assert [item["title"] for item in response.json()["items"]] == ["Library opens longer"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="stemming needs PostgreSQL")
def test_api_search_stems_in_every_language(client, searchable):
    response = client.get("/api/v3/articles/", {"search": "mokykla"})
    assert [item["title"] for item in response.json()["items"]] == ["Naujos mokyklos Šančiuose"]
    response = client.get("/api/v3/articles/", {"search": "school", "locale": "en"})
    assert [item["title"] for item in response.json()["items"]] == ["New schools in Šančiai"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the PostgreSQL index's own cost")
def test_indexing_a_page_costs_the_same_whatever_the_size_of_the_index(tree):
    """modelsearch recomputes the average title length over the whole index table and scans
    it for new rows after every insert; ours keeps the average in the cache and updates the
    rows it wrote (news.search.backend)."""

    def entry_of(page):  # the title's length in lexemes, as the norm counts it
        return IndexEntry.objects.annotate(lexemes=Length("title")).get(object_id=str(page.pk))

    first = create_article(tree.news_lt, "Mokykla prie Nemuno", date=datetime.date(2024, 3, 1))
    entry = entry_of(first)
    average = cache.get(TITLE_LENGTH_CACHE_KEY)
    assert average and entry.title_norm == pytest.approx(average / entry.lexemes)

    with CaptureQueriesContext(connection) as captured:
        article = create_article(
            tree.news_lt, "Kita žinia apie miesto bibliotekas", date=datetime.date(2024, 3, 2)
        )
    statements = [query["sql"] for query in captured]
    assert not [sql for sql in statements if "AVG(" in sql]
    norm_updates = [sql for sql in statements if 'SET "title_norm"' in sql]
    assert norm_updates and all('"object_id" IN' in sql for sql in norm_updates)
    entry = entry_of(article)
    assert entry.title_norm == pytest.approx(average / entry.lexemes)
    assert entry.title_norm != 1.0
    # Search still ranks and finds it.
    assert list(search_articles("žinia", "lt")) == [article]


def test_only_the_newest_matches_that_can_be_shown_are_ranked(tree):
    """More matches than readers can page through: the newest are ranked, counted as
    "more"."""
    articles = [
        create_article(tree.news_lt, f"Mokykla {day}", date=datetime.date(2024, 3, day))
        for day in (1, 2, 3)
    ]
    results = NewestMatchesRanked(
        search_backend("lt"), "Mokykla", ArticlePage.objects.all(), tree.lt, shown=2
    )

    assert {page.pk for page in results} == {articles[2].pk, articles[1].pk}
    assert results.count() == 2 and results.more
    assert len(results[:1]) == 1
    every = NewestMatchesRanked(
        search_backend("lt"), "Mokykla", ArticlePage.objects.all(), tree.lt, shown=3
    )
    assert every.count() == 3 and not every.more
