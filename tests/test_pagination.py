"""Pagination of the news index: NEWS_PAGE_SIZE per page, and a 404 for any bad page number."""

import pytest

from .factories import card_titles, soup

INDEX = "/lt/naujienos/"


@pytest.fixture
def articles(dated_articles):
    """23 Lithuanian articles (3 pages), newest first, and a few English ones."""
    dated_articles("en", 3)
    return list(reversed(dated_articles("lt", 23)))


def titles(articles):
    return [article.title for article in articles]


def get_page(client, query=""):
    response = client.get(INDEX + query)
    assert response.status_code == 200
    return response


def test_page_size_is_ten(settings):
    assert settings.NEWS_PAGE_SIZE == 10


def test_first_page(client, articles):
    response = get_page(client)
    assert card_titles(response) == titles(articles[:10])
    assert card_titles(get_page(client, "?page=1")) == titles(articles[:10])
    html = soup(response)
    assert html.select('a[rel="prev"]') == []
    assert html.select_one('a[rel="next"]')["href"] == "?page=2"
    assert html.select_one('link[rel="canonical"]')["href"] == "http://localhost/lt/naujienos/"


def test_second_page(client, articles):
    response = get_page(client, "?page=2")
    assert card_titles(response) == titles(articles[10:20])
    html = soup(response)
    assert html.select_one('a[rel="prev"]')["href"] == "?page=1"
    assert html.select_one('a[rel="next"]')["href"] == "?page=3"
    assert (
        html.select_one('link[rel="canonical"]')["href"] == "http://localhost/lt/naujienos/?page=2"
    )


def test_last_page(client, articles):
    response = get_page(client, "?page=3")
    assert card_titles(response) == titles(articles[20:])
    html = soup(response)
    assert html.select('a[rel="next"]') == []
    assert html.select_one('a[rel="prev"]')["href"] == "?page=2"


def test_pages_cover_every_article_once(client, articles):
    seen = []
    for number in (1, 2, 3):
        seen += card_titles(get_page(client, f"?page={number}"))
    assert seen == titles(articles)


def test_page_size_follows_the_setting(client, settings, articles):
    settings.NEWS_PAGE_SIZE = 5
    assert card_titles(get_page(client, "?page=2")) == titles(articles[5:10])
    assert card_titles(get_page(client, "?page=5")) == titles(articles[20:])
    assert client.get(INDEX + "?page=6").status_code == 404


def test_a_single_page_has_no_pagination(client, dated_articles):
    dated_articles("lt", 10)
    html = soup(get_page(client))
    assert len(html.select(".card")) == 10
    assert html.select("nav.pagination") == []
    assert client.get(INDEX + "?page=2").status_code == 404


def test_empty_index_answers_its_first_page_only(client, tree):
    assert card_titles(get_page(client)) == []
    assert client.get(INDEX + "?page=2").status_code == 404


def test_english_index_paginates_english_articles(client, articles):
    response = client.get("/en/news/")
    assert card_titles(response) == ["en article 2", "en article 1", "en article 0"]
    assert client.get("/en/news/?page=2").status_code == 404


@pytest.mark.parametrize(
    "page",
    [
        "abc",
        "0",
        "-1",
        "999",
        "1.5",
        "3",
        "",
        "1e1",
        "0x2",
        "99999999999999999999999999999999",
        "9" * 5000,  # longer than Python converts to int by default
        "%00",
        "2%20OR%201=1",
    ],
)
def test_bad_page_numbers_answer_404(client, dated_articles, page):
    dated_articles("lt", 11)  # two pages
    response = client.get(f"{INDEX}?page={page}")
    assert response.status_code == 404
    assert "404.html" in [template.name for template in response.templates]


def test_repeated_page_parameter_uses_the_last(client, articles):
    response = get_page(client, "?page=abc&page=2")
    assert card_titles(response) == titles(articles[10:20])
