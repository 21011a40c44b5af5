"""The page editor's "Front-end" preview mode: a link that opens the page's latest saved
revision in the front-end configured for its locale (settings.HEADLESS_PREVIEW_URLS)."""

from urllib.parse import urlencode

from django.conf import settings
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from .tokens import make_token

FRONTEND_MODE = "frontend"


def frontend_preview_url(page, revision_id):
    base = settings.HEADLESS_PREVIEW_URLS.get(page.locale.language_code)
    if not base:
        return None
    content_type = f"{page._meta.app_label}.{page._meta.model_name}"
    query = urlencode({"content_type": content_type, "token": make_token(page.pk, revision_id)})
    return f"{base}{'&' if '?' in base else '?'}{query}"


class HeadlessPreviewMixin:
    @property
    def preview_modes(self):
        modes = list(super().preview_modes)
        if settings.HEADLESS_PREVIEW_URLS.get(self.locale.language_code):
            modes.append((FRONTEND_MODE, _("Front-end")))
        return modes

    def serve_preview(self, request, mode_name):
        if mode_name != FRONTEND_MODE:
            return super().serve_preview(request, mode_name)
        saved = Page.objects.filter(pk=self.pk).values_list("latest_revision_id", flat=True)
        revision_id = saved.first() if self.pk else None
        url = frontend_preview_url(self, revision_id) if revision_id else None
        return TemplateResponse(
            request,
            "news/preview/frontend.html",
            {"page": self, "preview_url": url, "revision_id": revision_id},
        )
