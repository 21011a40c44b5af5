"""Query budgets that tests/test_query_budget.py and tests/api/test_queries.py do not cover:
the site search, and reader pages as served, with the fragment caches warm (those tests
render every fragment)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ..factories import create_article, make_image

pytestmark = pytest.mark.django_db

# Issue 13 added one query to each: the authors of the article and of every card (bylines).
BUDGETS = {
    "/lt/naujienos/{slug}/": 13,
    "/lt/naujienos/": 11,
    "/lt/naujienos/?page=2": 11,
    "/lt/": 11,
    "/lt/paieska/?q=naujiena": 9,
    "/lt/paieska/?q=naujiena&page=2": 9,
    "/en/search/?q=news": 9,
}


@pytest.fixture
def newsroom(tree):
    image = make_image(size=(96, 54))
    articles = []
    for number in range(15):
        for index, title in ((tree.news_lt, "Mokyklos naujiena"), (tree.news_en, "School news")):
            articles.append(
                create_article(
                    index,
                    f"{title} {number}",
                    date=datetime.date(2024, 1, 1) + datetime.timedelta(days=number),
                    hero_image=image,
                    topics=["švietimas"],
                )
            )
    return articles


@pytest.mark.parametrize("url,budget", BUDGETS.items())
def test_pages_as_served_stay_within_budget(
    client, newsroom, url, budget, django_assert_max_num_queries
):
    url = url.format(slug=newsroom[0].slug)
    assert client.get(url).status_code == 200
    with django_assert_max_num_queries(budget):
        response = client.get(url)
    assert response.status_code == 200


def test_search_costs_the_same_on_every_page(client, newsroom, django_assert_num_queries):
    counts = []
    for page in (1, 2):
        url = f"/lt/paieska/?q=naujiena&page={page}"
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        counts.append(len(captured))
    assert len(set(counts)) == 1, counts
