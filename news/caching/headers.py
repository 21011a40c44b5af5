"""HTTP caching headers for shared caches (an edge cache: Varnish, deploy/varnish/default.vcl).

`PublicCacheControlMiddleware` lets an edge cache keep anonymous page views:
``Cache-Control: public, max-age=..., s-maxage=...`` on a 200 answer to a GET without a
session cookie that sets no cookie. Everything else (logged-in editors, previews, the admin,
forms that set a CSRF cookie) is ``private``/untouched.
"""

from django.conf import settings
from django.utils.cache import patch_cache_control

# Paths outside the reader-facing site: never marked public here.
PRIVATE_PREFIXES = ("/admin/", "/api/", "/documents/", "/django-admin/", "/healthz")


def is_anonymous_request(request):
    """No session cookie: the request cannot belong to a logged-in editor.

    Decided from the cookie, without loading the session (which would add Vary: Cookie).
    """
    return settings.SESSION_COOKIE_NAME not in request.COOKIES


class PublicCacheControlMiddleware:
    """Cache-Control for anonymous page views; must sit before SessionMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method not in ("GET", "HEAD") or request.path.startswith(PRIVATE_PREFIXES):
            return response
        if getattr(request, "is_preview", False):
            patch_cache_control(response, private=True, no_store=True)
            return response
        if not is_anonymous_request(request):
            # An editor: never stored by a shared cache (pages may show the userbar, drafts).
            if not response.has_header("Cache-Control"):
                patch_cache_control(response, private=True, no_cache=True)
            return response
        if response.status_code != 200 or response.cookies or response.has_header("Cache-Control"):
            return response
        # The session was only read to find out that there is no user (the userbar): the
        # response is the same for every request without a session cookie.
        vary = [v.strip() for v in response.get("Vary", "").split(",") if v.strip()]
        if "Cookie" in vary:
            vary.remove("Cookie")
            if vary:
                response["Vary"] = ", ".join(vary)
            else:
                del response["Vary"]
        patch_cache_control(
            response,
            public=True,
            max_age=settings.NEWS_CACHE_MAX_AGE,
            s_maxage=settings.NEWS_EDGE_CACHE_MAX_AGE,
        )
        return response
