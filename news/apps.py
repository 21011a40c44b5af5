from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "news"

    def ready(self):
        from . import cache, signals  # noqa: F401  (translation workflow receivers)

        cache.connect()  # fragment versions and edge cache purging on publish
