"""Page passwords (Wagtail's view restrictions) are rate limited like logins.

Wagtail's password form accepts any number of guesses. Here, after
``PAGE_PASSWORD_FAILURE_LIMIT`` wrong passwords for one restriction from one client address
(``cms.client_ip``, as for django-axes), that pair is refused with a 429 for
``PAGE_PASSWORD_COOLOFF_SECONDS``, even with the right password. Counts live in the shared
cache, so every worker sees them. cms/urls.py routes Wagtail's URL here.
"""

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from wagtail.views import authenticate_with_password as wagtail_authenticate_with_password

from .client_ip import client_ip


def _key(request, restriction_id):
    return f"page-password-failures:{restriction_id}:{client_ip(request)}"


def authenticate_with_password(request, page_view_restriction_id, page_id):
    if request.method != "POST":
        return wagtail_authenticate_with_password(request, page_view_restriction_id, page_id)
    key = _key(request, page_view_restriction_id)
    cooloff = settings.PAGE_PASSWORD_COOLOFF_SECONDS
    if cache.get(key, 0) >= settings.PAGE_PASSWORD_FAILURE_LIMIT:
        response = HttpResponse(
            _("Too many wrong passwords. Try again later."),
            status=429,
            content_type="text/plain; charset=utf-8",
        )
        response["Retry-After"] = str(cooloff)
        add_never_cache_headers(response)
        return response
    response = wagtail_authenticate_with_password(request, page_view_restriction_id, page_id)
    if response.status_code == 302:
        cache.delete(key)
    else:
        cache.add(key, 0, cooloff)
        try:
            cache.incr(key)
        except ValueError:  # expired in between
            cache.set(key, 1, cooloff)
    return response
