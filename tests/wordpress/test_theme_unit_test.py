"""WordPress's theme unit test export (no language data): odd titles, shortcodes, block
editor posts, a password, a schedule, nested pages, menus and comments."""

import datetime
import re

import pytest
from wagtail.models import PageViewRestriction

from home.models import ContentPage, HomePage
from news.models import ArticlePage, Topic, WordPressItem
from news.wordpress.reader import WXRReader
from news.wordpress.terms import TAXONOMIES

from .conftest import THEME_UNIT_TEST

pytestmark = pytest.mark.django_db


def bodies():
    for page in [*ArticlePage.objects.all(), *ContentPage.objects.all()]:
        yield page, page.body.raw_data


def test_every_post_and_page_is_imported_in_the_channels_language(theme_unit_test):
    assert "en article: 58 created" in theme_unit_test
    assert "en page: 21 created" in theme_unit_test
    assert set(ArticlePage.objects.values_list("locale__language_code", flat=True)) == {"en"}
    assert "Translation groups linked: none" in theme_unit_test


def test_menus_and_comments_are_skipped_and_reported(theme_unit_test):
    assert "menu items: 70" in theme_unit_test
    assert "comments (not imported): 33" in theme_unit_test


def test_nested_pages_keep_three_levels_and_percent_encoded_slugs_are_decoded(theme_unit_test):
    home = HomePage.objects.get(locale__language_code="en")
    assert max(ContentPage.objects.values_list("depth", flat=True)) == home.depth + 3
    greek = ContentPage.objects.get(slug="επίπεδο-3")
    assert greek.get_parent().slug == "επίπεδο-2"


def test_odd_titles_are_cleaned_and_an_empty_one_is_made_up(theme_unit_test):
    titles = set(ArticlePage.objects.values_list("title", flat=True))
    assert "Markup: Title With Markup" in titles
    assert "Markup: Title With Special Characters ~`!@#$%^&*()-_=+{}[]/\\;:'\"?,.>" in titles
    assert not [title for title in titles if re.search(r"<[a-z]", title)]
    assert "No title: item 1169 imported as 'Untitled (post 1169)'" in theme_unit_test
    assert ArticlePage.objects.filter(title="Untitled (post 1169)").exists()


def test_the_password_the_schedule_and_the_draft_are_kept(theme_unit_test):
    restriction = PageViewRestriction.objects.get(restriction_type=PageViewRestriction.PASSWORD)
    assert restriction.password == "enter"
    scheduled = ArticlePage.objects.get(title="Scheduled")
    assert not scheduled.live and scheduled.go_live_at.year == 2030
    draft = ArticlePage.objects.get(title="Draft")
    assert not draft.live and draft.slug == "draft"  # its post_name is empty
    assert draft.first_published_at is None


def test_no_shortcode_block_comment_or_script_is_left_in_any_body(theme_unit_test):
    for page, raw in bodies():
        text = str(list(raw))
        for leftover in ("[gallery", "[caption", "[audio", "<!-- wp:", "<script", "<iframe"):
            assert leftover not in text, (page.title, leftover)
    assert "Shortcodes removed: audio 1, gallery 12" in theme_unit_test


def test_block_editor_posts_become_structured_blocks(theme_unit_test):
    page = ArticlePage.objects.get(title="WP 6.1 Font size scale")
    assert [block.block_type for block in page.body] == [
        "paragraph",
        "heading",
        "heading",
        "heading",
        "heading",
        "paragraph",
    ]
    used = {block.block_type for page in ArticlePage.objects.all() for block in page.body}
    assert {"heading", "paragraph", "quote", "indicator_table"} <= used


def test_what_could_not_be_mapped_is_kept_as_rich_text_and_reported(theme_unit_test):
    line = next(line for line in theme_unit_test.splitlines() if line.startswith("Kept as"))
    assert "table" in line and "preformatted text" in line
    markup = ArticlePage.objects.get(title="Markup: HTML Tags and Formatting")
    assert "Definition List" in str(list(markup.body.raw_data))


def test_the_imported_site_answers_and_old_permalinks_redirect(theme_unit_test, client):
    for page in ArticlePage.objects.live().public()[:20]:
        assert client.get(page.url).status_code == 200, page.url
    response = client.get("/2013/01/11/markup-html-tags-and-formatting/")
    assert response.status_code == 301
    assert response["Location"] == "/en/news/markup-html-tags-and-formatting/"
    assert ArticlePage.objects.get(slug="markup-html-tags-and-formatting").first_published_at == (
        datetime.datetime(2013, 1, 12, 3, 22, 19, tzinfo=datetime.UTC)
    )


def test_categories_and_tags_are_topics_of_the_channels_language_on_their_articles(
    theme_unit_test,
):
    assert set(Topic.objects.values_list("locale__language_code", flat=True)) == {"en"}
    # Its 178 categories and tags (one category is declared twice, as a category and as a
    # term) and 4 tags its posts name without declaring them.
    assert Topic.objects.count() == 178 + 4
    assert not Topic.objects.exclude(origin__startswith="wordpress:").exists()
    pages = dict(WordPressItem.objects.filter(post_type="post").values_list("wp_id", "page_id"))
    reader = WXRReader(THEME_UNIT_TEST.resolve())
    checked = 0
    for item in reader.items():
        if item.wp_id in pages:
            page = ArticlePage.objects.get(pk=pages[item.wp_id])
            # Named as the channel declares them (a post may spell "Tags" as "tags").
            names = {
                name.casefold() for taxonomy, _slug, name in item.terms if taxonomy in TAXONOMIES
            }
            assert {topic.name.casefold() for topic in page.topics} == names, item.wp_id
            checked += bool(names)
    assert checked > 40
    # Its two authors, and a post whose creator is misspelt ("themereviewteam>").
    assert "Authors: en 3 created; bylines: 58" in theme_unit_test
