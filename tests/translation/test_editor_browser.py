"""The translation editor in Chromium, as a translator and an editor see it (issue 13, 8):
its labels, its image links and its rich text."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from playwright.sync_api import expect

from news.translation.roles import EDITORS, TRANSLATORS

from .helpers import ENGLISH, submit_for_translation, translate_in_editor, translation_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

RICH_SOURCE = 'Kaunas yra <b>UNESCO</b> <a id="a1">mokymosi miestas</a>.'


def log_in(browser_page, live_server, user):
    session = Client()
    session.force_login(user)
    cookie = session.cookies[settings.SESSION_COOKIE_NAME].value
    browser_page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
    )


@pytest.mark.parametrize("role, link_shown", [(EDITORS, True), (TRANSLATORS, False)])
def test_edit_this_image_only_for_who_may_edit_images(
    browser_page, live_server, article, newsroom, users, editor_client, role, link_shown
):
    submit_for_translation(editor_client, article, newsroom.en)
    draft = translation_of(article, newsroom.en).get_target_instance()
    log_in(browser_page, live_server, users[role])
    browser_page.goto(live_server.url + reverse("wagtailadmin_pages:edit", args=[draft.pk]))
    # The editor's script draws the segments; the table's cells carry their own labels.
    browser_page.get_by_text("Gyventojai", exact=True).wait_for()
    assert browser_page.get_by_text("Indicator", exact=True).count() == 2
    assert browser_page.get_by_text("Rows", exact=True).count() == 0
    browser_page.locator("img.show-transparency").first.wait_for()
    # The hero image's and the body's; the second may be drawn a moment after the first.
    edit_links = browser_page.get_by_role("link", name="Edit this image")
    expect(edit_links).to_have_count(2 if link_shown else 0)


def test_rich_text_segments_show_formatted_not_as_tags(
    browser_page, live_server, article, newsroom, users, editor_client, translator_client
):
    submit_for_translation(editor_client, article, newsroom.en)
    draft = translation_of(article, newsroom.en).get_target_instance()
    translate_in_editor(translator_client, draft, only=[RICH_SOURCE])
    log_in(browser_page, live_server, users[TRANSLATORS])
    browser_page.goto(live_server.url + reverse("wagtailadmin_pages:edit", args=[draft.pk]))
    segment = browser_page.locator("li[data-news-rich-text]")
    segment.locator("b", has_text="UNESCO").first.wait_for()
    source, translated = segment.locator("p").all()
    assert source.inner_text() == "Kaunas yra UNESCO mokymosi miestas."
    assert source.locator("u").inner_text() == "mokymosi miestas"  # the link's text
    assert translated.inner_text() == "Kaunas is a UNESCO learning city."
    assert translated.locator("b").inner_text() == "UNESCO"
    # Editing keeps the tags, which the translation must keep too.
    segment.get_by_role("button", name="Edit").click()
    assert segment.locator("textarea").input_value() == ENGLISH[RICH_SOURCE]
    # A plain text segment is left as it is.
    assert browser_page.get_by_text("Gyventojai", exact=True).count() == 1
