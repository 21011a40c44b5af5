"""The headless API: Wagtail's API v3 at /api/v3/, with this site's content endpoints.

Wagtail's v3 API is one django-ninja `NinjaAPI` instance. Wagtail apps register their
routers on it when they load (pages, sites, images, documents, redirects, whoami,
schema); this module adds the site's own content endpoints (news.api.articles, home.api) to the
same instance, so one OpenAPI schema (/api/v3/openapi.json, browsable at /api/v3/docs/)
and one error format (RFC 7807 problem+json) cover them all. It also

- makes Wagtail's `pages/find/?html_path=` understand the /lt/ and /en/ prefixes that
  i18n_patterns puts in front of every page URL;
- adds HTTP caching to every API response: `ETag` (and 304 answers to `If-None-Match`),
  `Cache-Control` (public for anonymous reads, private with a token, no-store otherwise);
- answers 4xx, never 500, to NUL characters and overflowing limits or offsets in the
  query string (Wagtail's endpoints pass them on to the database), and JSON to a 405;
- keeps Wagtail's `site=` parameter from serving the pages of another site;
- refuses query parameters Wagtail's endpoints do not know (cms/api_params.py);
- answers unknown /api/ URLs with a JSON 404.

cms/urls.py includes `urlpatterns` outside i18n_patterns, and cms.middleware keeps
Django's LocaleMiddleware from redirecting API responses to a language prefix.
"""

from functools import wraps

from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect
from django.urls import URLPattern, URLResolver, path, re_path, reverse
from django.utils.cache import (
    get_conditional_response,
    patch_cache_control,
    patch_vary_headers,
    set_response_etag,
)
from django.utils.http import parse_http_date_safe
from django.views.decorators.csrf import csrf_exempt
from wagtail.api.v3.api import api
from wagtail.api.v3.errors import problem_response
from wagtail.api.v3.querysets import get_pages_queryset
from wagtail.api.v3.routers import pages as wagtail_pages
from wagtail.api.validators import SiteFilterValidator
from wagtail.models import Locale, Site

from cms import api_params, api_schema
from cms.api_surface import restrict_redirects, turn_off
from home.api import router as home_router
from news.api.articles import router as news_router
from news.api.content import LOCALE_CODES
from news.api.topics import router as topics_router
from news.preview.api import router as preview_router
from news.search.views import clean_query

api.add_router("/", news_router)
api.add_router("/", topics_router)
api.add_router("/", preview_router)
api.add_router("/", home_router)
# The write endpoints the product does without, and who sees redirects (cms/api_surface.py).
turn_off(api)
restrict_redirects(api)


def locale_aware_find(find_page):
    """Wrap Wagtail's `pages/find/` so that `html_path=/en/news/<slug>/` finds the page.

    Wagtail routes `html_path` from the site's root page, which is the default language
    edition; the first component of every URL of this site is a language prefix instead.
    Paths without a prefix, and `id=` lookups, are left to Wagtail.
    """

    @wraps(find_page)
    def wrapper(request, id=None, html_path=None, site=None, version="live"):  # noqa: A002
        components = [part for part in (html_path or "").split("/") if part]
        if not components or components[0] not in LOCALE_CODES:
            return find_page(request, id=id, html_path=html_path, site=site, version=version)
        try:
            site_obj = SiteFilterValidator(site=site, request=request).site_obj
            if site_obj is None:
                raise Http404
            locale = Locale.objects.filter(language_code=components[0]).first()
            root = site_obj.root_page.get_translation_or_none(locale) if locale else None
            if root is None:
                raise Http404
            page, _args, _kwargs = root.specific.route(request, components[1:])
        except Http404:
            page = None
        if page is None or not get_pages_queryset(request).filter(pk=page.pk).exists():
            # Not a page under that prefix: let Wagtail try (an `id`, or a slug like "en").
            return find_page(request, id=id, html_path=html_path, site=site, version=version)
        query = request.GET.copy()
        query.pop("id", None)
        query.pop("html_path", None)
        url = reverse("wagtailapi_v3:detail_page", kwargs={"page_id": page.pk})
        return redirect(f"{url}?{query.urlencode()}")

    wrapper.locale_aware = True
    return wrapper


find_operation = wagtail_pages.router.path_operations["/find/"].operations[0]
if not getattr(find_operation.view_func, "locale_aware", False):
    find_operation.view_func = locale_aware_find(find_operation.view_func)


# Unknown query parameters are refused by Wagtail's endpoints too (cms/api_params.py).
api_params.install(api)

# Ids, limits and offsets beyond this are client errors (and overflow SQLite's integers).
MAX_INT = 2**31 - 1
# Errors, optional auth and bounds in the OpenAPI schema (cms/api_schema.py).
api_schema.install(api, MAX_INT)


