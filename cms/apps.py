from django.apps import AppConfig


class CmsConfig(AppConfig):
    """The project itself: site-wide templates, static files and operations commands."""

    name = "cms"

    def ready(self):
        from . import checks  # noqa: F401 - registers the deployment checks
