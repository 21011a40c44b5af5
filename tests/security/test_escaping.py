"""What an editor types never runs for a reader: every text field and block escaped.

An article with every kind of block is saved through the real page editor with a hostile
payload in every text field, its topics and its rich text. The public pages that show it
(article, news index, home), the RSS feed and the API answer it as text: no script runs, no
event handler attribute exists, and the rich text keeps only what Wagtail's whitelist allows.
"""

import json
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.test.utils.form_data import rich_text

from news.blocks import RICH_TEXT_FEATURES
from news.embeds import PLAYER_ORIGINS
from tests.factories import create_article, every_block_body, make_topic
from tests.page_form import page_form_data

pytestmark = pytest.mark.django_db

SCRIPT = '<script>alert("xss")</script>'
PAYLOAD = f'{SCRIPT}<img src=x onerror=alert(1)>" onmouseover="alert(2)\' {{{{ 7|add:7 }}}}'
RICH_PAYLOAD = (
    f'<p>Safe {SCRIPT}<img src="x" onerror="alert(3)"/>'
    '<a href="javascript:alert(4)" onclick="alert(5)">link</a>'
    '<b onmouseover="alert(6)">bold</b><iframe src="https://evil.example"></iframe></p>'
)
# Form fields that are not free text: choices, ids, dates, URLs, structure.
NOT_TEXT = ("-count", "-deleted", "-order", "-id", "-type", "-level", "-style", "-image", "-url")
NOT_TEXT_FIELDS = {"slug", "publication_date", "hero_image", "action-publish", "topics"}


def is_contentstate(value):
    try:
        return "blocks" in json.loads(value)
    except (TypeError, ValueError):
        return False


def hostile_form_data(article):
    data = page_form_data(article)
    for name, value in list(data.items()):
        if (
            name in NOT_TEXT_FIELDS
            or name.startswith(("comments-", "bylines-", "related_links-", "topic_links-"))
            or name.endswith(NOT_TEXT)
        ):
            continue
        if name.endswith("-accessed"):
            continue
        if is_contentstate(value):
            data[name] = rich_text(RICH_PAYLOAD, features=RICH_TEXT_FEATURES)
        else:
            data[name] = PAYLOAD
    return data


@pytest.fixture
def hostile_article(tree, image, admin_client_logged_in):
    # Its topic is named with the payload too (a topic's name is free text).
    topic = make_topic(tree.lt, PAYLOAD, slug="payload")
    article = create_article(
        tree.news_lt, "Straipsnis", body=every_block_body(image), topics=[topic]
    )
    data = hostile_form_data(article)
    response = admin_client_logged_in.post(
        reverse("wagtailadmin_pages:edit", args=[article.pk]), data
    )
    assert response.status_code == 302, response.context["form"].errors if response.context else ""
    article.refresh_from_db()
    assert article.title == PAYLOAD and article.live
    return article


def assert_inert(html, where):
    """No script but JSON-LD data or same-site files, no event handlers, no javascript: URLs,
    no frame but a video player's."""
    soup = BeautifulSoup(html, "html.parser")
    for script in soup.find_all("script"):
        assert script.get("type") == "application/ld+json" or script.get("src"), (where, script)
        if script.get("type") == "application/ld+json":
            json.loads(script.string)  # still valid JSON, closed only by its own end tag
    for element in soup.find_all(True):
        handlers = [name for name in element.attrs if name.lower().startswith("on")]
        assert not handlers, (where, str(element)[:200])
        for name in ("href", "src", "action", "formaction"):
            value = str(element.get(name, "")).strip().lower()
            assert not value.startswith(("javascript:", "data:text")), (where, str(element)[:200])
        assert element.name not in ("object", "embed"), (where, element.name)
        if element.name == "iframe":  # a video block's player, and only that
            players = tuple(f"{origin}/" for origin in PLAYER_ORIGINS)
            assert element.get("src", "").startswith(players), (where, str(element)[:200])
    assert soup.find("img", src="x") is None, where
    return soup


def test_article_page_shows_the_payload_as_text(client, hostile_article):
    response = client.get(hostile_article.url)
    assert response.status_code == 200
    soup = assert_inert(response.content.decode(), "article")
    text = soup.get_text()
    # Every text field and block shows the payload as typed, as text.
    assert text.count(SCRIPT) >= 15
    assert "{{ 7|add:7 }}" in text and "14" not in soup.find("h1").get_text()
    # The rich text kept its text, lost its script, image, handlers and iframe.
    paragraph = soup.select_one(".rich-text")
    assert "Safe" in paragraph.get_text() and "bold" in paragraph.get_text()
    assert paragraph.find("a") is None or not paragraph.find("a").get("href", "").startswith(
        "javascript"
    )


@pytest.mark.parametrize("url", ["/lt/", "/lt/naujienos/"])
def test_listings_show_the_payload_as_text(client, hostile_article, url):
    response = client.get(url)
    assert response.status_code == 200
    soup = assert_inert(response.content.decode(), url)
    assert SCRIPT in soup.get_text()


def test_feed_and_sitemap_escape_it(client, hostile_article):
    feed = client.get("/lt/rss.xml")
    assert feed.status_code == 200
    items = ET.fromstring(feed.content).findall("./channel/item")
    assert any(item.findtext("title") == PAYLOAD for item in items)
    sitemap = client.get("/sitemap.xml")
    ET.fromstring(sitemap.content)  # well-formed


def test_api_answers_json_and_sanitised_rich_text(client, hostile_article):
    response = client.get(f"/api/v3/articles/{hostile_article.pk}/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["X-Content-Type-Options"] == "nosniff"
    detail = response.json()
    assert detail["title"] == PAYLOAD  # JSON carries text; consumers escape it as text
    for block in detail["body"]:
        if block["type"] == "paragraph":
            assert_inert(block["value"], "api paragraph")
            assert "<script" not in block["value"] and "onerror" not in block["value"]


def test_javascript_urls_are_refused_in_references(tree, image, admin_client_logged_in):
    article = create_article(tree.news_lt, "Nuorodos", body=every_block_body(image))
    data = page_form_data(article)
    url_field = next(name for name in data if name.endswith("-url") and data[name])
    data[url_field] = "javascript:alert(1)"
    response = admin_client_logged_in.post(
        reverse("wagtailadmin_pages:edit", args=[article.pk]), data
    )
    assert response.status_code == 200  # the form again, with an error
    article.refresh_from_db()
    assert "javascript:" not in json.dumps(list(article.body.raw_data))
