"""Anonymous responses kept whole in the Django cache until the content changes.

An edge cache (Varnish) serves readers what it holds; what it does not hold (a page nobody
has read since the last publish, the other hosts' caches, a cache just restarted) Django
renders. `ResponseCacheMiddleware` keeps every response that a shared cache may keep (a 200
with ``Cache-Control: public``, setting no cookie, to a GET without a session cookie or
credentials) in the Django cache, which every worker on every host shares (Redis in
production: check cms.E001 refuses a per-process cache), so that a page is rendered once
per change of the content, not once per worker, host and edge cache.

A response is kept with the listing version (news.caching.versions) read before it was
rendered, and served only while that is still the version: every publish, unpublish, move
or delete of a page, and every change of a topic or an author, makes a new one, once before
its commit and once after it, so that a response rendered from the data before the commit
is never served after it. It is kept no longer than an edge cache may keep it (``s-maxage``,
else ``max-age``): whatever is not purged (an image's new title) is never staler here than
at the edge. ``NEWS_RESPONSE_CACHE = False`` turns it off.
"""

import hashlib
import re
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, get_max_age, has_vary_header
from django.utils.http import parse_http_date_safe

from .headers import is_anonymous_request
from .versions import LISTING_VERSION_KEY, listing_version

KEY_PREFIX = "news:response:"
# A response varying on a request header (the API's CORS `Vary: origin`) is kept once per
# value of it, up to this many values of one URL: a client sending many made-up values
# would otherwise grow an entry without bound.
MAX_VARIANTS = 8
S_MAXAGE = re.compile(r"s-maxage=(\d+)")


def response_key(request):
    url = request.build_absolute_uri()
    return KEY_PREFIX + hashlib.sha256(url.encode()).hexdigest()


def may_be_kept(request):
    """A request whose answer may be one any reader gets: a GET from nobody in particular."""
    return (
        request.method == "GET"
        and is_anonymous_request(request)
        and "HTTP_AUTHORIZATION" not in request.META
    )


def lifetime(response):
    """Seconds a shared cache may keep ``response``; 0 when it may not keep it."""
    if response.status_code != 200 or response.streaming or response.cookies:
        return 0
    cache_control = response.get("Cache-Control", "")
    directives = {part.strip().split("=")[0] for part in cache_control.split(",")}
    if "public" not in directives or directives & {"private", "no-store", "no-cache"}:
        return 0
    if has_vary_header(response, "Cookie"):
        return 0
    shared = S_MAXAGE.search(cache_control)
    return int(shared.group(1)) if shared else (get_max_age(response) or 0)


def vary_names(response):
    return tuple(
        sorted({name.strip().lower() for name in response.get("Vary", "").split(",") if name})
    )


def vary_values(request, names):
    return tuple(request.headers.get(name) for name in names)


class ResponseCacheMiddleware:
    """Serves a kept response while the content is unchanged; keeps the ones that may be.

    Sits after the middleware that add per-request headers (request id, CORS, security,
    Content-Security-Policy, static files) and before the one that marks responses public
    (news.caching.headers), so that a response is kept with the headers it was served with.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.NEWS_RESPONSE_CACHE or not may_be_kept(request):
            return self.get_response(request)
        key = response_key(request)
        found = cache.get_many([LISTING_VERSION_KEY, key])
        version = found.get(LISTING_VERSION_KEY) or listing_version()
        entry = found.get(key)
        if entry is not None and entry["version"] == version:
            kept = entry["variants"].get(vary_values(request, entry["vary"]))
            if kept is not None:
                return self.served(request, *kept)
        response = self.get_response(request)
        seconds = lifetime(response)
        if seconds:
            self.keep(request, key, version, response, entry, seconds)
        return response

    @staticmethod
    def served(request, kept_at, status, headers, content):
        response = HttpResponse(content, status=status, headers=headers)
        response["Age"] = str(max(0, int(time.time() - kept_at)))
        if request.headers.get("If-None-Match") or request.headers.get("If-Modified-Since"):
            return get_conditional_response(
                request,
                etag=response.get("ETag"),
                last_modified=parse_http_date_safe(response.get("Last-Modified", "")),
                response=response,
            )
        return response

    @staticmethod
    def keep(request, key, version, response, entry, seconds):
        names = vary_names(response)
        variants = {}
        if entry is not None and entry["version"] == version and entry["vary"] == names:
            variants = entry["variants"] if len(entry["variants"]) < MAX_VARIANTS else {}
        variants[vary_values(request, names)] = (
            time.time(),
            response.status_code,
            dict(response.items()),
            response.content,
        )
        cache.set(key, {"version": version, "vary": names, "variants": variants}, seconds)
