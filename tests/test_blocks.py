"""The article body blocks: how each renders, what fails validation, what gets translated."""

import pytest
from bs4 import BeautifulSoup
from django.utils import translation
from wagtail import blocks
from wagtail_localize.models import TranslationSource
from wagtail_localize.segments import OverridableSegmentValue, StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from news.models import ArticlePage

from .factories import BODY_BLOCK, error_paths, every_block_body, soup


@pytest.fixture
def article(article_factory, image):
    return article_factory("en", "Every block", body=every_block_body(image))


@pytest.fixture
def body(client, article):
    """The rendered body of the article with every block, as the public site serves it."""
    response = client.get(article.url)
    assert response.status_code == 200
    return soup(response).select_one(".article__body")


def render(block_type, value):
    block = BODY_BLOCK.child_blocks[block_type]
    return BeautifulSoup(block.render(block.to_python(value)), "html.parser")


def text(tag):
    return " ".join(tag.get_text(" ", strip=True).split())


# Rendering


def test_headings_render_at_their_level(body):
    assert [text(h) for h in body.find_all("h2", recursive=False)] == ["Learning for everyone"]
    assert [text(h) for h in body.find_all("h3", recursive=False)] == ["Evening classes"]


def test_heading_level_defaults_to_h2():
    html = render("heading", {"text": "Untitled level"})
    assert [(tag.name, text(tag)) for tag in html.find_all(True)] == [("h2", "Untitled level")]


def test_paragraph_renders_rich_text(body):
    paragraph = body.select_one(".rich-text > p")
    assert text(paragraph) == "Kaunas is a UNESCO Learning City ."
    assert text(paragraph.b) == "UNESCO"
    assert paragraph.a["href"] == "https://uil.unesco.org/"


def test_image_renders_with_alt_text_and_caption(body):
    figure = body.select_one("figure.block-image")
    img = figure.img
    assert img["alt"] == "The town hall at dusk"
    assert img["src"].startswith("/media/images/") and ".width-960" in img["src"]
    assert int(img["width"]) == 640  # width-960 never upscales the 640 px test image
    assert img["loading"] == "lazy"
    assert text(figure.figcaption) == "Town hall square"


def test_image_without_caption_has_no_figcaption(image):
    html = render("image", {"image": image.pk, "alt_text": "Alt", "caption": ""})
    assert html.img["alt"] == "Alt"
    assert html.figcaption is None


def test_quote_style(body):
    quote = body.select_one("figure.quote")
    assert text(quote.blockquote) == "Learning never ends."
    assert text(quote.figcaption) == "— The mayor"


def test_callout_style(body):
    callout = body.select_one("aside.callout")
    assert [text(p) for p in callout.find_all("p")] == ["Registration closes on Friday."]
    assert callout.blockquote is None


def test_quote_keeps_line_breaks_and_escapes_html():
    html = render("quote", {"text": "One\nTwo <script>", "attribution": "", "style": "quote"})
    paragraph = html.blockquote.p
    assert paragraph.br is not None
    assert html.script is None and "<script>" in paragraph.get_text()
    assert html.figcaption is None


def test_initiatives_list(body):
    section = body.select_one("section.initiatives")
    assert text(section.h2) == "What the city does"
    items = section.select("ul > li")
    assert [text(li.select_one(".initiatives__label")) for li in items] == ["Libraries", "Schools"]
    assert [text(li) for li in items] == [
        "Libraries Open late on weekdays.",
        "Schools Adult classes in the evening.",
    ]


def test_indicator_table_is_an_accessible_table(body):
    table = body.select_one(".indicator-table table")
    assert text(table.caption) == "Facts and figures 2024"
    header = table.thead.find_all("th")
    assert all(th["scope"] == "col" for th in header)
    assert len(header) == 3  # a row has a note, so the note column is shown
    rows = table.tbody.find_all("tr")
    assert [(row.th["scope"], text(row.th)) for row in rows] == [
        ("row", "Learners"),
        ("row", "Courses"),
    ]
    assert [[text(td) for td in row.find_all("td")] for row in rows] == [
        ["12 000", "City survey"],
        ["340", ""],
    ]
    # The scrollable region is named after the table and reachable by keyboard.
    region = table.parent
    assert region["role"] == "region"
    assert region["aria-label"] == "Facts and figures 2024"
    assert region["tabindex"] == "0"


def test_indicator_table_without_notes_has_no_note_column():
    html = render(
        "indicator_table",
        {
            "caption": "Without notes",
            "rows": [
                {"indicator": "Parks", "value": "30", "note": ""},
                {"indicator": "Bridges", "value": "12", "note": ""},
            ],
        },
    )
    assert len(html.thead.find_all("th", scope="col")) == 2
    assert all(len(row.find_all("td")) == 1 for row in html.tbody.find_all("tr"))


