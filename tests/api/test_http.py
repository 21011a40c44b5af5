"""The API as HTTP: where it is mounted, its schema and docs, 404s, CORS and caching."""

import datetime

import pytest
from django.test import override_settings
from django.utils import timezone
from django.utils.http import http_date, parse_http_date
from wagtail.models import Page

from ..factories import translate

pytestmark = pytest.mark.django_db


# Mounting, schema, docs -----------------------------------------------------------------


def test_openapi_schema_describes_wagtail_and_content_endpoints(client):
    response = client.get("/api/v3/openapi.json")

    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    for path in [
        "/api/v3/articles/",
        "/api/v3/articles/{article_id}/",
        "/api/v3/articles/{article_id}/more/",
        "/api/v3/home/",
        "/api/v3/route/",
        "/api/v3/pages/",
        "/api/v3/pages/find/",
        "/api/v3/images/",
        "/api/v3/documents/",
    ]:
        assert "get" in schema["paths"][path], path


def test_openapi_schema_types_the_body_blocks_and_the_locales(client):
    schema = client.get("/api/v3/openapi.json").json()
    components = schema["components"]["schemas"]

    body = components["ArticleDetail"]["properties"]["body"]["items"]
    assert body["discriminator"]["propertyName"] == "type"
    assert set(body["discriminator"]["mapping"]) == {
        "heading",
        "paragraph",
        "image",
        "quote",
        "video",
        "initiatives",
        "indicator_table",
        "references",
    }
    assert set(components["IndicatorRow"]["properties"]) == {"indicator", "value", "note"}
    assert set(components["Reference"]["properties"]) == {
        "anchor",
        "title",
        "publisher",
        "url",
        "accessed",
    }
    locale_param = next(
        p
        for p in schema["paths"]["/api/v3/articles/"]["get"]["parameters"]
        if p["name"] == "locale"
    )
    assert locale_param["schema"]["anyOf"][0]["enum"] == ["lt", "en"]


def test_interactive_docs(client):
    response = client.get("/api/v3/docs/")

    assert response.status_code == 200
    assert b"/api/v3/openapi.json" in response.content
    # Swagger UI comes from django-ninja's static files: the strict policy applies to it
    # (tests/api/test_browser.py renders it in Chromium without a violation).
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy


@pytest.mark.parametrize(
    "url",
    [
        "/api/v3/articles/987654/",
        "/api/v3/articles/987654/more/",
        "/api/v3/pages/987654/",
        "/api/v3/images/987654/",
        "/api/v3/route/?html_path=/en/no/such/page/",
        "/api/v3/no-such-endpoint/",
        "/api/v4/",
    ],
)
def test_a_404_stays_a_json_404_and_is_not_redirected_to_a_language(client, api_site, url):
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 404
    assert "Location" not in response
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["status"] == 404


def test_api_is_not_served_under_a_language_prefix(client, api_site):
    assert client.get("/lt/api/v3/articles/").status_code == 404
    assert client.get("/en/api/v3/home/").status_code == 404


def test_the_website_still_redirects_to_a_language(client, api_site):
    response = client.get("/naujienos/")

    assert response.status_code == 302
    assert response["Location"] == "/lt/naujienos/"


# CORS -----------------------------------------------------------------------------------


def test_no_origin_is_allowed_by_default(client, api_site):
    response = client.get("/api/v3/home/", HTTP_ORIGIN="https://front.example")

    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response


@override_settings(CORS_ALLOWED_ORIGINS=["https://front.example"])
def test_allowed_origins_get_cors_headers(client, api_site):
    allowed = client.get("/api/v3/home/", HTTP_ORIGIN="https://front.example")
    other = client.get("/api/v3/home/", HTTP_ORIGIN="https://evil.example")
    preflight = client.options(
        "/api/v3/articles/",
        HTTP_ORIGIN="https://front.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="authorization",
    )

    assert allowed["Access-Control-Allow-Origin"] == "https://front.example"
    assert "etag" in allowed["Access-Control-Expose-Headers"].lower()
    assert "Access-Control-Allow-Origin" not in other
    assert preflight.status_code == 200
    assert preflight["Access-Control-Allow-Origin"] == "https://front.example"
    assert "authorization" in preflight["Access-Control-Allow-Headers"]


