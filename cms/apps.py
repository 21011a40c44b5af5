from django.apps import AppConfig


class CmsConfig(AppConfig):
    """The project itself: site-wide templates, static files and operations commands."""

    name = "cms"

    def ready(self):
        from . import admin_i18n, checks  # noqa: F401 - checks registers the deployment checks

        admin_i18n.keep_chooser_search_tab_lazy()
