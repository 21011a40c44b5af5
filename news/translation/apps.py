from django.apps import AppConfig


class TranslationConfig(AppConfig):
    """The translators' workflow on top of wagtail-localize: an app of its own so that its
    admin hooks (`wagtail_hooks`), templates and signal receivers load like any app's."""

    name = "news.translation"
    label = "news_translation"
    verbose_name = "Translation workflow"

    def ready(self):
        from wagtail_localize.models import StringTranslation

        from . import (
            content_types,
            creator,
            deletion,
            first_editions,
            lengths,
            machine,
            related_objects,
            segment_queries,
            signals,  # noqa: F401  (its receivers connect on import)
            sources,
        )
        from .review import review_comment

        # The note the translation editor shows next to each segment (wagtail-localize's
        # StringTranslation.get_comment, read by its editor's serializer) says when a
        # machine translation still needs review (news.translation.review).
        StringTranslation.get_comment = review_comment
        segment_queries.take_over()
        content_types.take_over()
        related_objects.take_over()
        sources.take_over()
        machine.take_over()
        creator.take_over()
        first_editions.take_over()
        lengths.take_over()
        deletion.connect()