def test_references_list(body):
    section = body.select_one("section.references")
    assert text(section.h2) == "Sources"
    items = section.select("ol > li")
    assert [li["id"] for li in items] == ["ref-1", "ref-2"]

    linked, unlinked = items
    assert linked.a["href"] == "https://uil.unesco.org/lifelong-learning/learning-cities"
    assert text(linked.a) == "Learning Cities network"
    assert "— UNESCO" in text(linked)
    assert text(linked.select_one(".references__accessed")) == "Accessed 2 May 2024"

    # Without a URL the title is a citation, not a link; no publisher, no accessed date.
    assert unlinked.a is None
    assert text(unlinked.cite) == "City annual report"
    assert text(unlinked) == "City annual report"


def test_references_ids_are_stable_per_position():
    items = [{"title": f"Source {n}", "publisher": "", "url": "", "accessed": None} for n in "AB"]
    first = render("references", {"heading": "", "items": items})
    again = render("references", {"heading": "", "items": items})
    assert [li["id"] for li in first.select("li")] == ["ref-1", "ref-2"]
    assert str(first) == str(again)


def test_references_heading_has_a_default():
    with translation.override("en"):
        html = render("references", {"items": [reference(title="Source")]})
    assert text(html.h2) == "References"


def test_body_renders_blocks_in_order(body):
    classes = [
        child.name if child.name in ("h2", "h3") else child.get("class")[0]
        for child in body.find_all(recursive=False)
    ]
    assert classes == [
        "h2",
        "h3",
        "rich-text",
        "block-image",
        "video",
        "quote",
        "callout",
        "initiatives",
        "indicator-table",
        "references",
    ]


# Validation


def clean(raw_blocks):
    return BODY_BLOCK.clean(BODY_BLOCK.to_python(raw_blocks))


def reference(**fields):
    return {"title": "A source", "publisher": "", "url": "", "accessed": None, **fields}


def test_every_block_of_the_full_body_is_valid(image):
    raw = every_block_body(image)
    assert {item["type"] for item in raw} == set(BODY_BLOCK.child_blocks)  # every kind
    assert [child.block_type for child in clean(raw)] == [item["type"] for item in raw]


def test_reference_with_a_bad_url_is_invalid():
    raw = [{"type": "references", "value": {"items": [reference(), reference(url="not a url")]}}]
    with pytest.raises(blocks.StreamBlockValidationError) as caught:
        clean(raw)
    assert error_paths(caught.value) == {(0, "items", 1, "url")}
    with translation.override("en"):
        items = caught.value.as_json_data()["blockErrors"][0]["blockErrors"]["items"]
    assert items["blockErrors"][1]["blockErrors"]["url"]["messages"] == ["Enter a valid URL."]


@pytest.mark.parametrize("url", ["javascript:alert(1)", "https://", "kaunas lt", "http://a b.lt"])
def test_reference_urls_must_be_web_addresses(url):
    raw = [{"type": "references", "value": {"items": [reference(url=url)]}}]
    with pytest.raises(blocks.StreamBlockValidationError) as caught:
        clean(raw)
    assert error_paths(caught.value) == {(0, "items", 0, "url")}


def test_indicator_table_needs_a_row():
    raw = [{"type": "indicator_table", "value": {"caption": "Empty", "rows": []}}]
    with pytest.raises(blocks.StreamBlockValidationError) as caught:
        clean(raw)
    assert error_paths(caught.value) == {(0, "rows")}


def test_initiatives_and_references_need_an_item():
    raw = [
        {"type": "initiatives", "value": {"heading": "None yet", "items": []}},
        {"type": "references", "value": {"heading": "None yet", "items": []}},
    ]
    with pytest.raises(blocks.StreamBlockValidationError) as caught:
        clean(raw)
    assert error_paths(caught.value) == {(0, "items"), (1, "items")}


@pytest.mark.parametrize(
    ("raw_block", "path"),
    [
        ({"type": "heading", "value": {"text": "", "level": "h2"}}, (0, "text")),
        ({"type": "image", "value": {"image": None, "alt_text": "Alt"}}, (0, "image")),
        ({"type": "quote", "value": {"text": "", "style": "quote"}}, (0, "text")),
        (
            {"type": "indicator_table", "value": {"caption": "", "rows": [{"indicator": "I"}]}},
            (0, "caption"),
        ),
        (
            {"type": "initiatives", "value": {"items": [{"label": "", "text": "Text"}]}},
            (0, "items", 0, "label"),
        ),
        (
            {"type": "references", "value": {"items": [reference(title="")]}},
            (0, "items", 0, "title"),
        ),
    ],
)
def test_missing_required_field_is_invalid(raw_block, path):
    with pytest.raises(blocks.StreamBlockValidationError) as caught:
        clean([raw_block])
    assert path in error_paths(caught.value)


def test_image_needs_alt_text(image):
    raw = [{"type": "image", "value": {"image": image.pk, "alt_text": "", "caption": "C"}}]
    with pytest.raises(blocks.StreamBlockValidationError) as caught:
        clean(raw)
    assert error_paths(caught.value) == {(0, "alt_text")}


