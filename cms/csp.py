"""Content-Security-Policy: django-csp's middleware, with the Wagtail admin's exceptions.

The public site gets ``settings.CONTENT_SECURITY_POLICY`` as it is. Under /admin/ the
directives of ``settings.CSP_ADMIN_DIRECTIVES`` replace those of the same name: Wagtail's
admin and wagtail-localize's editor need inline scripts and styles (see base settings).
A nonce would make browsers ignore 'unsafe-inline', so admin responses never carry one.
"""

from csp.middleware import CSPMiddleware as BaseCSPMiddleware
from django.conf import settings
from django.urls import reverse


def admin_prefix():
    return reverse("wagtailadmin_home")


class CSPMiddleware(BaseCSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and request.path_info.startswith(admin_prefix()):
            parts.replace = {**settings.CSP_ADMIN_DIRECTIVES, **(parts.replace or {})}
            parts.nonce = None
        return parts
