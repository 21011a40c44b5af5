from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "news"

    def ready(self):
        from .caching import purge

        purge.connect()  # fragment versions and edge cache purging on publish
