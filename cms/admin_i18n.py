"""Admin strings that Wagtail translates too early."""

from django.utils.translation import gettext_lazy
from wagtail.admin.viewsets.chooser import ChooserViewSet


def keep_chooser_search_tab_lazy():
    """Wagtail 8's ``ChooserViewSet`` translates its "Search" tab label with ``gettext`` when
    the module is imported, in ``LANGUAGE_CODE`` (Lithuanian), so every chooser (images,
    documents, snippets) showed "Paieška" to English admin users. The views it builds read
    the class attribute, so a lazy label set before the admin's URLs are built is translated
    per request, in the user's admin language."""
    ChooserViewSet.search_tab_label = gettext_lazy("Search")
