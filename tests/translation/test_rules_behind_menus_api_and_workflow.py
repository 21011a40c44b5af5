"""The page rules seen from the menus, the API's translation publishing and the workflow.

The menus offer only what the role may do (Move, Copy, Delete and Unpublish are not shown to
Translators); the API publishes a translation from its segments, never a sync's draft; and
Moderators publish a Lithuanian draft only while it awaits their approval.
"""

import json

import pytest
from django.urls import reverse
from wagtail.models import APIToken, TaskState

from news.models import ArticlePage
from news.translation.roles import EDITORS, MODERATORS, TRANSLATORS
from tests.page_form import page_form_data

from .helpers import (
    database_state,
    editor_props,
    plain,
    public_text,
    put_translation,
    sync_translations,
)


def _action_urls(page):
    return {
        "move": reverse("wagtailadmin_pages:move", args=[page.pk]),
        "copy": reverse("wagtailadmin_pages:copy", args=[page.pk]),
        "delete": reverse("wagtailadmin_pages:delete", args=[page.pk]),
        "unpublish": reverse("wagtailadmin_pages:unpublish", args=[page.pk]),
    }


OFFERED = {
    EDITORS: {"move", "copy", "delete", "unpublish"},
    TRANSLATORS: set(),
    MODERATORS: set(),
}


@pytest.mark.parametrize("role", list(OFFERED))
def test_the_page_listing_offers_only_what_the_role_may_do(
    role, english_article, newsroom, role_clients
):
    response = role_clients[role].get(reverse("wagtailadmin_explore", args=[newsroom.news_en.pk]))

    assert response.status_code == 200
    content = response.content.decode()
    offered = {name for name, url in _action_urls(english_article).items() if url in content}
    assert offered == OFFERED[role]


@pytest.mark.parametrize("role", [EDITORS, TRANSLATORS])
def test_the_translation_editor_offers_only_what_the_role_may_do(
    role, english_article, role_clients
):
    perms = editor_props(role_clients[role], english_article)["perms"]

    may = role == EDITORS
    assert (perms["canUnpublish"], perms["canDelete"]) == (may, may)
    assert perms["canPublish"]  # both publish a complete translation


def _token(user):
    return f"Bearer {APIToken.create_token(user=user, name='t')[1]}"


def _publish_source_change(article, value="300 100"):
    article = ArticlePage.objects.get(pk=article.pk)
    article.body[5].value["rows"][0]["value"] = value
    article.save_revision().publish()


def test_the_api_publishes_a_translation_from_its_segments_not_a_synced_draft(
    article,
    english_article,
    newsroom,
    users,
    editor_client,
    translator_client,
    client,
    django_capture_on_commit_callbacks,
):
    _publish_source_change(article)
    sync_translations(editor_client, article)  # a draft with "300 100" in Lithuanian
    url = f"/api/v3/pages/{english_article.pk}/actions/publish/"
    headers = {"HTTP_AUTHORIZATION": _token(users[TRANSLATORS])}
    before = database_state()

    refused = client.post(url, "{}", content_type="application/json", **headers)

    assert refused.status_code == 403
    assert "untranslated" in refused.json()["detail"]
    assert database_state() == before
    # The translator translates the new value in the editor, then publishes through the API.
    segment = next(
        s
        for s in editor_props(translator_client, english_article)["segments"]
        if s.get("source") == "300 100"
    )
    assert put_translation(translator_client, segment["editUrl"], "300,100").status_code in (
        200,
        201,
    )
    with django_capture_on_commit_callbacks(execute=True):
        published = client.post(url, "{}", content_type="application/json", **headers)

    assert published.status_code == 200, published.content
    text = public_text(client, ArticlePage.objects.get(pk=english_article.pk))
    assert plain("300,100") in text and plain("300 100") not in text


def test_an_api_edit_of_a_translation_may_not_publish_it(english_article, users, client):
    before = database_state()

    response = client.patch(
        f"/api/v3/pages/{english_article.pk}/",
        json.dumps({"meta": {"action": "publish"}, "title": "Typed over"}),
        content_type="application/json",
        HTTP_AUTHORIZATION=_token(users[EDITORS]),
    )

    assert response.status_code == 403, response.content
    assert database_state() == before


@pytest.fixture
def awaiting_approval(article, editor_client):
    """An editor submits a change of the article to the Moderators' workflow."""
    data = page_form_data(article, action="action-submit", lead="Įžanga moderatoriams.")
    response = editor_client.post(reverse("wagtailadmin_pages:edit", args=[article.pk]), data)
    assert response.status_code == 302
    assert TaskState.objects.filter(status=TaskState.STATUS_IN_PROGRESS).exists()
    return ArticlePage.objects.get(pk=article.pk)


def test_moderators_publish_a_draft_that_awaits_their_approval_through_the_api(
    awaiting_approval, users, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/api/v3/pages/{awaiting_approval.pk}/actions/publish/",
            "{}",
            content_type="application/json",
            HTTP_AUTHORIZATION=_token(users[MODERATORS]),
        )

    assert response.status_code == 200, response.content
    assert ArticlePage.objects.get(pk=awaiting_approval.pk).lead == "Įžanga moderatoriams."


def test_moderators_publish_a_draft_that_awaits_their_approval_in_bulk(
    awaiting_approval, moderator_client, django_capture_on_commit_callbacks
):
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    with django_capture_on_commit_callbacks(execute=True):
        response = moderator_client.post(f"{url}?id={awaiting_approval.pk}", {})

    assert response.status_code == 302
    assert ArticlePage.objects.get(pk=awaiting_approval.pk).lead == "Įžanga moderatoriams."


def test_translators_do_not_publish_lithuanian_drafts_even_under_review(
    awaiting_approval, users, client
):
    before = database_state()

    response = client.post(
        f"/api/v3/pages/{awaiting_approval.pk}/actions/publish/",
        "{}",
        content_type="application/json",
        HTTP_AUTHORIZATION=_token(users[TRANSLATORS]),
    )

    assert response.status_code == 403
    assert database_state() == before
