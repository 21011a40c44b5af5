"""Garbage in every public URL and every documented API parameter: never a 500.

Every value in GARBAGE is tried in every slot: non-numeric, negative, huge, fractional,
unicode, digits that are not 0-9 ("1²", "①"), overlong, NUL (also encoded twice) and control
characters, SQL and template metacharacters, markup, path traversal and 200-word searches.
The answer must be a 4xx or a normal (usually empty) page, never a 5xx.
"""

from urllib.parse import quote

import pytest
from django.test import Client
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from wagtail.api.v3.api import api

import cms.urls  # noqa: F401 - registers this site's routers on Wagtail's API

pytestmark = pytest.mark.django_db

GARBAGE = [
    "",
    " ",
    "abc",
    "-1",
    "0",
    "1.5",
    "99999999999999999999999999",
    "Ąžuolas ėjo į šilą",
    "🙂🇱🇹",
    "x" * 5000,
    "\x00",
    "\r\nSet-Cookie: x=1",
    "' OR '1'='1' --",
    "1; DROP TABLE wagtailcore_page;--",
    '"><script>alert(1)</script>',
    "{{ settings.SECRET_KEY }}",
    "{% debug %}",
    "../../../../etc/passwd",
    "..%2F..%2Fetc%2Fpasswd",
    "[]",
    "%",
    "\\",
    # Digits to str.isdigit(), not to int() (issue 11).
    "1²",
    "①",
    "٣",
    # A NUL once the value is decoded again ("%2500" in the URL): html_path, slugs.
    "%00",
    # 200 words: each deepens the query a search backend builds (RecursionError at 150).
    " ".join(["mokykla"] * 200),
]


def q(value):
    return quote(value, safe="")


@pytest.fixture
def site_content(tree, article_factory, image):
    article_factory("lt", "Mokymosi miestas", hero_image=image, topics=["švietimas"])
    article_factory("en", "Learning city")
    return tree


def search_url(language):
    with translation.override(language):
        try:
            return reverse("search")
        except NoReverseMatch:
            return None


def public_templates():
    templates = [
        "/lt/?page={}",
        "/lt/naujienos/?page={}",
        "/en/news/?page={}",
        "/lt/naujienos/{}/",
        "/en/news/{}/",
        "/lt/{}/",
        "/en/{}/",
        "/{}",
        "/{}/",
        "/sitemap.xml?p={}",
        "/sitemap.xml?{}=1",
        "/lt/rss.xml?page={}",
        "/en/rss.xml?{}={}",
        # Topic pages and feeds (issue 12).
        "/lt/temos/{}/",
        "/lt/temos/svietimas/?page={}",
        "/en/topics/{}/rss.xml",
        "/lt/temos/svietimas/rss.xml?{}={}",
        "/documents/{}/",
        "/documents/1/{}",
        "/healthz?{}={}",
        "/admin/login/?next={}",
    ]
    for language in ("lt", "en"):
        url = search_url(language)
        if url:
            templates += [f"{url}?q={{}}", f"{url}?q=kaunas&page={{}}", f"{url}?q={{}}&page={{}}"]
    return templates


def server_errors(client, urls):
    errors = []
    for url in urls:
        response = client.get(url, follow=False)
        if response.status_code >= 500:
            errors.append((url[:200], response.status_code))
    return errors


@pytest.mark.parametrize("template", public_templates())
def test_public_urls(site_content, template):
    client = Client(raise_request_exception=False)
    urls = [template.replace("{}", q(value)) for value in GARBAGE]
    # Unencoded path traversal and slashes, as a hostile client may send them.
    urls.append(template.replace("{}", "../../etc/passwd"))
    assert server_errors(client, urls) == []


@pytest.mark.parametrize(
    "url",
    [
        "/lt/naujienos/?page=abc",
        "/lt/naujienos/?page=-1",
        "/lt/naujienos/?page=99999999999999999999",
        "/lt/naujienos/%00/",
        "/lt/naujienos/..%2F..%2Fetc%2Fpasswd/",
        "/en/news/%3Cscript%3E/",
    ],
)
def test_garbage_is_not_found(site_content, url):
    assert Client().get(url).status_code == 404


def api_operations():
    """Every GET operation of the API schema with its parameters."""

    schema = api.get_openapi_schema()
    operations = []
    for path, methods in schema["paths"].items():
        get = methods.get("get")
        if get:
            operations.append((path, [(p["name"], p["in"]) for p in get.get("parameters", [])]))
    return operations


VALID_PATH_VALUES = {"type_name": "news.ArticlePage", "type": "wagtailcore.Page"}


def api_urls(path, parameters):
    path_params = [name for name, where in parameters if where == "path"]
    query_params = [name for name, where in parameters if where == "query"]

    def with_path(overrides):
        url = path
        for name in path_params:
            value = overrides.get(name, VALID_PATH_VALUES.get(name, "1"))
            url = url.replace(f"{{{name}}}", value)
        return url

    urls = [with_path({})]
    for name in path_params:
        urls += [with_path({name: q(value) or "%20"}) for value in GARBAGE]
    base = with_path({})
    for name in query_params:
        urls += [f"{base}?{name}={q(value)}" for value in GARBAGE]
        urls.append(f"{base}?{name}=1&{name}=2&{name}=abc")
    urls += [f"{base}?{q(value)}=1" for value in GARBAGE if value]
    return urls


@pytest.mark.parametrize(
    ("path", "parameters"), api_operations(), ids=[path for path, _ in api_operations()]
)
def test_api_parameters(site_content, path, parameters):
    client = Client(raise_request_exception=False)
    assert server_errors(client, api_urls(path, parameters)) == []
