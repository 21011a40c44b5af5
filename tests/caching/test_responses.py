"""Anonymous responses kept whole until the content changes (news/caching/responses.py)."""

import datetime

import pytest
from django.db import connection, transaction
from django.http import HttpResponse
from django.test.utils import CaptureQueriesContext
from django.utils.cache import patch_cache_control
from wagtail.models import PageViewRestriction

from news.caching.responses import lifetime
from news.caching.versions import listing_version

from ..factories import card_titles, create_article, soup, translate

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _responses_kept(settings):
    settings.NEWS_RESPONSE_CACHE = True


@pytest.fixture
def article(tree):
    create_article(tree.news_lt, "Senesnis", date=datetime.date(2024, 1, 1))
    return create_article(tree.news_lt, "Kauno mokyklos", date=datetime.date(2024, 1, 2))


def title(response):
    return soup(response).h1.get_text(strip=True)


def test_a_public_page_is_rendered_once(client, article, django_assert_num_queries):
    first = client.get(article.url)
    with django_assert_num_queries(0):
        again = client.get(article.url)
    assert again.status_code == 200
    assert again.content == first.content
    assert again["Cache-Control"] == first["Cache-Control"]
    assert again["Content-Language"] == "lt"
    assert int(again["Age"]) >= 0


@pytest.mark.parametrize("path", ["/lt/", "/lt/naujienos/", "/lt/rss.xml", "/sitemap.xml"])
def test_listings_feeds_and_the_sitemap_are_kept(client, article, path, django_assert_num_queries):
    first = client.get(path)
    assert first.status_code == 200
    with django_assert_num_queries(0):
        assert client.get(path).content == first.content


def test_a_publish_is_served_at_once(client, tree, article):
    client.get(article.url)
    client.get("/lt/")
    article.title = "Kauno mokyklos atnaujintos"
    article.save_revision().publish()
    assert title(client.get(article.url)) == "Kauno mokyklos atnaujintos"
    assert card_titles(client.get("/lt/"))[0] == "Kauno mokyklos atnaujintos"


def test_a_new_translation_is_in_the_language_switcher_at_once(client, tree, article):
    def english_link(response):
        return soup(response).select_one('head link[rel="alternate"][hreflang="en"]')

    assert english_link(client.get(article.url)) is None
    english = translate(article, tree.en, title="Kaunas schools", slug="kaunas-schools")
    assert english_link(client.get(article.url))["href"].endswith(english.url)


def test_an_unpublished_page_is_gone_at_once(client, article):
    assert client.get(article.url).status_code == 200
    article.unpublish()
    assert client.get(article.url).status_code == 404


def test_a_response_rendered_before_a_commit_is_not_served_after_it(
    client, article, django_capture_on_commit_callbacks
):
    """A reader's request renders the old data while the editor's transaction is open."""
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        article.title = "Naujas pavadinimas"
        article.save_revision().publish()
        # The request between the publish and its commit: kept under the version of now.
        version_in_transaction = listing_version()
        client.get(article.url)
    assert listing_version() != version_in_transaction
    assert title(client.get(article.url)) == "Naujas pavadinimas"


def test_query_strings_are_kept_apart(client, tree, dated_articles):
    dated_articles("lt", 12)
    first, second = client.get("/lt/naujienos/"), client.get("/lt/naujienos/?page=2")
    assert card_titles(first) != card_titles(second)
    assert card_titles(client.get("/lt/naujienos/?page=2")) == card_titles(second)
    assert client.get("/lt/naujienos/?page=9").status_code == 404


def test_editors_are_never_served_a_kept_response(client, article, django_user_model):
    client.get(article.url)  # kept for readers
    editor = django_user_model.objects.create_superuser("editor", "e@example.com", "pw")
    client.force_login(editor)
    response = client.get(article.url)
    assert "private" in response["Cache-Control"]
    assert b"userbar" in response.content
    client.logout()
    assert "public" in client.get(article.url)["Cache-Control"]


@pytest.mark.parametrize(
    "request_of",
    [
        pytest.param(lambda article: (article.url, {}), id="password-protected"),
        pytest.param(lambda article: ("/lt/naujienos/nera-tokio/", {}), id="not found"),
        pytest.param(
            lambda article: (f"/api/v3/articles/{article.pk}/", {"HTTP_AUTHORIZATION": "Bearer x"}),
            id="credentials",
        ),
    ],
)
def test_what_a_shared_cache_may_not_keep_is_rendered_every_time(client, article, request_of):
    PageViewRestriction.objects.create(
        page=article, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    url, headers = request_of(article)
    client.get(url, **headers)
    with CaptureQueriesContext(connection) as captured:
        client.get(url, **headers)
    assert len(captured) > 0


def test_api_answers_keep_their_validators_and_vary(client, article, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://front.example.lt", "https://kita.example.lt"]
    url = f"/api/v3/articles/{article.pk}/"
    first = client.get(url, HTTP_ORIGIN="https://front.example.lt")
    assert first["Access-Control-Allow-Origin"] == "https://front.example.lt"
    other = client.get(url, HTTP_ORIGIN="https://kita.example.lt")
    assert other["Access-Control-Allow-Origin"] == "https://kita.example.lt"
    again = client.get(url, HTTP_ORIGIN="https://front.example.lt")
    assert again["Access-Control-Allow-Origin"] == "https://front.example.lt"
    assert again["ETag"] == first["ETag"]
    unchanged = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert unchanged.status_code == 304


def test_turned_off_every_request_renders(client, article, settings, django_assert_max_num_queries):
    settings.NEWS_RESPONSE_CACHE = False
    client.get(article.url)
    with django_assert_max_num_queries(20) as captured:
        client.get(article.url)
    assert len(captured) > 0


def response_with(cache_control, status=200):
    response = HttpResponse("x", status=status)
    patch_cache_control(response, **cache_control)
    return response


@pytest.mark.parametrize(
    ("cache_control", "status", "seconds"),
    [
        ({"public": True, "max_age": 60, "s_maxage": 86400}, 200, 86400),
        ({"public": True, "max_age": 60}, 200, 60),
        ({"private": True, "max_age": 60}, 200, 0),
        ({"public": True, "no_store": True}, 200, 0),
        ({"max_age": 60}, 200, 0),
        ({"public": True, "max_age": 60}, 404, 0),
    ],
)
def test_kept_no_longer_than_an_edge_cache_may_keep_it(cache_control, status, seconds):
    assert lifetime(response_with(cache_control, status)) == seconds


def test_a_response_that_sets_a_cookie_is_not_kept():
    response = response_with({"public": True, "max_age": 60})
    response.set_cookie("x", "y")
    assert lifetime(response) == 0
