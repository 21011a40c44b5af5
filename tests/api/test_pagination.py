"""Paging the article listing: `next` (a cursor), the bounded `offset`, the cached `count`."""

import base64
import datetime
from urllib.parse import parse_qs, urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from news.api.paging import OFFSET_MAX, Cursor

from ..factories import make_topic, translate
from .builders import make_article

pytestmark = pytest.mark.django_db

LISTING = "/api/v3/articles/"
# Articles a day in the archive: most days have several, which only the id tells apart.
PER_DAY = [3, 1, 4, 2]


@pytest.fixture
def archive(api_site):
    """10 lt articles over 4 days (ties on every date but one), one in three translated,
    and an English-only article on a shared date; every other one about culture, and "Kronika"
    in the title of every third one. Both topics have English editions."""
    for name, english in [("Kultūra", "Culture"), ("Sportas", "Sport")]:
        make_topic(api_site.en, english, translation_of=make_topic(api_site.lt, name))
    lt = []
    for day, count in enumerate(PER_DAY, start=1):
        for _ in range(count):
            number = len(lt)
            lt.append(
                make_article(
                    api_site.news_lt,
                    f"Straipsnis {number}" + (" Kronika" if number % 3 == 0 else ""),
                    date=datetime.date(2024, 6, day),
                    topics=["Kultūra"] if number % 2 == 0 else ["Sportas"],
                )
            )
    en = [
        translate(article, api_site.en, title=f"Article {n}", slug=f"article-{n}")
        for n, article in enumerate(lt)
        if n % 3 == 1
    ]
    en.append(make_article(api_site.news_en, "English only", date=datetime.date(2024, 6, 3)))
    return {"lt": lt, "en": en}


def get_json(client, url, params=None, status=200):
    response = client.get(url, params)
    assert response.status_code == status, response.content
    return response.json()


def walk(client, **params):
    """Every page of a listing, from the first one by following `next`."""
    pages = [get_json(client, LISTING, params)]
    while pages[-1]["next"]:
        assert len(pages) < 50, "`next` goes round in circles"
        pages.append(get_json(client, pages[-1]["next"]))
    return pages


def ids(pages):
    return [item["id"] for page in pages for item in page["items"]]


def in_order(articles, order):
    return [
        article.pk
        for article in sorted(
            articles,
            key=lambda article: (article.publication_date, article.pk),
            reverse=order == "-publication_date",
        )
    ]


def cursor_of(url):
    return parse_qs(urlsplit(url).query)["cursor"][0]


def encoded(payload):
    return base64.urlsafe_b64encode(payload.encode()).decode().rstrip("=")


# Walking by `next` -------------------------------------------------------------------------


@pytest.mark.parametrize("order", ["-publication_date", "publication_date"])
@pytest.mark.parametrize("limit", [1, 3])
def test_next_walks_every_article_once_in_order(client, archive, order, limit):
    pages = walk(client, locale="lt", order=order, limit=limit)

    assert ids(pages) == in_order(archive["lt"], order)
    assert {page["count"] for page in pages} == {len(archive["lt"])}
    assert all(len(page["items"]) == limit for page in pages[:-1])
    assert 1 <= len(pages[-1]["items"]) <= limit
    assert pages[-1]["next"] is None


@pytest.mark.parametrize("order", ["-publication_date", "publication_date"])
@pytest.mark.parametrize(
    "query",
    [
        {"locale": "en", "fallback": "lt"},
        {"topic": "kultūra"},
        {"locale": "lt", "topic": "Kultūra"},
        {"locale": "en", "fallback": "lt", "topic": "kultūra"},
        {"locale": "lt", "search": "Kronika"},
        {},
    ],
    ids=["fallback", "topic", "locale-topic", "fallback-topic", "search", "every-edition"],
)
def test_next_walks_a_filtered_listing_like_one_long_page(client, archive, query, order):
    whole = get_json(client, LISTING, {**query, "order": order, "limit": 100})

    pages = walk(client, **query, order=order, limit=2)

    assert whole["next"] is None
    assert whole["items"], "the filter leaves nothing to page through"
    assert ids(pages) == [item["id"] for item in whole["items"]]
    assert len(set(ids(pages))) == whole["count"]
    assert {page["count"] for page in pages} == {whole["count"]}


def test_fallback_listing_pages_through_both_locales(client, archive):
    translated = {article.translation_key for article in archive["en"]}
    expected = archive["en"] + [a for a in archive["lt"] if a.translation_key not in translated]

    pages = walk(client, locale="en", fallback="lt", limit=3)

    assert ids(pages) == in_order(expected, "-publication_date")
    served = [(item["locale"], item["fallback"]) for page in pages for item in page["items"]]
    assert {("en", False), ("lt", True)} == set(served)


def test_ties_on_a_date_are_broken_by_id(client, archive):
    same_day = [a for a in archive["lt"] if a.publication_date == datetime.date(2024, 6, 3)]
    assert len(same_day) == 4

    pages = walk(client, locale="lt", limit=1)
    by_id = ids(pages)

    assert [pk for pk in by_id if pk in {a.pk for a in same_day}] == sorted(
        (a.pk for a in same_day), reverse=True
    )


