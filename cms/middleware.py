import logging

from django.conf import settings
from django.db import OperationalError
from django.http import HttpResponseNotAllowed, JsonResponse
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _
from wagtail.api.v3.errors import problem_response

logger = logging.getLogger("cms.preview")
PREVIEW_FAILED = _(
    "The preview could not be updated: the database was busy. Your changes are still in the "
    "editor; the preview tries again at your next change."
)

# Everything under this path is the headless API (cms/api.py): it is not a language edition.
API_PATH_PREFIX = "/api/"


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's LocaleMiddleware for the reader-facing site; hands off for the API.

    For every 404 outside a language prefix, Django's middleware redirects to the same path
    under /<language>/ whenever that path resolves, and Wagtail's catch-all page route
    resolves every path: a JSON 404 from /api/... would become a redirect to /lt/api/....
    API responses choose their language with a `locale` parameter, not with Accept-Language,
    so API requests run in the default language and their responses are left untouched.
    """

    def process_request(self, request):
        if request.path_info.startswith(API_PATH_PREFIX):
            translation.activate(settings.LANGUAGE_CODE)
            request.LANGUAGE_CODE = translation.get_language()
            return None
        return super().process_request(request)

    def process_response(self, request, response):
        if request.path_info.startswith(API_PATH_PREFIX):
            return response
        return super().process_response(request, response)


# Headers of a response that an API problem keeps when it replaces the response's body.
KEPT_HEADERS = ("Allow", "Retry-After", "Vary", "WWW-Authenticate")
ERROR_DETAILS = {
    400: "The request could not be understood (for example, a Host header that is not allowed).",
    403: "The request was refused (for example, a missing CSRF token: the API takes tokens).",
    404: "There is no API endpoint at this URL.",
    405: "This method is not allowed here.",
    500: "The server failed to answer; the error is logged.",
}


class APIProblemMiddleware:
    """Every error under /api/ is RFC 7807 problem+json, whoever made it.

    The API's views answer problem+json themselves; a response Django makes before or
    around them (a 400 for a Host that is not allowed, a CSRF 403, the 500 page) is HTML.
    This replaces such a body with a problem of the same status, keeping the headers that
    say what to do next.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            request.path_info.startswith(API_PATH_PREFIX)
            and response.status_code >= 400
            and "json" not in response.get("Content-Type", "")
        ):
            problem = problem_response(
                status=response.status_code,
                detail=ERROR_DETAILS.get(response.status_code, ""),
            )
            for header in KEPT_HEADERS:
                if response.has_header(header):
                    problem[header] = response[header]
            patch_cache_control(problem, no_store=True)
            # Django logs an error response once; this is the same response.
            problem._has_been_logged = getattr(response, "_has_been_logged", False)
            return problem
        return response


class HTTPMethodsMiddleware:
    """TRACE is refused everywhere (405); OPTIONS answers with headers and no body.

    Django's views answer TRACE like GET (feeds, the sitemap, search, the API docs) and
    OPTIONS with the whole page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "TRACE":
            return HttpResponseNotAllowed(["GET", "HEAD", "OPTIONS"])
        response = self.get_response(request)
        if request.method == "OPTIONS" and not response.streaming and response.content:
            response.content = b""
            response["Content-Length"] = "0"
        return response


# The page editor's live preview (Wagtail's preview_on_add / preview_on_edit views).
PREVIEW_URL_NAMES = {"preview_on_add", "preview_on_edit"}


class PreviewFailureMiddleware:
    """A preview that fails on the database says so, instead of answering 500.

    The editor's live preview POSTs the form on every change and then loads the preview in
    its panel. When the database is busy (SQLite: "database is locked"), Wagtail answered 500:
    the panel's script swallowed the error and kept the old preview while the header said
    "Saved". Now the POST answers 503 with the JSON the script reads (``is_valid: false``:
    the panel shows that the preview is not up to date) and the preview itself a page saying
    that it failed and that the next change tries again. Nothing of the editor's work is
    lost: the form in the editor is untouched.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        match = getattr(request, "resolver_match", None)
        if not isinstance(exception, OperationalError) or match is None:
            return None
        if match.url_name not in PREVIEW_URL_NAMES:
            return None
        logger.warning("Preview failed: %s", exception)
        if request.method == "POST":
            return JsonResponse(
                {"is_valid": False, "is_available": False, "error": str(PREVIEW_FAILED)},
                status=503,
            )
        response = TemplateResponse(
            request, "wagtailadmin/preview_failed.html", {"message": PREVIEW_FAILED}, status=503
        )
        response["Retry-After"] = "2"
        response["X-Frame-Options"] = "SAMEORIGIN"  # shown in the editor's preview panel
        return response.render()
