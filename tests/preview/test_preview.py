"""Draft preview in an external front-end: the editor's "Front-end" preview mode and the
API endpoint its token opens (news/preview/)."""

import time
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core import signing
from django.urls import reverse
from wagtail.test.utils.form_data import streamfield

from news.preview.tokens import make_token

from ..factories import article_form_data, create_article, paragraph_form_value, soup

FRONTEND = "https://naujienos.example.org/preview"
API = "/api/v3/preview/"


@pytest.fixture
def frontends(settings):
    settings.HEADLESS_PREVIEW_URLS = {"lt": FRONTEND, "en": "https://news.example.org/p?x=1"}


@pytest.fixture
def article(tree):
    article = create_article(tree.news_lt, "Paskelbta antraštė")
    article.save_revision().publish()
    article.title = "Juodraščio antraštė"
    article.save_revision()
    article.refresh_from_db()
    return article


def token_of(article):
    return make_token(article.pk, article.latest_revision_id)


def test_a_token_opens_that_revision_and_is_never_stored(client, article):
    response = client.get(API, {"content_type": "news.articlepage", "token": token_of(article)})

    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    body = response.json()
    assert body["id"] == article.pk and body["draft"] is True
    assert body["title"] == "Juodraščio antraštė"
    # The live article is unchanged for everyone else.
    live = client.get(f"/api/v3/articles/{article.pk}/").json()
    assert live["title"] == "Paskelbta antraštė"


def test_an_older_revision_token_shows_that_revision(client, article):
    first = article.revisions.order_by("pk").first()
    response = client.get(API, {"token": make_token(article.pk, first.pk)})
    assert response.json()["title"] == "Paskelbta antraštė"


@pytest.mark.parametrize("token", [None, "", "garbage", "eyJwYWdlIjoxfQ:abc:def"])
def test_no_valid_token_no_draft(client, article, token):
    query = {} if token is None else {"token": token}
    response = client.get(API, query)

    assert response.status_code == 401
    assert response["Content-Type"].startswith("application/problem+json")
    assert "token" in response.json()["detail"]
    assert "Juodraščio" not in response.content.decode()
    assert "no-store" in response["Cache-Control"]


def test_a_token_for_one_page_reveals_no_other(client, article, tree):
    other = create_article(tree.news_lt, "Kitas")
    other.title = "Kito juodraštis"
    other.save_revision()
    other.refresh_from_db()
    # This page's id with another page's revision: not found, nothing shown.
    crossed = client.get(API, {"token": make_token(article.pk, other.latest_revision_id)})
    assert crossed.status_code == 404 and "Kito" not in crossed.content.decode()
    # A token signed with another salt (another signer of this site) is not a token here.
    foreign = signing.TimestampSigner(salt="other").sign_object(
        {"page": other.pk, "revision": other.latest_revision_id}
    )
    assert client.get(API, {"token": foreign}).status_code == 401
    # Nor may a token name another content type.
    wrong_type = client.get(API, {"token": token_of(article), "content_type": "home.homepage"})
    assert wrong_type.status_code == 401


def test_an_expired_token_is_a_401_that_says_so(client, article, monkeypatch, settings):
    now = time.time()
    monkeypatch.setattr(signing.time, "time", lambda: now - settings.HEADLESS_PREVIEW_MAX_AGE - 5)
    token = token_of(article)
    monkeypatch.setattr(signing.time, "time", lambda: now)

    response = client.get(API, {"token": token})
    assert response.status_code == 401
    assert "expired" in response.json()["detail"]


def test_the_editor_opens_the_front_end_preview(client, django_user_model, article, frontends):
    client.force_login(django_user_model.objects.create_superuser("ed", "e@example.com", "pw"))
    assert "frontend" in [mode for mode, _label in article.preview_modes]
    preview = reverse("wagtailadmin_pages:preview_on_edit", args=[article.pk])
    data = article_form_data(
        "Neišsaugotas pakeitimas",
        article.slug,
        streamfield([("paragraph", paragraph_form_value("<p>Tekstas</p>"))]),
        publish=False,
    )
    assert client.post(preview, data).json()["is_valid"]

    response = client.get(preview, {"mode": "frontend"})
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    link = soup(response).select_one("a.frontend-preview-link")["href"]
    assert link.startswith(FRONTEND + "?")
    query = parse_qs(urlsplit(link).query)
    assert query["content_type"] == ["news.articlepage"]
    # The token opens the last saved revision (the unsaved form is not a revision).
    opened = client.get(API, {"token": query["token"][0]}).json()
    assert opened["title"] == "Juodraščio antraštė"


def test_no_front_end_mode_without_a_front_end_url(article, settings, tree):
    settings.HEADLESS_PREVIEW_URLS = {"lt": "", "en": "https://news.example.org/p"}
    assert "frontend" not in [mode for mode, _label in article.preview_modes]
    english = create_article(tree.news_en, "English")
    assert "frontend" in [mode for mode, _label in english.preview_modes]
