"""Every door keeps the rules: role × action × door.

Roles: anonymous, Editors, Translators, Moderators, a superuser. Actions: delete, publish,
unpublish, move, copy, publish an incomplete translation, see drafts. Doors: the admin's own
view, its bulk action, the API v3 write (or draft-reading) endpoint with the role's bearer
token. Every rule comes from one place, the page models' permission tester
(``news.translation.permissions``); a refused action must leave the database as it was.

Management commands are no door here: the ones that change pages (Wagtail's ``move_pages``,
``publish_scheduled``, ``fixtree``; ``load_demo``, ``generate_articles``, ``restore_site``) run
as the operator on the server, with no user and so no role.
"""

import json

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import APIToken, Page
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringTranslation

from news.models import ArticlePage
from news.translation.roles import EDITORS, MODERATORS, TRANSLATORS
from tests.page_form import page_form_data

from .helpers import database_state, translation_of

ANONYMOUS = "anonymous"
SUPERUSER = "superuser"
ROLES = [ANONYMOUS, EDITORS, TRANSLATORS, MODERATORS, SUPERUSER]
DRAFT_TITLE = "Juodraščio antraštė"


@pytest.fixture
def superuser(db, django_user_model):
    user = django_user_model.objects.create_superuser("root", "root@example.com", "pw")
    UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": "en"})
    return user


@pytest.fixture
def doors(users, superuser):
    """Per role: an admin client (session) and the API's Authorization header (token)."""
    people = {**users, SUPERUSER: superuser}
    result = {ANONYMOUS: (Client(), {})}
    for role, user in people.items():
        client = Client()
        client.force_login(user)
        _token, plaintext = APIToken.create_token(user=user, name=f"{role} token")
        result[role] = (client, {"HTTP_AUTHORIZATION": f"Bearer {plaintext}"})
    return result


@pytest.fixture
def ctx(article, english_article, newsroom):
    """A Lithuanian article with a draft, its English translation, and the other indexes."""
    source = ArticlePage.objects.get(pk=article.pk)
    source.title = DRAFT_TITLE
    source.save_revision()
    return {
        "source": ArticlePage.objects.get(pk=article.pk),
        "english": ArticlePage.objects.get(pk=english_article.pk),
        "translation": translation_of(article, newsroom.en),
        "news_en": newsroom.news_en,
        "events_en": newsroom.events_en,
    }


def make_incomplete(ctx):
    """A segment of the English translation loses its translation (as after a sync)."""
    StringTranslation.objects.filter(locale=ctx["translation"].target_locale).order_by(
        "pk"
    ).first().delete()


def _bulk(client, action, page, data=None):
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", action])
    return client.post(f"{url}?id={page.pk}", data or {})


def _api_post(client, headers, url, data=None):
    return client.post(url, json.dumps(data or {}), content_type="application/json", **headers)


def _page(ctx, name):
    return Page.objects.filter(pk=ctx[name].pk).first()