@override_settings(CORS_ALLOWED_ORIGINS=["https://front.example"])
def test_cors_is_limited_to_the_api(client, api_site):
    response = client.get("/lt/", HTTP_ORIGIN="https://front.example")

    assert "Access-Control-Allow-Origin" not in response


def test_cors_origins_come_from_the_environment(monkeypatch):
    import importlib

    import cms.settings.base as base

    monkeypatch.setenv("CORS_ALLOWED_ORIGINS", "https://a.example, https://b.example")
    try:
        assert importlib.reload(base).CORS_ALLOWED_ORIGINS == [
            "https://a.example",
            "https://b.example",
        ]
        monkeypatch.delenv("CORS_ALLOWED_ORIGINS")
        assert importlib.reload(base).CORS_ALLOWED_ORIGINS == []
    finally:
        importlib.reload(base)


# Caching --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url", ["/api/v3/articles/?locale=lt", "/api/v3/home/?locale=en", "/api/v3/pages/"]
)
def test_anonymous_responses_are_publicly_cacheable_with_a_validator(client, api_articles, url):
    response = client.get(url)

    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=60"
    assert response["ETag"].startswith('"')
    assert "Authorization" in response["Vary"]


def test_head_answers_the_headers_of_get(client, api_articles):
    url = f"/api/v3/articles/{api_articles['lt_mid'].pk}/"
    get, head = client.get(url), client.head(url)

    assert head.status_code == 200
    assert head.content == b""
    assert head["ETag"] == get["ETag"]
    assert head["Last-Modified"] == get["Last-Modified"]
    assert head["Content-Length"] == str(len(get.content))


def test_token_holders_get_private_responses(client, api_articles, api_reader, api_token):
    response = client.get("/api/v3/articles/", HTTP_AUTHORIZATION=api_token(api_reader))

    assert response["Cache-Control"] == "private, no-cache"


def test_errors_are_not_stored(client, api_site):
    assert client.get("/api/v3/articles/987654/")["Cache-Control"] == "no-store"
    assert client.get("/api/v3/articles/?limit=-1")["Cache-Control"] == "no-store"


def test_detail_has_last_modified_and_answers_304(client, api_articles):
    url = f"/api/v3/articles/{api_articles['lt_mid'].pk}/"
    first = client.get(url)

    by_etag = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    by_date = client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])

    assert parse_http_date(first["Last-Modified"]) >= int(
        api_articles["lt_mid"].last_published_at.timestamp()
    )
    assert by_etag.status_code == 304
    assert by_etag["ETag"] == first["ETag"]
    assert by_date.status_code == 304
    assert by_etag.content == b""


@pytest.mark.parametrize("language", ["lt", "en"])
def test_a_publish_changes_etag_and_last_modified(client, api_articles, language):
    article = api_articles["lt_mid" if language == "lt" else "en_mid"]
    yesterday = timezone.now() - datetime.timedelta(days=1)
    Page.objects.filter(translation_key=article.translation_key).update(last_published_at=yesterday)
    detail_url = f"/api/v3/articles/{article.pk}/"
    listing_url = f"/api/v3/articles/?locale={language}"
    before, listing_before = client.get(detail_url), client.get(listing_url)

    article.refresh_from_db()
    article.title = "Pataisyta"
    article.save_revision().publish()
    after, listing_after = client.get(detail_url), client.get(listing_url)

    assert before["Last-Modified"] == http_date(yesterday.timestamp())
    assert parse_http_date(after["Last-Modified"]) > parse_http_date(before["Last-Modified"])
    assert after["ETag"] != before["ETag"]
    assert listing_after["ETag"] != listing_before["ETag"]
    assert client.get(detail_url, HTTP_IF_NONE_MATCH=before["ETag"]).status_code == 200
    assert client.get(detail_url, HTTP_IF_MODIFIED_SINCE=before["Last-Modified"]).status_code == 200


def test_publishing_a_translation_changes_the_source_etag(client, api_articles):
    source = api_articles["lt_new"]
    url = f"/api/v3/articles/{source.pk}/"
    before = client.get(url)

    translate(source, api_articles["en_mid"].locale, title="New", slug="new")
    after = client.get(url)

    assert after["ETag"] != before["ETag"]
    assert [t["title"] for t in after.json()["translations"]] == ["New"]
