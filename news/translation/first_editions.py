"""A page's first edition in a locale, written once (wagtail-localize, taken over).

Submitting a page creates its edition in each target locale as a draft. wagtail-localize's
``create_or_update_translation`` does it with Wagtail's ``copy_for_translation``: the source
page copied under its parent's edition, in the source language, and written (its row, child
rows, a revision, log entries, view restrictions), then the translations made so far
ingested into it and the whole written again, with a second revision and a full clean that
looks up each foreign key: some 125 of the 167 queries of an article's submission.

``create_first_edition`` builds the same copy in memory (Wagtail's own ``_copy``, with the
attributes its copy for translation sets), ingests the translations into it as the library
does, cleans it once, and writes it once: the page and its child rows (treebeard's
``add_child``, which logs its creation), one revision, the "copied for translation" log
entry, the source's view restrictions, and wagtail-localize's translation log.

The library's path serves what this does not: a source that is not a page, an edition that
exists already (its update; a sync's is ``news.translation.targets``), a parent without an
edition in the locale (the library copies the parents first), a page under the tree's root,
a publish at once, a translation that does not fall back to the source text, and a copy that
fails validation (the library keeps its copy for the translator and flags the fields at
fault). ``take_over()`` (the app's ``ready()``) installs it for every door that saves a
translation's target.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from wagtail.actions.copy_for_translation import CopyPageForTranslationAction
from wagtail.coreutils import find_available_slug
from wagtail.log_actions import log
from wagtail.models import Page, TranslatableMixin
from wagtail.models.copying import _copy, _copy_m2m_relations
from wagtail.signals import copy_for_translation_done
from wagtail_localize.models import TranslationLog, TranslationSource, pk

from .targets import (
    child_relations_copied_in_memory,
    clean_with_slug_found,
    ingest_translations,
    slug_known_free,
    sync_view_restrictions,
)

LIBRARY_CREATE_OR_UPDATE = TranslationSource.create_or_update_translation


def create_or_update_translation(
    self, locale, user=None, publish=True, copy_parent_pages=False, fallback=False
):
    """``TranslationSource.create_or_update_translation``."""
    if fallback and not publish:
        created = create_first_edition(self, locale, user=user)
        if created is not None:
            return created, True
    return LIBRARY_CREATE_OR_UPDATE(
        self,
        locale,
        user=user,
        publish=publish,
        copy_parent_pages=copy_parent_pages,
        fallback=fallback,
    )


def create_first_edition(source, locale, user=None):
    """The draft edition of ``source``'s page in ``locale``, created as wagtail-localize
    creates it, or None where the library's path is left to do it (see above)."""
    model = source.specific_content_type.model_class()
    if not issubclass(model, Page) or (
        model._base_manager.filter(translation_key=source.object_id, locale_id=pk(locale)).exists()
    ):
        return None
    original = source.as_instance()
    copied = original if original.live else original.get_latest_revision_as_object()
    parent = copied.get_parent()
    if parent.is_root():
        return None
    try:
        parent_edition = parent.get_translation(locale)
    except Page.DoesNotExist:
        return None
    excluded = copied.default_exclude_fields_in_copy + copied.exclude_fields_in_copy
    attributes = _copy_attributes(locale)
    target = _copied_for_translation(copied, locale, excluded, attributes)
    ingest_translations(source, locale, original, target)
    target.slug = find_available_slug(parent_edition, slugify(target.slug))
    try:
        clean_with_slug_found(target)
    except ValidationError:
        return None  # the library's path keeps its copy and flags the fields at fault
    # As its source is (a translation of a site's root counts as one): asked once, where
    # Wagtail asks at each save.
    target._is_site_root = original.is_site_root()
    with transaction.atomic():
        with slug_known_free(target):
            parent_edition.add_child(instance=target)
        _copy_m2m_relations(copied, target, exclude_fields=excluded, update_attrs=attributes)
        revision = target.save_revision(user=user, clean=False)
        _log_copy(copied, parent, parent_edition, target, user)
        sync_view_restrictions(source, original, target)
    copy_for_translation_done.send(
        sender=CopyPageForTranslationAction, source_obj=original, target_obj=target
    )
    TranslationLog.objects.create(source=source, locale=locale, revision=revision)
    return target


def _copy_attributes(locale):
    """What Wagtail's ``copy_for_translation`` sets on its copy: a draft in ``locale`` that
    keeps the translation key (and its owner: wagtail-localize names no user to the copy)."""
    return {
        "live": False,
        "has_unpublished_changes": True,
        "live_revision": None,
        "first_published_at": None,
        "last_published_at": None,
        "alias_of": None,
        "locale": locale,
    }


def _copied_for_translation(page, locale, excluded, attributes):
    """``page`` copied into ``locale`` in memory, child objects and all, as Wagtail's
    ``copy_for_translation`` copies it."""
    with child_relations_copied_in_memory(page):
        target, child_objects = _copy(page, exclude_fields=excluded, update_attrs=attributes)
    for child in child_objects.values():
        if isinstance(child, TranslatableMixin):
            child.locale = locale
    return target


def _log_copy(page, parent, parent_edition, target, user):
    """The log entry of Wagtail's ``copy_for_translation``, with the data it records."""
    log(
        instance=target,
        action="wagtail.copy_for_translation",
        user=user,
        data={
            "page": {
                "id": target.id,
                "title": target.get_admin_display_title(),
                "locale": {"id": target.locale_id, "language_code": target.locale.language_code},
            },
            "source": {
                "id": parent.id,
                "title": parent.specific_deferred.get_admin_display_title(),
            },
            "destination": {
                "id": parent_edition.id,
                "title": parent_edition.specific_deferred.get_admin_display_title(),
            },
            "keep_live": False,
            "source_locale": {
                "id": page.locale_id,
                "language_code": page.locale.language_code,
            },
        },
    )


def take_over():
    TranslationSource.create_or_update_translation = create_or_update_translation
