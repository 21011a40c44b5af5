"""Malformed requests answer 4xx with a JSON (RFC 7807) body, never 500 nor an HTML page."""

import pytest

from .builders import make_article

pytestmark = pytest.mark.django_db

HUGE = "99999999999999999999"

MALFORMED = [
    # Unknown locale, in our endpoints and in Wagtail's.
    ("/api/v3/articles/?locale=fr", 422),
    ("/api/v3/articles/?locale=EN", 422),
    ("/api/v3/articles/?locale=en&fallback=de", 422),
    ("/api/v3/articles/?fallback=lt", 422),  # fallback without locale
    ("/api/v3/articles/{id}/?locale=xx", 422),
    ("/api/v3/home/?locale=ru", 422),
    ("/api/v3/pages/?locale=xx", 404),
    # Unknown page type.
    ("/api/v3/pages/?type=news.NoSuchPage", 422),
    ("/api/v3/pages/?type=wagtailimages.Image", 422),
    # Limit and offset: not a number, negative, zero, above the maximum, overflowing (400
    # before any endpoint sees it, cms/api.py).
    ("/api/v3/articles/?limit=ten", 422),
    ("/api/v3/articles/?limit=-1", 422),
    ("/api/v3/articles/?limit=0", 422),
    ("/api/v3/articles/?limit=1.5", 422),
    ("/api/v3/articles/?limit=101", 422),
    ("/api/v3/articles/?limit=" + HUGE, 400),
    ("/api/v3/articles/?offset=first", 422),
    ("/api/v3/articles/?offset=-5", 422),
    ("/api/v3/articles/?offset=" + HUGE, 400),
    ("/api/v3/articles/?offset=1001", 422),  # above OFFSET_MAX: follow `next` instead
    ("/api/v3/pages/?limit=abc", 422),
    ("/api/v3/pages/?limit=-1", 422),
    ("/api/v3/pages/?limit=101", 400),
    ("/api/v3/pages/?offset=-1", 422),
    ("/api/v3/pages/?offset=" + HUGE, 400),
    ("/api/v3/images/?limit=x", 422),
    ("/api/v3/images/?offset=" + HUGE, 400),
    ("/api/v3/documents/?offset=" + HUGE, 400),
    ("/api/v3/documents/?offset=-3", 422),
    # Unknown fields and parameters.
    ("/api/v3/articles/?fields=title", 422),
    ("/api/v3/articles/?colour=red", 422),
    ("/api/v3/articles/{id}/?fields=body", 422),
    ("/api/v3/articles/{id}/more/?limit=5", 422),
    ("/api/v3/home/?page=2", 422),
    ("/api/v3/route/?html_path=/lt/&type=x", 422),
    # Bad ordering.
    ("/api/v3/articles/?order=title", 422),
    ("/api/v3/articles/?order=-nope", 422),
    ("/api/v3/articles/?order=random", 422),
    ("/api/v3/pages/?order=nope", 422),
    ("/api/v3/pages/?order=-body", 422),
    ("/api/v3/images/?order=nope", 422),
    # Other malformed values.
    ("/api/v3/articles/{id}/?rich_text_format=pdf", 422),
    ("/api/v3/articles/{id}/?version=preview", 422),
    ("/api/v3/articles/0/", 422),
    ("/api/v3/articles/" + HUGE + "/", 422),
    ("/api/v3/articles/" + HUGE + "/more/", 422),
    ("/api/v3/articles/abc/", 422),
    ("/api/v3/route/", 422),
    ("/api/v3/route/?html_path=", 422),
    ("/api/v3/articles/?topic=" + "x" * 101, 422),
    ("/api/v3/articles/?search=", 400),
    ("/api/v3/articles/?search=%22unbalanced", 400),
    ("/api/v3/pages/?search=%20%20", 400),
    ("/api/v3/articles/?topic=a%00b", 400),
    ("/api/v3/route/?html_path=/lt/%00/", 400),
    ("/api/v3/pages/?search=%00", 400),
    ("/api/v3/pages/?locale=%00", 400),
    ("/api/v3/pages/{id}/?rich_text_format=pdf", 422),
    ("/api/v3/pages/{id}/?version=preview", 422),
    # Unknown URLs under /api/.
    ("/api/v3/nothing-here/", 404),
    ("/api/v3/articles/{id}/nothing/", 404),
    ("/api/v2/pages/", 404),
    ("/api/", 404),
]


@pytest.fixture
def article(api_site):
    return make_article(api_site.news_lt, "Straipsnis")


@pytest.mark.parametrize(("url", "status"), MALFORMED)
def test_malformed_requests_answer_4xx_with_a_json_body(client, article, url, status):
    response = client.get(url.format(id=article.pk))

    assert response.status_code == status
    assert response["Content-Type"] in ("application/problem+json", "application/json")
    problem = response.json()
    assert problem["status"] == status
    assert problem["title"]
    assert "Location" not in response


def test_validation_errors_say_which_parameter(client, api_site):
    problem = client.get("/api/v3/articles/", {"limit": "-1", "locale": "fr"}).json()

    locations = {tuple(error["loc"]) for error in problem["errors"]}
    assert ("query", "limit") in locations
    assert ("query", "locale") in locations


def test_unknown_parameters_are_named(client, api_site):
    problem = client.get("/api/v3/articles/", {"fields": "title", "zzz": "1"}).json()

    assert problem["errors"][0]["msg"] == "Unknown query parameter: fields, zzz"


def test_write_methods_on_read_only_endpoints_are_a_json_405(client, api_site):
    response = client.post("/api/v3/articles/", {}, content_type="application/json")

    assert response.status_code == 405
    assert response["Allow"] == "GET"
    assert response.json()["status"] == 405


# Wagtail's own endpoints refuse what they do not know too (cms/api_params.py): one contract.


@pytest.mark.parametrize(
    "url",
    [
        "/api/v3/pages/?fields=title",
        "/api/v3/pages/?limt=5",
        "/api/v3/pages/?type=news.ArticlePage&zzz=1",
        "/api/v3/pages/{page}/?fields=title",
        "/api/v3/pages/find/?html_path=/en/&zzz=1",
        "/api/v3/images/?zzz=1",
        "/api/v3/documents/?zzz=1",
    ],
)
def test_wagtails_endpoints_name_the_parameters_they_do_not_know(client, article, url):
    response = client.get(url.format(page=article.pk))

    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"
    error = response.json()["errors"][0]
    name = url.rsplit("&", 1)[-1].rsplit("?", 1)[-1].split("=")[0]
    assert error["loc"] == ["query", name]
    assert error["msg"] == f"Unknown query parameter: {name}"


def test_wagtails_field_filters_and_implicit_parameters_still_work(client, article):
    listing = client.get(
        "/api/v3/pages/", {"type": "news.ArticlePage", "slug": article.slug, "limit": "5"}
    )
    detail = client.get(
        f"/api/v3/pages/{article.pk}/", {"rich_text_format": "html", "site": "testserver"}
    )
    found = client.get(
        "/api/v3/pages/find/", {"html_path": article.url, "site": "testserver"}, follow=True
    )

    assert [item["id"] for item in listing.json()["items"]] == [article.pk]
    assert detail.status_code == 200
    assert found.status_code == 200
    assert found.json()["id"] == article.pk