def test_next_keeps_the_other_parameters(client, archive):
    query = {
        "locale": "en",
        "fallback": "lt",
        "topic": "kultūra",
        "order": "publication_date",
        "limit": "1",
        "offset": "1",
    }

    listing = get_json(client, LISTING, query)

    parts = urlsplit(listing["next"])
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == f"http://testserver{LISTING}"
    params = parse_qs(parts.query)
    assert params.pop("cursor")
    assert params == {name: [value] for name, value in query.items() if name != "offset"}


def test_an_offset_page_continues_by_cursor(client, archive):
    everything = ids([get_json(client, LISTING, {"locale": "lt", "limit": 100})])

    third = get_json(client, LISTING, {"locale": "lt", "limit": 2, "offset": 4})
    fourth = get_json(client, third["next"])

    assert ids([third, fourth]) == everything[4:8]
    assert "offset" not in parse_qs(urlsplit(fourth["next"]).query)


def test_a_listing_that_ends_on_a_full_page_has_no_empty_page_after_it(client, archive):
    pages = walk(client, locale="lt", limit=5)  # 10 articles

    assert [len(page["items"]) for page in pages] == [5, 5]
    assert pages[-1]["next"] is None


def test_an_empty_listing_has_no_next(client, archive):
    listing = get_json(client, LISTING, {"topic": "no-such-topic"})

    assert listing == {"count": 0, "next": None, "items": []}


def test_a_cursor_past_the_end_gives_an_empty_last_page(client, archive):
    oldest = min(archive["lt"], key=lambda a: (a.publication_date, a.pk))
    cursor = Cursor("-publication_date", oldest.publication_date, oldest.pk).encode()

    listing = get_json(client, LISTING, {"locale": "lt", "cursor": cursor})

    assert listing["items"] == []
    assert listing["next"] is None
    assert listing["count"] == len(archive["lt"])


def test_a_cursor_holds_its_place_when_an_article_before_it_is_unpublished(client, archive):
    first = get_json(client, LISTING, {"locale": "lt", "limit": 3})
    archive["lt"][-1].unpublish()  # the newest one, on page 1

    second = get_json(client, first["next"])

    expected = in_order(archive["lt"], "-publication_date")[3:6]
    assert [item["id"] for item in second["items"]] == expected


def test_the_cursor_names_the_order_a_date_and_an_id(client, archive):
    listing = get_json(client, LISTING, {"locale": "lt", "limit": 1})
    newest = archive["lt"][-1]

    cursor = cursor_of(listing["next"])

    assert Cursor.decode(cursor) == ("-publication_date", newest.publication_date, newest.pk)
    assert cursor == encoded(f"-publication_date:2024-06-04:{newest.pk}")
    assert cursor.isascii() and "=" not in cursor


# Queries --------------------------------------------------------------------------------


def test_a_cursor_page_reads_no_offset_and_costs_what_page_one_does(client, archive):
    get_json(client, LISTING, {"locale": "lt", "limit": 2})  # warm-up: site roots, count
    with CaptureQueriesContext(connection) as first_page:
        first = get_json(client, LISTING, {"locale": "lt", "limit": 2})
    with CaptureQueriesContext(connection) as cursor_page:
        second = get_json(client, first["next"])

    assert second["items"]
    sql = [query["sql"] for query in cursor_page.captured_queries]
    listing_sql = [s for s in sql if "ORDER BY" in s and "LIMIT 3" in s]
    assert len(listing_sql) == 1, sql
    assert not any("OFFSET" in s.upper() for s in sql)
    assert '"publication_date" <=' in listing_sql[0]  # the bound that seeks in the index
    assert len(cursor_page) <= len(first_page)


# The count ------------------------------------------------------------------------------


def count_queries(client, params):
    with CaptureQueriesContext(connection) as queries:
        listing = get_json(client, LISTING, params)
    return listing["count"], [q["sql"] for q in queries if "COUNT(" in q["sql"].upper()]


def test_count_is_counted_once_then_cached(client, archive):
    first_count, first_sql = count_queries(client, {"locale": "lt", "limit": 2})
    again_count, again_sql = count_queries(client, {"locale": "lt", "limit": 2, "offset": 4})

    assert first_count == again_count == len(archive["lt"])
    assert len(first_sql) == 1
    assert again_sql == []


def test_each_filter_has_its_own_cached_count(client, archive):
    """One after the other, in one cache: a filter missing from the key would reuse a count."""
    queries = [
        {},
        {"locale": "lt"},
        {"locale": "en"},
        {"locale": "en", "fallback": "lt"},
        {"locale": "en", "fallback": "lt", "topic": "kultūra"},
        {"topic": "kultūra"},
        {"topic": "sportas"},
        {"locale": "lt", "search": "Kronika"},
        {"locale": "lt", "search": "Straipsnis"},
    ]

    listings = [get_json(client, LISTING, {**query, "limit": 100}) for query in queries]
    again = [get_json(client, LISTING, {**query, "limit": 1}) for query in queries]

    counts = [listing["count"] for listing in listings]
    assert counts == [len(listing["items"]) for listing in listings]
    assert counts == [listing["count"] for listing in again]
    assert len(set(counts)) >= 6, counts


