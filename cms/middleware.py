import logging

from django.conf import settings
from django.db import OperationalError
from django.http import JsonResponse
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

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