# action: how each door performs it, and what it changes when allowed.
ACTIONS = {
    "delete": {
        "admin": lambda c, h, x: c.post(
            reverse("wagtailadmin_pages:delete", args=[x["english"].pk])
        ),
        "bulk": lambda c, h, x: _bulk(c, "delete", x["english"]),
        "api": lambda c, h, x: c.delete(f"/api/v3/pages/{x['english'].pk}/", **h),
        "done": lambda x: _page(x, "english") is None,
    },
    "publish": {
        "admin": lambda c, h, x: c.post(
            reverse("wagtailadmin_pages:edit", args=[x["source"].pk]),
            page_form_data(x["source"], title=DRAFT_TITLE),
        ),
        "bulk": lambda c, h, x: _bulk(c, "publish", x["source"]),
        "api": lambda c, h, x: _api_post(c, h, f"/api/v3/pages/{x['source'].pk}/actions/publish/"),
        "done": lambda x: _page(x, "source").title == DRAFT_TITLE,
    },
    "unpublish": {
        "admin": lambda c, h, x: c.post(
            reverse("wagtailadmin_pages:unpublish", args=[x["english"].pk])
        ),
        "bulk": lambda c, h, x: _bulk(c, "unpublish", x["english"]),
        "api": lambda c, h, x: _api_post(
            c, h, f"/api/v3/pages/{x['english'].pk}/actions/unpublish/"
        ),
        "done": lambda x: not _page(x, "english").live,
    },
    "move": {
        "admin": lambda c, h, x: c.post(
            reverse("wagtailadmin_pages:move_confirm", args=[x["english"].pk, x["events_en"].pk])
        ),
        "bulk": lambda c, h, x: _bulk(c, "move", x["english"], {"chooser": x["events_en"].pk}),
        "api": lambda c, h, x: _api_post(
            c,
            h,
            f"/api/v3/pages/{x['english'].pk}/actions/move/",
            # Without a position Wagtail moves it beside the destination, not into it.
            {"destination_id": x["events_en"].pk, "position": "last-child"},
        ),
        "done": lambda x: _page(x, "english").get_parent().pk == x["events_en"].pk,
    },
    "copy": {
        "admin": lambda c, h, x: c.post(
            reverse("wagtailadmin_pages:copy", args=[x["english"].pk]),
            {"new_title": "Copy", "new_slug": "copy", "new_parent_page": x["news_en"].pk},
        ),
        # Wagtail has no bulk copy.
        "api": lambda c, h, x: _api_post(
            c,
            h,
            f"/api/v3/pages/{x['english'].pk}/actions/copy/",
            {"destination_id": x["news_en"].pk, "slug": "copy", "title": "Copy"},
        ),
        "done": lambda x: Page.objects.filter(slug="copy").exists(),
    },
    "publish incomplete translation": {
        "setup": make_incomplete,
        "admin": lambda c, h, x: c.post(
            reverse("news_publish_incomplete_translation", args=[x["translation"].pk])
        ),
        "bulk": lambda c, h, x: _bulk(c, "publish", x["english"]),
        "api": lambda c, h, x: _api_post(c, h, f"/api/v3/pages/{x['english'].pk}/actions/publish/"),
        "done": lambda x: (
            ArticlePage.objects.get(pk=x["english"].pk).live_revision_id
            != x["english"].live_revision_id
        ),
    },
    "see drafts": {
        "admin": lambda c, h, x: c.get(
            reverse("wagtailadmin_pages:view_draft", args=[x["source"].pk])
        ),
        "api": lambda c, h, x: c.get(
            f"/api/v3/articles/{x['source'].pk}/", {"version": "draft"}, **h
        ),
        "done": None,  # answers 200 with the draft's title
    },
}
EDITORIAL = {EDITORS, SUPERUSER}
ALLOWED = {
    "delete": EDITORIAL,
    "publish": EDITORIAL,  # Moderators: only while it awaits their approval (below)
    "unpublish": EDITORIAL,
    "move": EDITORIAL,
    "copy": EDITORIAL,
    "publish incomplete translation": EDITORIAL,
    "see drafts": {EDITORS, MODERATORS, SUPERUSER},
}
# Doors with a rule of their own: a bulk publish never publishes a translation (its latest
# revision may be a sync's draft with source text); translations publish from their editor.
DOOR_REFUSES = {("publish incomplete translation", "bulk")}

MATRIX = [
    (role, action, door)
    for action, doors_of in ACTIONS.items()
    for door in ("admin", "bulk", "api")
    if door in doors_of
    for role in ROLES
]


def _allowed(role, action, door):
    return role in ALLOWED[action] and (action, door) not in DOOR_REFUSES


def _assert_refused(role, door, response):
    if door == "api":
        assert response.status_code == (401 if role == ANONYMOUS else 403), response.content
        assert response["Content-Type"] == "application/problem+json"
    elif role == ANONYMOUS:
        assert response.status_code == 302
        assert reverse("wagtailadmin_login") in response.url
    elif door == "bulk":
        # The bulk action leaves out what the user may not do, and says so on its way back.
        assert response.status_code in (302, 403), response.status_code
    else:
        assert response.status_code in (302, 403), response.status_code
        if response.status_code == 302:
            assert response.url == reverse("wagtailadmin_home")


@pytest.mark.parametrize(
    ("role", "action", "door"), MATRIX, ids=[f"{a}-{d}-{r}" for r, a, d in MATRIX]
)
def test_every_door_keeps_the_rule(
    role, action, door, ctx, doors, django_capture_on_commit_callbacks
):
    spec = ACTIONS[action]
    if "setup" in spec:
        spec["setup"](ctx)
    client, headers = doors[role]
    before = database_state()

    with django_capture_on_commit_callbacks(execute=True):
        response = spec[door](client, headers, ctx)

    if _allowed(role, action, door):
        assert response.status_code in (200, 201, 204, 302), response.content[:500]
        if spec["done"] is None and door == "api":
            assert response.json()["title"] == DRAFT_TITLE
        elif spec["done"] is None:
            assert DRAFT_TITLE in response.content.decode()
        else:
            assert spec["done"](ctx), f"{role} could not {action} through {door}"
    else:
        _assert_refused(role, door, response)
        assert database_state() == before, f"{role}: {action} through {door} changed something"
