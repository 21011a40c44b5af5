"""The translation editor in Chromium, as a translator and an editor see it (issue 13, 8)."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from news.translation.roles import EDITORS, TRANSLATORS

from .helpers import submit_for_translation, translation_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("role, link_shown", [(EDITORS, True), (TRANSLATORS, False)])
def test_edit_this_image_only_for_who_may_edit_images(
    browser_page, live_server, article, newsroom, users, editor_client, role, link_shown
):
    submit_for_translation(editor_client, article, newsroom.en)
    draft = translation_of(article, newsroom.en).get_target_instance()
    session = Client()
    session.force_login(users[role])
    browser_page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": session.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    browser_page.goto(live_server.url + reverse("wagtailadmin_pages:edit", args=[draft.pk]))
    # The editor's script draws the segments; the table's cells carry their own labels.
    browser_page.get_by_text("Gyventojai", exact=True).wait_for()
    assert browser_page.get_by_text("Indicator", exact=True).count() == 2
    assert browser_page.get_by_text("Rows", exact=True).count() == 0
    browser_page.locator("img.show-transparency").first.wait_for()
    edit_links = browser_page.get_by_role("link", name="Edit this image")
    assert edit_links.count() == (2 if link_shown else 0)  # the hero image and the body's