def malformed(request):
    """What no endpoint can answer, before it reaches a database (which would answer 500)."""
    for key, values in request.GET.lists():
        if "\x00" in key or any("\x00" in value for value in values):
            return "NUL characters are not allowed."
    for name in ("limit", "offset"):
        for value in request.GET.getlist(name):
            digits = value.strip().lstrip("+-")
            if any(character.isdigit() and not character.isascii() for character in digits):
                # "1²", "①": digits to str.isdigit(), not to int().
                return f"{name} must be a whole number written with the digits 0-9."
            if digits.isdigit() and (len(digits) > 10 or int(digits) > MAX_INT):
                return f"{name} is out of range (at most {MAX_INT})."
    # Wagtail's SQLite (FTS5) search backend fails on a query without a word ("  ") or with
    # an unbalanced double quote ('"abc').
    for value in request.GET.getlist("search"):
        if not any(character.isalnum() for character in value):
            return "search needs at least one letter or digit."
        if value.count('"') % 2:
            return "search has an unbalanced double quote."
    return None


# The site's own endpoints that search.
OWN_SEARCH = ("/api/v3/articles/",)


def bound_search(request):
    """Wagtail's `search` parameter (pages, images, documents) searched as the site's own
    search does: its words only, at most MAX_QUERY_TERMS of them (every term deepens the
    query the backend builds: 150 words overflow Python's recursion limit on PostgreSQL)."""
    values = request.GET.getlist("search")
    if request.path_info.startswith(OWN_SEARCH):
        return  # bounded by its schema (maxLength) and news.search.views.clean_query
    if values and any(value != clean_query(value) for value in values):
        query = request.GET.copy()
        query.setlist("search", [clean_query(value) for value in values])
        request.GET = query


def names_another_site(request):
    """Whether a `site` parameter names another site than the one answering the request.

    Wagtail's pages endpoints take `site=<hostname[:port]>` to serve the pages of any
    site; here each site's API serves its own pages only.
    """
    names = request.GET.getlist("site")
    if not names:
        return False
    current = Site.find_for_request(request)
    for name in names:
        hostname, _colon, port = name.partition(":")
        if current is None or hostname != current.hostname or port not in ("", str(current.port)):
            return True
    return False


def with_http_caching(view):
    """Validators and a caching policy for every API response; 304 when nothing changed."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        # Reads only: any other method of a read-only URL is the view's 405 (with its Allow).
        reading = request.method in ("GET", "HEAD")
        problem = malformed(request) if reading else None
        if problem:
            response = problem_response(status=400, detail=problem)
        elif reading and names_another_site(request):
            response = problem_response(status=404, detail="No site matches the given query.")
        elif request.method == "HEAD":
            bound_search(request)
            # Ninja routes GET only: answer HEAD as GET, headers without the body.
            request.method = "GET"
            response = view(request, *args, **kwargs)
            request.method = "HEAD"
        else:
            bound_search(request)
            response = view(request, *args, **kwargs)
        if response.status_code == 405 and "json" not in response.get("Content-Type", ""):
            allow = response["Allow"]
            response = problem_response(status=405, detail=f"Allowed methods: {allow}.")
            response["Allow"] = allow
        # A token can change what a response shows (drafts): caches must key on it.
        patch_vary_headers(response, ["Authorization"])
        readable = request.method in ("GET", "HEAD") and response.status_code == 200
        if not readable or response.streaming:
            if not response.has_header("Cache-Control"):
                patch_cache_control(response, no_store=True)
            return response
        if not response.has_header("ETag"):
            set_response_etag(response)
        if not response.has_header("Cache-Control"):
            if "HTTP_AUTHORIZATION" in request.META:
                patch_cache_control(response, private=True, no_cache=True)
            else:
                patch_cache_control(response, public=True, max_age=settings.NEWS_API_CACHE_MAX_AGE)
        response = get_conditional_response(
            request,
            etag=response["ETag"],
            last_modified=parse_http_date_safe(response.get("Last-Modified", "")),
            response=response,
        )
        if request.method == "HEAD":
            response["Content-Length"] = str(len(response.content))
            response.content = b""
        return response

    return wrapper


def wrap_callbacks(patterns):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            wrap_callbacks(pattern.url_patterns)
        elif isinstance(pattern, URLPattern):
            pattern.callback = with_http_caching(pattern.callback)
    return patterns


@csrf_exempt
@with_http_caching
def api_not_found(request, *args, **kwargs):
    return problem_response(status=404, detail="There is no API endpoint at this URL.")


api_patterns, api_app_name, api_namespace = api.urls

urlpatterns = [
    path("api/v3/", (wrap_callbacks(api_patterns), api_app_name, api_namespace)),
    re_path(r"^api/", api_not_found),
]
