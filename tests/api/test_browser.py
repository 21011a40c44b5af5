"""The API from a real browser: the interactive docs under the site's CSP, and CORS."""

import pytest
from django.test import override_settings

from .builders import make_article

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def front_end(live_server):
    """An origin other than the live server's http://localhost:<port>.

    Loopback, so that it is a secure context that Chromium lets reach the live server
    once granted Local Network Access (a deployed front-end calling a public API needs no
    such permission).
    """
    return live_server.url.replace("localhost", "127.0.0.1")


def test_interactive_docs_render_every_operation(browser_page, live_server, api_site):
    errors = []
    browser_page.on("console", lambda message: message.type == "error" and errors.append(message))

    browser_page.goto(f"{live_server.url}/api/v3/docs/")
    browser_page.wait_for_selector(".opblock")

    operations = browser_page.locator(".opblock-summary-path").all_inner_texts()
    assert "/api/v3/articles/{article_id}/" in [path.replace("\u200b", "") for path in operations]
    schema = browser_page.request.get(f"{live_server.url}/api/v3/openapi.json").json()
    methods = {"get", "post", "put", "patch", "delete"}
    in_schema = sum(len(methods & set(item)) for item in schema["paths"].values())
    assert browser_page.locator(".opblock").count() == in_schema
    assert errors == []  # e.g. no script or style refused by the Content-Security-Policy


def fetch_from_front_end(page, origin, url):
    """Open a page of `origin` (served by Playwright) and fetch `url` from its script."""
    page.context.grant_permissions(["local-network-access"], origin=origin)
    page.route(
        f"{origin}/front-end/",
        lambda route: route.fulfill(
            body="<!doctype html><title>Front</title>", content_type="text/html"
        ),
    )
    page.goto(f"{origin}/front-end/")
    console = []
    page.on("console", lambda message: console.append(message.text))
    result = page.evaluate(
        """url => fetch(url)
            .then(response => response.json().then(body => ({
                status: response.status, etag: response.headers.get("ETag"), title: body.title
            })))
            .catch(error => ({error: String(error)}))""",
        url,
    )
    return result | {"console": " ".join(console)}


def test_a_front_end_of_another_origin_is_refused_by_default(browser_page, live_server, api_site):
    result = fetch_from_front_end(
        browser_page, front_end(live_server), f"{live_server.url}/api/v3/home/?locale=en"
    )

    assert result["error"] == "TypeError: Failed to fetch"
    assert "No 'Access-Control-Allow-Origin' header" in result["console"]


def test_an_allowed_front_end_reads_the_api(browser_page, live_server, api_site):
    article = make_article(api_site.news_en, "Read from the front-end", slug="front")

    origin = front_end(live_server)
    with override_settings(CORS_ALLOWED_ORIGINS=[origin]):
        result = fetch_from_front_end(
            browser_page, origin, f"{live_server.url}/api/v3/articles/{article.pk}/"
        )

    assert result.get("status") == 200, result
    assert result["title"] == "Read from the front-end"
    assert result["etag"]  # exposed to scripts
