from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "news"

    def ready(self):
        from . import icons, log_entries, sidebar, stream_forms
        from .caching import purge

        purge.connect()  # fragment versions and edge cache purging on publish
        stream_forms.register()  # block definitions packed once per process
        icons.register()  # the admin's icons rendered once per process
        sidebar.register()  # the admin's menu packed once per process
        log_entries.take_over()  # log entries validated without foreign key lookups
