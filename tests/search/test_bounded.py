"""What a search costs does not grow with its matches (news/search/ranking.py): the newest
matches that can be shown are ranked and counted, more are "more than"; on PostgreSQL they
are found in ArticleSearchEntry, which follows Wagtail's index."""

import datetime

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from wagtail.models import PageViewRestriction

from news.models import ArticlePage
from news.search import views
from news.search.models import ArticleSearchEntry
from news.search.views import search_articles

from ..factories import card_titles, create_article, soup

pytestmark = pytest.mark.django_db

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="ArticleSearchEntry is PostgreSQL's"
)


@pytest.fixture
def ten_shown(monkeypatch):
    """One page of ten results at most: ten matches can be shown. (Not a smaller page:
    the API reads NEWS_PAGE_SIZE when it is first imported.)"""
    monkeypatch.setattr(views, "MAX_SEARCH_PAGES", 1)


def matching(tree, language, count, word):
    return [
        create_article(
            tree.index(language),
            f"{word.capitalize()} {number}",
            date=datetime.date(2024, 3, 1) + datetime.timedelta(days=number),
        )
        for number in range(count)
    ]


def search_page(client, language, query, **params):
    with translation.override(language):
        url = reverse("search")
    response = client.get(url, {"q": query, **params})
    assert response.status_code == 200
    return response


def count_text(response):
    return soup(response).select_one(".article-count").get_text(strip=True)


@pytest.mark.parametrize(
    ("language", "word", "more", "exact"),
    [
        ("en", "bridge", "More than 10 results", "10 results"),
        ("lt", "tiltas", "Daugiau nei 10 rezultatų", "10 rezultatų"),
    ],
)
def test_more_matches_than_can_be_shown_are_counted_as_more(
    client, tree, ten_shown, language, word, more, exact
):
    articles = matching(tree, language, 10, word)
    assert count_text(search_page(client, language, word)) == exact

    articles.append(
        create_article(tree.index(language), f"{word} 10", date=datetime.date(2024, 4, 1))
    )
    first = search_page(client, language, word)
    assert count_text(first) == more
    # The ten newest, on the one page that may be shown: not the oldest.
    assert sorted(card_titles(first)) == sorted(article.title for article in articles[1:])
    assert articles[0].title not in card_titles(first)
    assert client.get(first.request["PATH_INFO"], {"q": word, "page": 2}).status_code == 404


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (500, "Daugiau nei 500 rezultatų"),
        (21, "Daugiau nei 21 rezultatas"),
        (4, "Daugiau nei 4 rezultatai"),
    ],
)
def test_more_than_in_lithuanian_plural_forms(count, expected):
    with translation.override("lt"):
        text = translation.ngettext(
            "More than %(counter)s result", "More than %(counter)s results", count
        )
    assert text % {"counter": count} == expected


def test_the_most_relevant_of_the_newest_come_first(client, tree):
    """A match in the title outranks matches in the text only, however newer they are."""
    create_article(
        tree.news_en, "Quarterly report", lead="The harbour opened.", date=datetime.date(2024, 3, 3)
    )
    create_article(tree.news_en, "Harbour opens", date=datetime.date(2024, 3, 1))
    create_article(
        tree.news_en, "City news", lead="Nothing on the harbour.", date=datetime.date(2024, 3, 2)
    )
    create_article(tree.news_en, "Weather", lead="Rain.", date=datetime.date(2024, 3, 4))

    assert card_titles(search_page(client, "en", "harbour"))[0] == "Harbour opens"


def test_the_search_page_costs_as_much_with_more_matches_than_can_be_shown(
    client, tree, ten_shown, django_assert_max_num_queries
):
    def queries(query):
        search_page(client, "lt", query)  # warm the site's own caches
        with CaptureQueriesContext(connection) as captured:
            search_page(client, "lt", query)
        return len(captured)

    matching(tree, "lt", 2, "tiltas")
    matching(tree, "lt", 11, "upė")
    assert queries("tiltas") == queries("upė")
    with django_assert_max_num_queries(9):
        search_page(client, "lt", "upė")


@postgresql_only
def test_search_entries_follow_wagtails_index(tree):
    article = create_article(tree.news_lt, "Mokykla prie upės", date=datetime.date(2024, 3, 1))
    entry = ArticleSearchEntry.objects.get(page=article)
    assert (entry.locale_id, entry.publication_date) == (tree.lt.pk, datetime.date(2024, 3, 1))

    article.title = "Biblioteka prie upės"
    article.publication_date = datetime.date(2024, 4, 1)
    article.save_revision().publish()
    entry.refresh_from_db()
    assert entry.publication_date == datetime.date(2024, 4, 1)
    assert [page.pk for page in search_articles("biblioteka", "lt")] == [article.pk]

    # Rebuilt from scratch, as after `update_index` on a new server.
    ArticleSearchEntry.objects.all().delete()
    call_command("update_index", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert [page.pk for page in search_articles("biblioteka", "lt")] == [article.pk]

    article.delete()
    assert not ArticleSearchEntry.objects.exists()


def test_unpublished_and_private_articles_are_not_found(tree):
    public, unpublished, private = matching(tree, "lt", 3, "tiltas")
    unpublished.unpublish()
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    assert [page.pk for page in search_articles("tiltas", "lt")] == [public.pk]
    assert search_articles("tiltas", "lt").count() == 1
    assert ArticlePage.objects.filter(pk=unpublished.pk, live=False).exists()