def test_indicator_row_needs_indicator_and_value():
    raw = [{"type": "indicator_table", "value": {"caption": "C", "rows": [{"note": "Only"}]}}]
    with pytest.raises(blocks.StreamBlockValidationError) as caught:
        clean(raw)
    assert error_paths(caught.value) == {(0, "rows", 0, "indicator"), (0, "rows", 0, "value")}


def test_body_is_required():
    with pytest.raises(blocks.StreamBlockValidationError):
        BODY_BLOCK.clean(BODY_BLOCK.to_python([]))


# Translation segments (wagtail-localize)


@pytest.fixture
def segments(article):
    """The body's segments as wagtail-localize extracts them from the saved article."""
    saved = ArticlePage.objects.get(pk=article.pk)
    return [segment for segment in extract_segments(saved) if segment.path.startswith("body.")]


def strings(segments):
    """The translatable strings, as wagtail-localize stores them (HTML for rich text)."""
    return [s.string.data for s in segments if isinstance(s, StringSegmentValue)]


def test_every_reader_visible_text_is_its_own_segment(segments):
    # Empty optional fields (the second row's note, the second reference's publisher)
    # give no segment.
    assert strings(segments) == [
        "Learning for everyone",
        "Evening classes",
        'Kaunas is a <b>UNESCO</b> <a id="a1">Learning City</a>.',
        "The town hall at dusk",
        "Town hall square",
        "The fair",
        "Learning never ends.",
        "The mayor",
        "Registration closes on Friday.",
        "What the city does",
        "Libraries",
        "Open late on weekdays.",
        "Schools",
        "Adult classes in the evening.",
        "Facts and figures 2024",
        "Learners",
        "12 000",
        "City survey",
        "Courses",
        "340",
        "Sources",
        "Learning Cities network",
        "UNESCO",
        "City annual report",
    ]


def field_of(segment):
    return segment.path.rsplit(".", 1)[-1]


def test_segments_name_the_field_they_come_from(segments):
    by_field = {}
    for segment in segments:
        if isinstance(segment, StringSegmentValue):
            by_field.setdefault(field_of(segment), []).append(segment.string.data)
    assert by_field["caption"] == ["Town hall square", "The fair", "Facts and figures 2024"]
    assert by_field["indicator"] == ["Learners", "Courses"]
    assert by_field["value"] == ["12 000", "340"]
    assert by_field["note"] == ["City survey"]
    assert by_field["title"] == ["Learning Cities network", "City annual report"]
    assert by_field["publisher"] == ["UNESCO"]
    assert by_field["label"] == ["Libraries", "Schools"]
    assert by_field["text"][-2:] == ["Open late on weekdays.", "Adult classes in the evening."]


REFERENCE_URL = "https://uil.unesco.org/lifelong-learning/learning-cities"
VIDEO_URL = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"


def test_reference_url_is_not_a_translatable_string(segments, image):
    """wagtail-localize treats a StreamField as translated *and* synchronised: its structure
    and non-text values are copied to every translation. A URLBlock (a reference's, a
    video's) is such a value: it is
    extracted as an "overridable" segment (shown to translators as a synchronised value they
    may override), never as a string to translate. The same goes for the image (its pk) and
    the href of a rich text link. Choices (heading level, quote style) and dates give no
    segment at all.
    """
    url_segments = [s for s in segments if field_of(s) == "url"]
    assert [(type(s), s.data) for s in url_segments] == [
        (OverridableSegmentValue, VIDEO_URL),
        (OverridableSegmentValue, REFERENCE_URL),
    ]
    overridables = [s.data for s in segments if isinstance(s, OverridableSegmentValue)]
    assert overridables == ["https://uil.unesco.org/", image.pk, VIDEO_URL, REFERENCE_URL]

    texts = strings(segments)
    assert not any("uil.unesco.org/lifelong" in t for t in texts)
    assert not set(texts) & {"h2", "h3", "quote", "callout", "2024-05-02"}


def test_translators_po_file_has_the_texts_but_not_the_reference_url(article):
    source, _created = TranslationSource.get_or_create_from_instance(article)
    msgids = [entry.msgid for entry in source.export_po()]
    assert {"Learning Cities network", "UNESCO", "Facts and figures 2024", "Libraries"} <= set(
        msgids
    )
    assert not any(REFERENCE_URL in msgid for msgid in msgids)


def test_list_items_are_stored_as_the_editor_stores_them(article_factory):
    """wagtail-localize extracts ListBlock items only in their block format (with an id)."""
    body = [
        {"type": "initiatives", "value": {"heading": "", "items": [{"label": "1", "text": "A"}]}}
    ]
    article = ArticlePage.objects.get(pk=article_factory("lt", body=body).pk)
    (item,) = article.body.raw_data[0]["value"]["items"]
    assert item["type"] == "item" and item["id"]
    assert strings(extract_segments(article))[-2:] == ["1", "A"]
