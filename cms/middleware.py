from django.conf import settings
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils import translation

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
