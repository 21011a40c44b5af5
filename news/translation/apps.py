from django.apps import AppConfig


class TranslationConfig(AppConfig):
    """The translators' workflow on top of wagtail-localize: an app of its own so that its
    admin hooks (`wagtail_hooks`), templates and signal receivers load like any app's."""

    name = "news.translation"
    label = "news_translation"
    verbose_name = "Translation workflow"

    def ready(self):
        from . import signals  # noqa: F401  (receivers connect on import)
