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

The steps are wagtail-localize's, in its order (the source stored, the related objects
submitted, a translation into each target locale and its target saved), with the reads
gathered: the editions of the related objects, with whether each has its translation, are
read a query a model (the library asks three a object), and the targets link to them
without reading them again (``news.translation.related_objects.editions_known``); a source
just created has no translations, so each is inserted rather than got or created (two
savepoints and a locked read); and a page's first edition is built from the source just
stored (``news.translation.first_editions``).

``take_over()`` (the app's ``ready()``) puts it in wagtail-localize's operations, which
every door goes through: the admin's submit view, ``translate_object`` and
``translate_page_subtree``; the queue's subtree job uses it directly.
"""

import contextlib
from collections import defaultdict

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef
from wagtail.models import DraftStateMixin, Page
from wagtail_localize import operations
from wagtail_localize.models import Translation, TranslationSource

from news.queue.backends import index_updates_once

from .first_editions import create_or_update_translation, source_page_from_json
from .related_objects import edition_rows, editions_known, related_keys

LIBRARY_TRANSLATION_CREATOR = operations.TranslationCreator


class TranslationCreator(LIBRARY_TRANSLATION_CREATOR):
    def create_translations(self, instance, include_related_objects=True):
        if isinstance(instance, Page):
            instance = instance.specific
        if instance.translation_key in self.seen_objects:
            return
        if not include_related_objects and self.translated_everywhere(instance):
            return
        # Every caller runs it in a transaction (wagtail-localize's operations, the queue's
        # job): a savepoint of its own would guard nothing (a target that fails validation
        # is caught inside, where its own savepoint rolls it back).
        with transaction.atomic(savepoint=False), index_updates_once():
            self.submit(instance, include_related_objects)

    def submit(self, instance, include_related_objects):
        self.seen_objects.add(instance.translation_key)
        source, created = TranslationSource.get_or_create_from_instance(instance)
        editions = {}
        if include_related_objects:
            # One level of related objects, as wagtail-localize: before the translations,
            # whose targets link to their editions.
            untranslated, editions = self.untranslated_related(source)
            for related in untranslated:
                self.submit(related, include_related_objects=False)
            if untranslated:
                editions = {}  # some were made just now: read when their links are
        for locale in self.target_locales:
            if locale.pk == source.locale_id:
                continue
            translation = self.translation(source, locale, instance, created)
            self.mappings[source].append(translation)
            with (
                contextlib.suppress(ValidationError),
                editions_known(source, locale, editions.get(locale.pk)),
            ):
                self.save_target(translation, instance, created)

    def translation(self, source, locale, instance, created):
        """The translation of ``source`` into ``locale``, made, or enabled again as the mode
        wants (a form offers no locale it has a translation into: none is overwritten)."""
        enabled = translation_mode(instance) == "synced"
        if created:
            return Translation.objects.create(source=source, target_locale=locale, enabled=enabled)
        translation, _created = Translation.objects.update_or_create(
            source=source, target_locale=locale, defaults={"enabled": enabled}
        )
        return translation

    def save_target(self, translation, instance, created):
        if getattr(settings, "WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE", True):
            publish = getattr(instance, "live", True)
        else:  # what cannot be a draft is published
            publish = not isinstance(instance, DraftStateMixin)
        # wagtail-localize's ``Translation.save_target``; a page's first draft is given the
        # page a source just stored was stored from (rebuilt from its JSON without looking
        # up its objects), which nothing else uses.
        source = translation.source
        create_or_update_translation(
            source,
            translation.target_locale,
            user=self.user,
            publish=publish,
            copy_parent_pages=True,
            fallback=True,
            original=source_page_from_json(source) if created and not publish else None,
        )

    def untranslated_related(self, source):
        """``(untranslated, editions)``: the objects ``source``'s related object segments
        name (in the source's locale, in their order: wagtail-localize's
        ``segment.object.get_instance``) that are not translated everywhere, and the
        editions of every one of them in each target locale (``{locale id: {(content type
        id, translation key): edition or None}}``, as ``editions_read_together`` reads them
        for the targets' links): a query, one a model, and one a model of those untranslated."""
        editions = {locale.pk: {} for locale in self.target_locales}
        untranslated = []
        for content_type_id, wanted in related_keys(source).items():
            model = ContentType.objects.get_for_id(content_type_id).model_class()
            missing = [
                key
                for key in self.untranslated_keys(model, wanted, source.locale_id, editions)
                if key not in self.seen_objects
            ]
            if missing:
                found = {
                    obj.translation_key: obj
                    for obj in model._base_manager.filter(
                        translation_key__in=missing, locale_id=source.locale_id
                    )
                }
                untranslated.extend(found[key] for key in missing if key in found)
        return untranslated, editions

    def translated_everywhere(self, instance):
        """Whether every target locale has an edition of ``instance`` and a translation
        into it (one query)."""
        model, key = type(instance), instance.translation_key
        return not self.untranslated_keys(model, [key], instance.locale_id)

    def untranslated_keys(self, model, keys, locale_id, editions=None):
        """Those of ``keys`` (of ``model``'s objects in ``locale_id``) that some target
        locale has no edition of, or no translation into: a query (each edition, and
        whether it has its translation). ``editions``: ``{locale id: {}}`` to put the
        editions in, by content type and translation key (None where there is none)."""
        content_type_id = ContentType.objects.get_for_model(model).pk
        translated = Translation.objects.filter(
            source__object_id=OuterRef("translation_key"),
            source__locale_id=locale_id,
            target_locale_id=OuterRef("locale_id"),
        )
        wanted = {locale.pk for locale in self.target_locales} - {locale_id}
        rows = edition_rows(model).filter(translation_key__in=keys, locale_id__in=wanted)
        done = defaultdict(set)
        for locale_editions in (editions or {}).values():
            locale_editions.update(dict.fromkeys((content_type_id, key) for key in keys))
        for edition in rows.annotate(has_translation=Exists(translated)):
            if editions is not None:
                editions[edition.locale_id][content_type_id, edition.translation_key] = edition
            if edition.has_translation:
                done[edition.translation_key].add(edition.locale_id)
        return [key for key in dict.fromkeys(keys) if not wanted <= done[key]]


def translation_mode(instance):
    """The translation mode ("synced" or "manual"): the model's, else the setting's."""
    if hasattr(instance, "localize_default_translation_mode"):
        return instance.localize_default_translation_mode
    return getattr(settings, "WAGTAIL_LOCALIZE_DEFAULT_TRANSLATION_MODE", "synced")


def take_over():
    operations.TranslationCreator = TranslationCreator
