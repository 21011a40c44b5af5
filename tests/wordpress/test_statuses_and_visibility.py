"""Drafts stay drafts, scheduled posts stay scheduled, private posts are never shown to
anonymous readers, password-protected posts keep their password."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import PageViewRestriction

from news.models import ArticlePage

pytestmark = pytest.mark.django_db

PRIVATE_TITLE = "Vidinė informacija darbuotojams"
PRIVATE_URL = "/lt/naujienos/vidine-informacija/"


def test_a_draft_stays_a_draft(kaunas, client):
    draft = ArticlePage.objects.get(slug="juodrastis-naujas-parkas-prie-nemuno")
    assert not draft.live and draft.first_published_at is None
    assert draft.latest_revision is not None
    assert client.get("/lt/naujienos/juodrastis-naujas-parkas-prie-nemuno/").status_code == 404


def test_a_scheduled_post_stays_scheduled(kaunas):
    scheduled = ArticlePage.objects.get(slug="kauno-dziazas-2030")
    go_live = datetime.datetime(2030, 6, 1, 6, 0, tzinfo=datetime.UTC)
    assert not scheduled.live
    assert scheduled.go_live_at == go_live
    assert scheduled.latest_revision.approved_go_live_at == go_live
    assert "articles scheduled: 1" in kaunas


def test_a_private_post_is_restricted_to_logged_in_users(kaunas, client):
    private = ArticlePage.objects.get(slug="vidine-informacija")
    restriction = PageViewRestriction.objects.get(page=private)
    assert restriction.restriction_type == PageViewRestriction.LOGIN
    anonymous = client.get(PRIVATE_URL)
    assert anonymous.status_code == 302 and "login" in anonymous["Location"]
    client.force_login(get_user_model().objects.create_user("editor", password="x"))
    assert PRIVATE_TITLE in client.get(PRIVATE_URL).content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "/lt/",
        "/lt/naujienos/",
        "/lt/rss.xml",
        "/sitemap.xml",
        "/api/v3/articles/?locale=lt",
        "/lt/paieska/?q=Slaptažodžiai",
        "/lt/paieska/?q=Vidinė",
        "/lt/paieska/?q=klubo",
    ],
)
def test_private_and_password_protected_posts_are_in_no_listing_feed_api_or_search(
    kaunas, client, url
):
    response = client.get(url)
    assert response.status_code == 200
    body = response.content.decode()
    assert "vidine-informacija" not in body and PRIVATE_TITLE not in body
    assert "tik-nariams" not in body


def test_listings_show_the_public_imported_articles(kaunas, client):
    assert "Senamiesčio šventė" in client.get("/lt/naujienos/").content.decode()
    assert "senamiescio-svente" in client.get("/sitemap.xml").content.decode()
    assert "Senamiesčio šventė" in client.get("/lt/paieska/?q=Senamiesčio").content.decode()
    assert "senamiescio-svente" in client.get("/api/v3/articles/?locale=lt").content.decode()


def test_a_password_protected_post_keeps_its_password(kaunas, client):
    protected = ArticlePage.objects.get(slug="tik-nariams")
    restriction = PageViewRestriction.objects.get(page=protected)
    assert restriction.restriction_type == PageViewRestriction.PASSWORD
    assert restriction.password == "kaunas"
    response = client.get("/lt/naujienos/tik-nariams/")
    assert "Klubo narių susitikimas" not in response.content.decode()
    assert 'type="password"' in response.content.decode()
