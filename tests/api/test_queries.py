"""Query budgets: a constant number of queries, whatever the number of articles or blocks.

Each endpoint is measured twice, on a small and on a large data set, after one warm-up
request (which makes the image renditions and fills Wagtail's cache of site root paths,
as the first request after a deploy or a publish would).
"""

import datetime

import pytest

from news.models import ArticlePage, RelatedArticle

from ..factories import make_topic, translate
from .builders import full_body, make_article, make_document, make_image

pytestmark = pytest.mark.django_db

LISTING_BUDGET = 8
# "More news" finds its candidates first (the keys an editor chose, the newest few), each
# through an index, then reads them as a listing does (news.models.more_news_among).
MORE_NEWS_BUDGET = LISTING_BUDGET + 1
DETAIL_BUDGET = 10


def add_articles(api_site, count, start):
    """`count` articles with their own hero image and two topics; every 4th one translated
    ("Kaunas" has an English edition, the others do not)."""
    kaunas = make_topic(api_site.lt, "Kaunas")
    make_topic(api_site.en, "Kaunas", translation_of=kaunas)
    for number in range(start, start + count):
        article = make_article(
            api_site.news_lt,
            f"Straipsnis {number}",
            date=datetime.date(2024, 1, 1) + datetime.timedelta(days=number),
            topics=[f"Tema {number % 5}", "Kaunas"],
            hero_image=make_image(f"Nuotrauka {number}"),
        )
        if number % 4 == 0:
            translate(article, api_site.en, title=f"Article {number}", slug=f"article-{number}")


def measure(client, django_assert_max_num_queries, budget, url):
    assert client.get(url).status_code == 200  # warm-up
    with django_assert_max_num_queries(budget) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries.captured_queries), response.json()


LISTINGS = ["locale=lt&limit=100", "limit=100", "locale=en&fallback=lt&limit=100&topic=kaunas"]


def test_listing_of_100_articles(client, api_site, django_assert_max_num_queries):
    add_articles(api_site, 10, start=0)
    small = {
        url: measure(client, django_assert_max_num_queries, LISTING_BUDGET, url)
        for url in (f"/api/v3/articles/?{query}" for query in LISTINGS)
    }
    add_articles(api_site, 90, start=10)
    large = {
        url: measure(client, django_assert_max_num_queries, LISTING_BUDGET, url) for url in small
    }

    for url in small:
        (small_count, small_listing), (large_count, large_listing) = small[url], large[url]
        assert len(small_listing["items"]) >= 10
        assert len(large_listing["items"]) == 100
        assert all(item["hero_image"] for item in large_listing["items"])
        assert any(item["translations"] for item in large_listing["items"])
        assert small_count == large_count, f"{url}: {small_count} queries, then {large_count}"


def body_of(api_site, repeats):
    """`repeats` times every block kind, each time with its own image, page and document link."""
    body = []
    for number in range(repeats):
        linked = make_article(api_site.news_lt, f"Susietas {repeats}.{number}")
        body += full_body(
            make_image(f"Iliustracija {number}"), linked_page=linked, document=make_document()
        )
    return body


@pytest.mark.parametrize("rich_text_format", ["html", "db_html"])
def test_article_detail(client, api_site, django_assert_max_num_queries, rich_text_format):
    counts = {}
    for repeats in (1, 20):
        article = make_article(
            api_site.news_lt,
            f"Ilgas {repeats}",
            hero_image=make_image(),
            topics=["Kaunas", "Švietimas"],
            body=body_of(api_site, repeats),
        )
        translate(article, api_site.en, title=f"Long {repeats}", slug=f"long-{repeats}")
        url = f"/api/v3/articles/{article.pk}/?rich_text_format={rich_text_format}"
        counts[repeats], detail = measure(client, django_assert_max_num_queries, DETAIL_BUDGET, url)
        assert len(detail["body"]) == 7 * repeats
        assert len(detail["translations"]) == 1

    assert counts[1] == counts[20], f"{counts[1]} queries for 7 blocks, {counts[20]} for 140"


def test_article_detail_in_another_locale(client, api_articles, django_assert_max_num_queries):
    url = f"/api/v3/articles/{api_articles['lt_mid'].pk}/?locale=en&fallback=lt"

    count, detail = measure(client, django_assert_max_num_queries, DETAIL_BUDGET, url)

    assert detail["id"] == api_articles["en_mid"].pk


def test_more_news_and_route(client, api_articles, django_assert_max_num_queries):
    more, _ = measure(
        client,
        django_assert_max_num_queries,
        MORE_NEWS_BUDGET,
        f"/api/v3/articles/{api_articles['lt_mid'].pk}/more/",
    )
    route, page = measure(
        client,
        django_assert_max_num_queries,
        DETAIL_BUDGET + 1,  # finding the page by its path costs one query
        "/api/v3/route/?html_path=/en/news/middle/",
    )

    assert page["id"] == api_articles["en_mid"].pk


def test_more_news_with_related_articles_costs_what_the_newest_do(
    client, api_site, django_assert_max_num_queries
):
    add_articles(api_site, 12, start=0)
    current, *others = ArticlePage.objects.filter(locale=api_site.lt).order_by("pk")
    url = f"/api/v3/articles/{current.pk}/more/"
    newest_count, newest = measure(client, django_assert_max_num_queries, MORE_NEWS_BUDGET, url)
    for order, related in enumerate(others[:2]):
        RelatedArticle.objects.create(article=current, related=related, sort_order=order)

    count, more = measure(client, django_assert_max_num_queries, MORE_NEWS_BUDGET, url)

    assert [item["id"] for item in more["items"]][:2] == [others[0].pk, others[1].pk]
    assert all(item["hero_image"] and item["topics"] for item in more["items"])
    assert len(more["items"]) == len(newest["items"])
    # The chosen articles come in the same queries as the newest.
    assert count == newest_count, f"{newest_count} queries, then {count}"


def test_listing_pages_deep_by_cursor_cost_what_page_one_does(
    client, api_site, django_assert_max_num_queries
):
    add_articles(api_site, 30, start=0)
    url = "/api/v3/articles/?locale=lt&limit=5"
    first_count, page = measure(client, django_assert_max_num_queries, LISTING_BUDGET, url)
    for _ in range(4):
        page = client.get(page["next"]).json()

    deep_count, deep = measure(client, django_assert_max_num_queries, LISTING_BUDGET, page["next"])

    assert [item["title"] for item in deep["items"]] == [
        f"Straipsnis {n}" for n in range(4, -1, -1)
    ]
    assert deep["next"] is None
    assert deep_count <= first_count, f"page 1: {first_count} queries, page 6: {deep_count}"
