"""Translators see no Lithuanian draft: not in the page chooser, its search, the explorer's
search, nor the Translations report (HTML and CSV). Editors and Moderators see them all."""

import json

import pytest
from django.urls import reverse

from news.models import ArticlePage
from news.translation.roles import EDITORS, MODERATORS, TRANSLATORS

from .helpers import article_body, body_value

NEVER_PUBLISHED = "Slaptas juodraštis"
DRAFT_CHANGE = "Dar neskelbta antraštė"


@pytest.fixture
def drafts(article, english_article, newsroom, image):
    never = newsroom.news_lt.add_child(
        instance=ArticlePage(
            title=NEVER_PUBLISHED,
            slug="slaptas",
            locale_id=newsroom.news_lt.locale_id,
            lead="Įžanga.",
            body=body_value(article_body(image)),
            live=False,
        )
    )
    never.save_revision()
    changed = ArticlePage.objects.get(pk=article.pk)
    changed.title = DRAFT_CHANGE
    changed.save_revision()
    return {"never": never, "changed": changed}


def _pages(client, newsroom):
    return {
        "chooser": client.get(
            reverse("wagtailadmin_choose_page_child", args=[newsroom.news_lt.pk])
        ),
        "chooser search": client.get(
            reverse("wagtailadmin_choose_page_search"), {"q": "juodraštis"}
        ),
        "chooser search 2": client.get(
            reverse("wagtailadmin_choose_page_search"), {"q": "neskelbta"}
        ),
        "explorer search": client.get(
            reverse("wagtailadmin_explore", args=[newsroom.news_lt.pk]), {"q": "juodraštis"}
        ),
        "page search": client.get(reverse("wagtailadmin_pages:search"), {"q": "juodraštis"}),
        "report": client.get(reverse("news_translations_report")),
        "report CSV": client.get(reverse("news_translations_report"), {"export": "csv"}),
    }


def _text(response):
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    if "json" in response.get("Content-Type", ""):  # the chooser's modal: HTML inside JSON
        return json.dumps(response.json(), ensure_ascii=False)
    return response.content.decode()


@pytest.mark.parametrize("role", [EDITORS, TRANSLATORS, MODERATORS])
def test_lithuanian_drafts_are_shown_only_to_who_may_see_them(role, drafts, newsroom, role_clients):
    seen = {}
    for door, response in _pages(role_clients[role], newsroom).items():
        text = _text(response)
        if response.status_code == 200:
            seen[door] = NEVER_PUBLISHED in text or DRAFT_CHANGE in text
        else:  # a door closed to the role shows nothing either
            assert response.status_code in (302, 403), (door, response.status_code)
            seen[door] = False

    if role == TRANSLATORS:
        assert not any(seen.values()), seen
    else:
        assert seen["chooser"] and seen["chooser search"], seen
