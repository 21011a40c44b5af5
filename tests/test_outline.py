"""Every page of the demo has a heading outline without gaps: one h1, then h2, h3, ... never
skipping a level (WCAG 1.3.1; the news index went from its h1 straight to h3 cards)."""

from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.models import Page

from news.blocks import ArticleBodyBlock
from news.models import Topic
from news.topics import topic_path

HOST = "127.0.0.1:8000"  # the demo Site's address


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    media = override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media"))
    with django_db_blocker.unblock(), media, transaction.atomic():
        call_command("load_demo", stdout=StringIO())
        yield
        transaction.set_rollback(True)


def outline(html):
    """The levels of the headings of a page's body, in document order."""
    body = BeautifulSoup(html, "html.parser").body
    return [
        (int(heading.name[1]), heading.get_text(" ", strip=True))
        for heading in body.find_all(["h1", "h2", "h3", "h4", "h5", "h6"])
    ]


def gaps(headings):
    """What is wrong with an outline: not starting with the only h1, or a skipped level."""
    problems = []
    levels = [level for level, _text in headings]
    if not levels or levels[0] != 1 or levels.count(1) != 1:
        problems.append(f"one h1 first: {levels}")
    for (before, _), (level, text) in zip(headings, headings[1:], strict=False):
        if level > before + 1:
            problems.append(f"h{before} -> h{level} ({text!r})")
    return problems


def demo_urls():
    pages = [page.url for page in Page.objects.live().filter(depth__gt=1).specific()]
    topics = [
        topic_path(topic.slug, topic.locale.language_code)
        for topic in Topic.objects.select_related("locale")
    ]
    searches = ["/lt/paieska/?q=Kaunas", "/en/search/?q=Kaunas", "/en/search/"]
    return pages + topics + searches


@pytest.mark.django_db
def test_every_demo_page_has_an_outline_without_gaps(demo, client):
    urls = demo_urls()
    assert len(urls) > 40  # 19 pages, 40 topic pages, search
    problems = {}
    for url in urls:
        response = client.get(url, HTTP_HOST=HOST)
        assert response.status_code == 200, url
        found = gaps(outline(response.content.decode()))
        if found:
            problems[url] = found
    assert problems == {}


def test_gaps_are_found():
    assert gaps([(1, "Title"), (3, "Card")]) == ["h1 -> h3 ('Card')"]
    assert gaps([(2, "No title")]) == ["one h1 first: [2]"]
    assert gaps([(1, "A"), (2, "B"), (3, "C"), (2, "D"), (3, "E")]) == []


def body(*blocks):
    return ArticleBodyBlock().to_python([{"type": kind, "value": value} for kind, value in blocks])


def test_an_h3_heading_needs_an_h2_above_it():
    block = ArticleBodyBlock()
    paragraph = ("paragraph", "<p>Tekstas.</p>")
    with pytest.raises(StreamBlockValidationError) as error:
        block.clean(body(paragraph, ("heading", {"text": "Poskyris", "level": "h3"})))
    assert set(error.value.block_errors) == {1}
    block.clean(
        body(
            ("heading", {"text": "Skyrius", "level": "h2"}),
            ("heading", {"text": "Poskyris", "level": "h3"}),
        )
    )
    references = {"heading": "", "items": [{"title": "Šaltinis", "publisher": "", "url": ""}]}
    block.clean(body(("references", references), ("heading", {"text": "Po", "level": "h3"})))
