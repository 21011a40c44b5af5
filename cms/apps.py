from django.apps import AppConfig


class CmsConfig(AppConfig):
    """The project itself: site-wide templates, static files and operations commands."""

    name = "cms"
