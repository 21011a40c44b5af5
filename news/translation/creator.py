"""Submitting for translation without saving again what is translated already
(wagtail-localize's ``TranslationCreator``, taken over).

Submitting an article also submits each object it links to (its topics, its authors), and
wagtail-localize saves every one of them into every target locale again at each
submission: a topic that a thousand articles link to is stored and saved a thousand times
(its source refreshed, its translation cleaned, saved and logged: some 30 queries of an
article's submission for each topic), its translation overwritten from its source each
time, a stopped one restarted. A related object that has a translation into every target
locale is left to it: the topic's own sync keeps it current, and the Translations report
shows where it stands (``news.translation.topic_status``). One that has not is submitted as
before. The object submitted itself always is, in one transaction, its pages' index updates
enqueued once each (``news.queue.backends.index_updates_once``).

``take_over()`` (the app's ``ready()``) puts it in wagtail-localize's operations, which
every door goes through: the admin's submit view, ``translate_object`` and
``translate_page_subtree``; the queue's subtree job uses it directly.
"""

from django.db import transaction
from django.db.models import Exists, OuterRef
from wagtail_localize import operations
from wagtail_localize.models import Translation

from news.queue.backends import index_updates_once


class TranslationCreator(operations.TranslationCreator):
    def create_translations(self, instance, include_related_objects=True):
        # wagtail-localize submits related objects one level deep, without their own.
        if not include_related_objects and self.translated_everywhere(instance):
            return
        # A submission saves each new page more than once, and its related objects with it:
        # their index updates enqueued once, when the submission commits.
        with transaction.atomic(), index_updates_once():
            super().create_translations(instance, include_related_objects)

    def translated_everywhere(self, instance):
        """Whether every target locale has an edition of ``instance`` and a translation into
        it (one query: each edition, and whether it has its translation)."""
        wanted = {locale.pk for locale in self.target_locales} - {instance.locale_id}
        translated = Translation.objects.filter(
            source__object_id=instance.translation_key,
            source__locale_id=instance.locale_id,
            target_locale_id=OuterRef("locale_id"),
        )
        editions = type(instance)._default_manager.filter(
            translation_key=instance.translation_key, locale_id__in=wanted
        )
        have = list(editions.values_list(Exists(translated), flat=True))
        return len(have) == len(wanted) and all(have)


def take_over():
    operations.TranslationCreator = TranslationCreator
