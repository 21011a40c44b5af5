"""A page's first edition in a locale, written once (wagtail-localize, taken over).

Submitting a page creates its edition in each target locale as a draft. wagtail-localize's
``create_or_update_translation`` does it with Wagtail's ``copy_for_translation``: the source
page copied under its parent's edition, in the source language, and written (its row, child
rows, a revision, log entries, view restrictions), then the translations made so far
ingested into it and the whole written again, with a second revision and a full clean that
looks up each foreign key: some 125 of the 167 queries of an article's submission.

``create_first_edition`` builds the same copy in memory (Wagtail's own ``_copy``, with the
attributes its copy for translation sets), ingests the translations into it as the library
does, cleans it once, and writes it once: the page (treebeard's ``add_child``, which logs
its creation), its child rows (a statement a relation), one revision, the "copied for
translation" log entry, the source's view restrictions, and wagtail-localize's translation
log. A submission that has just stored the source gives the page it was stored from, as the
JSON holds it (``source_page_from_json``); otherwise the source is rebuilt as the library
rebuilds it (``as_instance``, which looks up again each object the JSON names).

The library's path serves what this does not: a source that is not a page, an edition that
exists already (its update; a sync's is ``news.translation.targets``), a parent without an
edition in the locale (the library copies the parents first), a page under the tree's root,
a publish at once, a translation that does not fall back to the source text, and a copy that
fails validation (the library keeps its copy for the translator and flags the fields at
fault). ``take_over()`` (the app's ``ready()``) installs it for every door that saves a
translation's target.
"""

from contextlib import contextmanager

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from modelcluster.models import get_all_child_relations
from wagtail.actions.copy_for_translation import CopyPageForTranslationAction
from wagtail.coreutils import find_available_slug
from wagtail.log_actions import log
from wagtail.models import COMMENTS_RELATION_NAME, Page, TranslatableMixin
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
    self, locale, user=None, publish=True, copy_parent_pages=False, fallback=False, original=None
):
    """``TranslationSource.create_or_update_translation``; ``original``: the source's page
    as its JSON holds it, when the caller has it (``source_page_from_json``)."""
    if fallback and not publish:
        created = create_first_edition(self, locale, user=user, original=original)
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


def source_page_from_json(source):
    """The page of a source stored a moment ago, in the same transaction, rebuilt from its
    JSON as ``source.as_instance()`` rebuilds it, but without reading the page row again and
    looking up each object the JSON names (a query each, a dozen for an article): the JSON
    holds them as they were read for it. None for a source that is not a page's."""
    model = source.specific_content_type.model_class()
    if not issubclass(model, Page):
        return None
    return model.from_json(source.content_json, check_fks=False)


def create_first_edition(source, locale, user=None, original=None):
    """The draft edition of ``source``'s page in ``locale``, created as wagtail-localize
    creates it, or None where the library's path is left to do it (see above).
    ``original``: the page as the source's JSON holds it (``source.as_instance()`` if not
    given); the ingest of translations consumes it."""
    model = source.specific_content_type.model_class()
    if not issubclass(model, Page):
        return None
    if original is None:
        # Asked before the source is rebuilt (a dozen queries), as well as below.
        edition = model._base_manager.filter(translation_key=source.object_id, locale_id=pk(locale))
        if edition.exists():
            return None
        original = source.as_instance()
    original.locale = source.locale  # read once: the ingest and the log entry ask for it
    copied = original if original.live else original.get_latest_revision_as_object()
    parent, parent_edition, edition = parent_and_editions(copied, locale)
    if edition is not None or parent is None or parent.is_root() or parent_edition is None:
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
    # Cleaned above: nothing below refuses it, and a database error fails the caller's
    # transaction whatever savepoint it is in.
    with transaction.atomic(savepoint=False):
        with slug_known_free(target), children_inserted_after(target):
            parent_edition.add_child(instance=target)
        _copy_m2m_relations(copied, target, exclude_fields=excluded, update_attrs=attributes)
        # A page just created has no comments: Wagtail's revision reads them twice otherwise.
        setattr(target, COMMENTS_RELATION_NAME, [])
        revision = target.save_revision(user=user, clean=False)
        _log_copy(copied, parent, parent_edition, target, user)
        sync_view_restrictions(source, original, target)
    copy_for_translation_done.send(
        sender=CopyPageForTranslationAction, source_obj=original, target_obj=target
    )
    TranslationLog.objects.create(source=source, locale=locale, revision=revision)
    return target


def parent_and_editions(page, locale):
    """``(parent, parent's edition, page's edition)`` in ``locale`` of ``page``, each None
    where there is none, read in one query (Wagtail's ``get_parent`` and
    ``get_translation``, and whether the page has an edition there). A union, each part
    through its unique index: the same conditions or'ed together read the whole page table
    (30 ms at 100,000 articles a language)."""
    parent_path = page.path[: -page.steplen]
    parent = Page.objects.filter(path=parent_path).order_by()
    editions = Page.objects.filter(locale_id=pk(locale)).order_by()
    rows = parent.union(
        editions.filter(translation_key__in=parent.values("translation_key")),
        editions.filter(translation_key=page.translation_key),
        all=True,
    )
    parent = parent_edition = edition = None
    for row in rows:
        if row.path == parent_path:
            parent = row
        if row.translation_key == page.translation_key:
            edition = row
        elif row.locale_id == pk(locale):
            parent_edition = row
    return parent, parent_edition, edition


@contextmanager
def children_inserted_after(page):
    """Within it, the save of a new page writes none of its child relations held in memory:
    they are inserted after it, a query a relation, and kept in memory for the revision
    that follows. modelcluster's save reads each relation's rows to delete those not kept (a
    new page has none) and saves each child on its own, each with a reference index update
    that is the page's (its own save enqueues it, and its revision's save once the children
    are written)."""
    children = {}

    def save_base(*args, **kwargs):
        # Taken as the row is written: the page's own ``save`` has prepared its children
        # (an article points its topic links at their editions).
        held = getattr(page, "_cluster_related_objects", {})
        children.update(held)
        held.clear()
        return type(page).save_base(page, *args, **kwargs)

    page.save_base = save_base
    try:
        yield
    finally:
        del page.save_base
    for relation in get_all_child_relations(page):
        if items := children.get(relation.get_accessor_name()):
            for item in items:
                setattr(item, relation.field.name, page)
            relation.related_model._base_manager.bulk_create(items)
    if children:  # taken from there
        page._cluster_related_objects.update(children)


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
