"""The news index reads its back half from the other end, and keeps its count in the cache
(news/pagination.py): the last page costs what the first does."""

import datetime

import pytest
from django.core.paginator import Paginator
from django.db import connection
from django.test.utils import CaptureQueriesContext

from news.models import ArticlePage
from news.pagination import ListingPaginator

from ..factories import card_titles, create_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def listing(tree, settings):
    settings.NEWS_PAGE_SIZE = 5
    # Several articles a day: the order within a day comes from the primary key.
    for number in range(23):
        create_article(
            tree.news_lt, f"Straipsnis {number}", date=datetime.date(2024, 1, 1 + number // 3)
        )
    return ArticlePage.objects.child_of(tree.news_lt).published_in(tree.lt)


def test_every_page_is_the_page_of_djangos_paginator(listing):
    expected = Paginator(listing, 5)
    ours = ListingPaginator(listing, 5)
    assert ours.num_pages == expected.num_pages == 5
    for number in range(1, 6):
        assert list(ours.page(number)) == list(expected.page(number)), number


def test_the_last_page_is_read_from_the_other_end(client, listing):
    client.get("/lt/naujienos/?page=5")
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/lt/naujienos/?page=5")
    assert card_titles(response) == ["Straipsnis 2", "Straipsnis 1", "Straipsnis 0"]
    listing_sql = [q["sql"] for q in captured if '"publication_date"' in q["sql"]]
    assert listing_sql and all("OFFSET" not in sql for sql in listing_sql), listing_sql
    # The count came from the cache.
    assert not [q for q in captured if "COUNT(" in q["sql"].upper()]


def test_the_cached_count_follows_publishing(client, tree, listing):
    assert "23" in client.get("/lt/naujienos/").content.decode()
    article = create_article(tree.news_lt, "Naujas", date=datetime.date(2024, 3, 1), live=False)
    article.save_revision().publish()
    response = client.get("/lt/naujienos/?page=5")
    assert "24" in response.content.decode()
    assert card_titles(response)[-1] == "Straipsnis 0"
