"""Drafts and writes need a bearer token (wagtailcore.APIToken) and Wagtail permissions."""

import pytest

from .builders import make_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(api_site):
    return make_article(api_site.news_lt, "Juodraštis", slug="juodrastis", live=False)


def test_a_draft_needs_a_token(client, draft):
    response = client.get(f"/api/v3/articles/{draft.pk}/", {"version": "draft"})

    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"


def test_an_invalid_token_is_anonymous(client, draft):
    response = client.get(
        f"/api/v3/articles/{draft.pk}/",
        {"version": "draft"},
        HTTP_AUTHORIZATION="Bearer not-a-token",
    )

    assert response.status_code == 401


def test_a_token_without_permission_is_refused(client, draft, api_reader, api_token):
    response = client.get(
        f"/api/v3/articles/{draft.pk}/",
        {"version": "draft"},
        HTTP_AUTHORIZATION=api_token(api_reader),
    )

    assert response.status_code == 403


@pytest.mark.parametrize("user", ["api_editor", "api_moderator"])
def test_editors_read_the_latest_draft(client, api_site, api_token, request, user):
    article = make_article(api_site.news_lt, "Viešas", slug="viesas")
    article.title = "Taisoma antraštė"
    article.save_revision()
    headers = {"HTTP_AUTHORIZATION": api_token(request.getfixturevalue(user))}

    draft = client.get(f"/api/v3/articles/{article.pk}/", {"version": "draft"}, **headers)
    live = client.get(f"/api/v3/articles/{article.pk}/", **headers)

    assert draft.status_code == 200
    assert (draft.json()["title"], draft.json()["draft"]) == ("Taisoma antraštė", True)
    assert draft["Cache-Control"] == "private, no-store"
    assert (live.json()["title"], live.json()["draft"]) == ("Viešas", False)
    assert "private" in live["Cache-Control"]


def test_a_never_published_draft_for_an_editor(client, draft, api_editor, api_token):
    response = client.get(
        f"/api/v3/articles/{draft.pk}/",
        {"version": "draft"},
        HTTP_AUTHORIZATION=api_token(api_editor),
    )

    assert response.status_code == 200
    assert response.json()["title"] == "Juodraštis"
    # Without version=draft even an editor reads live content only.
    assert (
        client.get(
            f"/api/v3/articles/{draft.pk}/", HTTP_AUTHORIZATION=api_token(api_editor)
        ).status_code
        == 404
    )


def test_writing_needs_a_token(client, api_articles):
    article = api_articles["lt_old"]

    response = client.patch(
        f"/api/v3/pages/{article.pk}/",
        {"title": "Pakeista"},
        content_type="application/json",
    )

    assert response.status_code == 401
    article.refresh_from_db()
    assert article.title == "Senas"


def test_writing_needs_the_permission(client, api_articles, api_reader, api_token):
    article = api_articles["lt_old"]

    response = client.patch(
        f"/api/v3/pages/{article.pk}/",
        {"title": "Pakeista"},
        content_type="application/json",
        HTTP_AUTHORIZATION=api_token(api_reader),
    )

    assert response.status_code == 403
    article.refresh_from_db()
    assert article.title == "Senas"


def test_an_editor_saves_a_draft_a_moderator_publishes_it(
    client, api_articles, api_editor, api_moderator, api_token
):
    article = api_articles["lt_old"]
    url = f"/api/v3/pages/{article.pk}/"

    saved = client.patch(
        url,
        {"title": "Nauja antraštė"},
        content_type="application/json",
        HTTP_AUTHORIZATION=api_token(api_editor),
    )
    public_after_save = client.get(f"/api/v3/articles/{article.pk}/").json()
    published = client.post(
        f"/api/v3/pages/{article.pk}/actions/publish/",
        content_type="application/json",
        HTTP_AUTHORIZATION=api_token(api_moderator),
    )
    public_after_publish = client.get(f"/api/v3/articles/{article.pk}/").json()

    assert saved.status_code == 200, saved.content
    assert public_after_save["title"] == "Senas"
    assert published.status_code == 200, published.content
    assert public_after_publish["title"] == "Nauja antraštė"


def test_an_editor_may_not_publish(client, api_articles, api_editor, api_token):
    article = api_articles["lt_old"]

    response = client.post(
        f"/api/v3/pages/{article.pk}/actions/publish/",
        content_type="application/json",
        HTTP_AUTHORIZATION=api_token(api_editor),
    )

    assert response.status_code == 403
    assert client.get(f"/api/v3/articles/{article.pk}/").json()["title"] == "Senas"
