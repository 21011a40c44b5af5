"""Topic pages and their feeds: /lt/temos/<slug>/, /en/topics/<slug>/ and rss.xml."""

import datetime
import xml.etree.ElementTree as ET

import pytest

from ..factories import card_titles, create_article, soup

SITE = "http://localhost"


def test_topic_page_lists_the_live_articles_of_its_language(client, filed, topics):
    response = client.get("/lt/temos/svietimas/")
    assert response.status_code == 200
    html = soup(response)
    assert html.select_one("h1").text == "švietimas"
    assert "Mokyklos ir mokymasis." in response.text
    # Newest first; no draft, no article of another topic.
    assert card_titles(response) == ["Mokyklų naktis", "Bibliotekos"]
    assert html.select_one("html")["lang"] == "lt"
    assert html.select_one('link[rel="canonical"]')["href"] == f"{SITE}/lt/temos/svietimas/"
    assert html.select_one('meta[property="og:url"]')["content"] == f"{SITE}/lt/temos/svietimas/"


def test_english_topic_page_lists_english_articles_only(client, filed):
    response = client.get("/en/topics/education/")
    assert response.status_code == 200
    assert soup(response).select_one("h1").text == "education"
    assert card_titles(response) == ["Schools night"]
    assert '<html lang="en">' in response.text


@pytest.mark.parametrize(
    "url",
    [
        "/en/topics/svietimas/",  # the Lithuanian slug under the English prefix
        "/lt/temos/education/",
        "/lt/topics/svietimas/",  # the English prefix in Lithuanian
        "/en/topics/sportas/",  # no English edition of this topic
        "/en/topics/no-such-topic/",
        "/en/topics/education/?page=2",
        "/en/topics/education/?page=0",
        "/en/topics/education/?page=abc",
        "/en/topics/svietimas/rss.xml",
    ],
)
def test_topic_pages_that_do_not_exist_answer_404(client, filed, url):
    assert client.get(url).status_code == 404


def test_topic_page_is_paginated_like_the_news_index(client, tree, topics, settings):
    settings.NEWS_PAGE_SIZE = 2
    for day in range(1, 6):
        create_article(
            tree.news_lt,
            f"Diena {day}",
            date=datetime.date(2024, 1, day),
            topics=[topics["sport_lt"]],
        )
    first = client.get("/lt/temos/sportas/")
    last = client.get("/lt/temos/sportas/?page=3")
    assert card_titles(first) == ["Diena 5", "Diena 4"]
    assert card_titles(last) == ["Diena 1"]
    assert soup(first).select_one('a[rel="next"]')["href"] == "?page=2"
    canonical = soup(last).select_one('link[rel="canonical"]')["href"]
    assert canonical == f"{SITE}/lt/temos/sportas/?page=3"
    assert client.get("/lt/temos/sportas/?page=4").status_code == 404


def test_articles_and_cards_link_to_their_topic_pages(client, filed):
    article = soup(client.get(filed["school_en"].url))
    assert [(a.text, a["href"]) for a in article.select(".article__header .topics a")] == [
        ("education", "/en/topics/education/")
    ]
    index = soup(client.get("/lt/naujienos/"))
    card = next(c for c in index.select(".card") if "Mokyklų naktis" in c.text)
    assert [a["href"] for a in card.select(".topics a")] == [
        "/lt/temos/svietimas/",
        "/lt/temos/sportas/",
    ]


def test_switcher_and_hreflang_link_the_topic_page_in_each_language(client, filed):
    html = soup(client.get("/en/topics/education/"))
    switcher = {a["hreflang"]: a["href"] for a in html.select(".language-switcher a")}
    assert switcher == {"lt": "/lt/temos/svietimas/"}
    alternates = {
        link["hreflang"]: link["href"] for link in html.select('link[rel="alternate"][hreflang]')
    }
    assert alternates == {
        "lt": f"{SITE}/lt/temos/svietimas/",
        "en": f"{SITE}/en/topics/education/",
        "x-default": f"{SITE}/lt/temos/svietimas/",
    }
    # Not translated yet: the switcher leads to the other edition's home page.
    html = soup(client.get("/lt/temos/sportas/"))
    assert html.select_one(".language-switcher a.language-switcher__missing")["href"] == "/en/"


def read_feed(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    return ET.fromstring(response.content).find("channel")


def test_topic_feeds_per_language(client, filed):
    lithuanian = read_feed(client.get("/lt/temos/svietimas/rss.xml"))
    assert lithuanian.findtext("title") == "švietimas · Kauno naujienos"
    assert lithuanian.findtext("link") == f"{SITE}/lt/temos/svietimas/"
    items = lithuanian.findall("item")
    assert [item.findtext("title") for item in items] == ["Mokyklų naktis", "Bibliotekos"]
    assert items[0].findtext("link") == f"{SITE}/lt/naujienos/mokyklu-naktis/"
    assert [c.text for c in items[0].findall("category")] == ["švietimas", "sportas"]

    english = read_feed(client.get("/en/topics/education/rss.xml"))
    assert english.findtext("description") == "Schools and learning."
    assert [item.findtext("title") for item in english.findall("item")] == ["Schools night"]
    assert [c.text for c in english.find("item").findall("category")] == ["education"]


def test_topic_page_points_to_its_feed(client, filed):
    html = soup(client.get("/en/topics/education/"))
    assert html.select_one('link[type="application/rss+xml"][href$="/rss.xml"][title]')
    assert html.select_one('a[href="/en/topics/education/rss.xml"]')


def test_the_main_feed_lists_topics_in_the_feed_language(client, filed):
    channel = read_feed(client.get("/en/rss.xml"))
    item = next(i for i in channel.findall("item") if i.findtext("title") == "Schools night")
    assert [c.text for c in item.findall("category")] == ["education"]
