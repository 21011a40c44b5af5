from django.conf import settings
from django.http import HttpResponseNotAllowed
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_cache_control
from wagtail.api.v3.errors import problem_response

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