def test_count_follows_a_publish_and_an_unpublish(client, api_site, archive):
    query = {"locale": "lt", "limit": 2}
    before = get_json(client, LISTING, query)["count"]

    added = make_article(api_site.news_lt, "Naujausias", date=datetime.date(2024, 7, 1))
    after_publish = get_json(client, LISTING, query)
    archive["lt"][0].unpublish()
    added.unpublish()
    after_unpublish = get_json(client, LISTING, query)["count"]

    assert before == len(archive["lt"])
    assert after_publish["count"] == before + 1
    assert after_publish["items"][0]["id"] == added.pk
    assert after_unpublish == before - 1


def test_count_follows_a_delete(client, archive):
    query = {"topic": "kultūra"}
    before = get_json(client, LISTING, query)["count"]

    archive["lt"][0].delete()

    assert get_json(client, LISTING, query)["count"] == before - 1


# Bad cursors and offsets ----------------------------------------------------------------


BAD_CURSORS = {
    "not base64": "not a cursor!",
    "non-ASCII": "ąčę",
    "bad length": "abcde",
    "padding only": "====",
    "empty": "",
    "not ASCII once decoded": encoded("-publication_date:2024-06-01:1").replace("L", "_", 1),
    "base64 of garbage": encoded("hello"),
    "json": encoded('{"d": "2024-06-01", "id": 1}'),
    "unknown order": encoded("title:2024-06-01:1"),
    "no id": encoded("-publication_date:2024-06-01"),
    "id zero": encoded("-publication_date:2024-06-01:0"),
    "negative id": encoded("-publication_date:2024-06-01:-5"),
    "id not a number": encoded("-publication_date:2024-06-01:abc"),
    "id beyond 32 bits": encoded(f"-publication_date:2024-06-01:{2**31}"),
    "id overflowing": encoded("-publication_date:2024-06-01:" + "9" * 30),
    "no such date": encoded("-publication_date:2024-02-30:1"),
    "year zero": encoded("-publication_date:0000-01-01:1"),
    "year 10000": encoded("-publication_date:10000-01-01:1"),
    "not a date": encoded("-publication_date:yesterday:1"),
    "NUL inside": encoded("-publication_date:2024-06-01:1\x00"),
    "trailing newline": encoded("-publication_date:2024-06-01:1\n"),
    "too long": "A" * 101,
    "made for the other order": encoded("publication_date:2024-06-01:1"),
}


@pytest.mark.parametrize("cursor", BAD_CURSORS.values(), ids=BAD_CURSORS.keys())
def test_a_bad_cursor_is_a_422(client, api_site, cursor):
    response = client.get(LISTING, {"locale": "lt", "cursor": cursor})

    assert response.status_code == 422, response.content
    assert response["Content-Type"] == "application/problem+json"
    assert [error["loc"] for error in response.json()["errors"]] == [["query", "cursor"]]


def test_a_cursor_made_for_the_other_order_says_so(client, archive):
    listing = get_json(client, LISTING, {"limit": 1})

    problem = get_json(
        client,
        LISTING,
        {"limit": 1, "order": "publication_date", "cursor": cursor_of(listing["next"])},
        status=422,
    )

    assert "order=-publication_date" in problem["errors"][0]["msg"]


def test_a_cursor_with_an_offset_is_a_422(client, archive):
    cursor = cursor_of(get_json(client, LISTING, {"limit": 1})["next"])

    problem = get_json(client, LISTING, {"cursor": cursor, "offset": 1}, status=422)

    assert problem["errors"][0]["loc"] == ["query", "cursor"]
    assert "offset" in problem["errors"][0]["msg"]
    assert get_json(client, LISTING, {"cursor": cursor, "offset": 0})["items"]


def test_a_nul_character_in_a_cursor_is_refused_before_the_endpoint(client, api_site):
    response = client.get(LISTING, {"cursor": "abc\x00"})

    assert response.status_code == 400  # cms/api.py: for every endpoint, as for `topic`
    assert response.json()["detail"] == "NUL characters are not allowed."


def test_offset_up_to_the_cap_is_served(client, archive):
    listing = get_json(client, LISTING, {"offset": OFFSET_MAX})

    assert listing == {"count": len(archive["lt"]) + len(archive["en"]), "next": None, "items": []}


@pytest.mark.parametrize("offset", [OFFSET_MAX + 1, 10**6, 2**31 - 1])
def test_offset_above_the_cap_is_a_422_that_points_to_next(client, api_site, offset):
    problem = get_json(client, LISTING, {"offset": offset}, status=422)

    [error] = problem["errors"]
    assert error["loc"] == ["query", "offset"]
    assert str(OFFSET_MAX) in error["msg"]
    assert "`next`" in error["msg"] and "cursor" in error["msg"]
