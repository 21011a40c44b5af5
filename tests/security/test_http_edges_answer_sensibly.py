"""The edges of HTTP answer sensibly: TRACE, OPTIONS, bad Host headers, refused `next` URLs,
page password guessing, and one problem+json contract for every error under /api/."""

import io
import json
import logging
from unittest import mock

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import PageViewRestriction

pytestmark = pytest.mark.django_db

LONG_HOST = "a" * 5000


@pytest.fixture
def site_content(tree, article_factory):
    return article_factory("lt", "Mokymosi miestas")


def _search_url():
    return reverse("search")


@pytest.mark.parametrize(
    "url", ["/lt/rss.xml", "/sitemap.xml", "/lt/paieska/?q=kaunas", "/api/v3/docs/", "/lt/"]
)
def test_trace_is_not_allowed(site_content, url):
    response = Client().generic("TRACE", url)

    assert response.status_code == 405
    assert "GET" in response["Allow"]
    assert b"Mokymosi" not in response.content


@pytest.mark.parametrize("url", ["/lt/", "/lt/rss.xml", "/sitemap.xml", "/api/v3/articles/"])
def test_options_has_no_body(site_content, url):
    response = Client().options(url)

    assert response.status_code < 500
    assert response.content == b""


def test_trace_under_the_api_is_a_problem(site_content):
    response = Client().generic("TRACE", "/api/v3/articles/")

    assert response.status_code == 405
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["status"] == 405


@pytest.fixture
def log_records():
    handler = next(h for h in logging.getLogger("django").handlers if h.get_name() == "stdout")
    stream = io.StringIO()
    previous = handler.setStream(stream)
    try:
        yield lambda: [json.loads(line) for line in stream.getvalue().splitlines() if line]
    finally:
        handler.setStream(previous)


@pytest.mark.parametrize("url", ["/lt/", "/api/v3/articles/"])
def test_a_huge_host_header_is_logged_once_as_a_warning(site_content, log_records, url):
    response = Client(raise_request_exception=False).get(url, HTTP_HOST=LONG_HOST)

    assert response.status_code == 400
    records = log_records()
    assert len(records) == 1, records
    (record,) = records
    assert record["level"] == "WARNING"
    assert record["logger"] == "django.security.DisallowedHost"
    assert len(json.dumps(record)) < 1000


def test_a_bad_host_under_the_api_is_a_problem(site_content):
    response = Client(raise_request_exception=False).get("/api/v3/articles/", HTTP_HOST=LONG_HOST)

    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["status"] == 400


@pytest.mark.parametrize("method", ["put", "patch", "delete"])
def test_a_csrf_refusal_under_the_api_is_a_problem(site_content, method, admin_client_logged_in):
    admin_client_logged_in.handler.enforce_csrf_checks = True

    response = getattr(admin_client_logged_in, method)("/api/v3/docs/")

    assert response.status_code in (403, 405)
    assert response["Content-Type"] == "application/problem+json"


def test_a_server_error_under_the_api_is_a_problem(site_content):
    client = Client(raise_request_exception=False)
    with mock.patch("news.api.content.PublicContent.q", side_effect=RuntimeError("boom")):
        response = client.get("/api/v3/articles/")

    assert response.status_code == 500
    assert response["Content-Type"] == "application/problem+json"
    assert b"boom" not in response.content


@pytest.mark.parametrize("value", ["1²", "①", "٣", "²"])
@pytest.mark.parametrize("name", ["limit", "offset"])
@pytest.mark.parametrize("endpoint", ["/api/v3/articles/", "/api/v3/pages/", "/api/v3/images/"])
def test_digits_that_int_does_not_read_are_a_client_error(site_content, endpoint, name, value):
    response = Client().get(endpoint, {name: value})

    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert "digits 0-9" in response.json()["detail"]


def test_a_nul_encoded_twice_in_a_route_is_not_found(site_content):
    response = Client().get("/api/v3/route/?html_path=%2500")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


@pytest.mark.parametrize("endpoint", ["/api/v3/pages/", "/api/v3/images/", "/api/v3/documents/"])
def test_a_200_word_search_is_bounded(site_content, endpoint):
    response = Client().get(endpoint, {"search": " ".join(["mokymosi"] * 200)})

    assert response.status_code == 200, response.content[:300]
    assert "items" in response.json()


def test_the_articles_search_is_bounded_by_its_schema(site_content):
    too_long = Client().get("/api/v3/articles/", {"search": " ".join(["mokymosi"] * 200)})
    most_words = Client().get("/api/v3/articles/", {"search": " ".join(["a"] * 100)})

    assert too_long.status_code == 422  # maxLength 200
    assert most_words.status_code == 200


# Page passwords

LIMIT = 3


@pytest.fixture
def restricted(site_content, settings):
    settings.PAGE_PASSWORD_FAILURE_LIMIT = LIMIT
    restriction = PageViewRestriction.objects.create(
        page=site_content, restriction_type=PageViewRestriction.PASSWORD, password="slaptas"
    )
    url = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, site_content.pk])
    return site_content, url


def _guess(client, url, password, return_url="/lt/"):
    return client.post(url, {"password": password, "return_url": return_url})


def test_page_passwords_cannot_be_guessed_without_limit(restricted):
    page, url = restricted
    client = Client()

    wrong = [_guess(client, url, "neteisingas").status_code for _ in range(LIMIT)]
    locked = _guess(client, url, "slaptas")

    assert wrong == [200] * LIMIT  # the form again
    assert locked.status_code == 429
    assert int(locked["Retry-After"]) > 0
    assert "no-store" in locked["Cache-Control"] or "no-cache" in locked["Cache-Control"]
    assert client.get(page.url).status_code == 200  # still asks for the password
    assert "password" in client.get(page.url).content.decode().lower()


def test_another_address_is_not_locked_out(restricted):
    _page, url = restricted
    for _ in range(LIMIT):
        _guess(Client(REMOTE_ADDR="10.0.0.1"), url, "neteisingas")

    response = _guess(Client(REMOTE_ADDR="10.0.0.2"), url, "slaptas")

    assert response.status_code == 302


def test_the_right_password_resets_the_count(restricted):
    _page, url = restricted
    client = Client()
    for _ in range(LIMIT - 1):
        _guess(client, url, "neteisingas")
    assert _guess(client, url, "slaptas").status_code == 302

    assert [_guess(client, url, "neteisingas").status_code for _ in range(LIMIT - 1)] == [200] * (
        LIMIT - 1
    )


def test_a_refused_return_url_falls_back_to_the_dashboard(restricted):
    _page, url = restricted

    response = _guess(Client(), url, "slaptas", return_url="https://evil.example/")

    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
