"""Saving a translated page: its draft, or its publication with one page save.

wagtail-localize's ``Translation.save_target(publish=True)`` rebuilds the source page from
its stored JSON, saves the translated page's row, saves a revision (cleaning the page), and
publishes that revision once the transaction commits: Wagtail's publish rebuilds the page
from the revision's JSON (checking each foreign key again), cleans it again and saves the
row again. ``publish_target`` does the same for a translated page that exists with one
revision, and the publish of that revision from the page in memory, inside the caller's
transaction: a failed publish rolls back with it, and the reference and search
index tasks of a sync are enqueued once (``news.queue.backends.index_updates_once``).

A sync passes the source page it has just stored (``update_from_db``) instead of having
it rebuilt from the same JSON. Ingesting segments writes the translated blocks into the
source's stream values, so an instance serves one target only.

What the fast path does not cover goes through wagtail-localize's own: a target not
created yet (``copy_for_translation``), an alias (its conversion), a snippet. A page that
fails validation is refused before anything is written, and the translations of the fields
at fault are flagged as wagtail-localize flags them.
"""

from contextlib import contextmanager
from functools import partial

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import transaction
from django.db.models import prefetch_related_objects
from django.utils.text import slugify
from modelcluster.models import ClusterableModel
from wagtail.actions.base import BaseAction
from wagtail.actions.publish_page_revision import PublishPageRevisionAction
from wagtail.coreutils import find_available_slug
from wagtail.models import Page, Revision
from wagtail.permissions import policy_registry
from wagtail_localize.fields import copy_synchronised_fields
from wagtail_localize.models import (
    SegmentOverride,
    StringSegment,
    StringTranslation,
    TranslationLog,
)
from wagtail_localize.segments.ingest import ingest_segments

from news.validation import clean_without_lookups

from .related_objects import editions_read_together


class PublishRevisionInMemory(PublishPageRevisionAction):
    """Wagtail's publish of a page revision just saved (in the same transaction), given the
    page it was saved from rather than reading it back from the revision's JSON.

    ``stored``: the page's ``StoredPage`` as read before this revision, which answers what
    the publish asks of the revision before it (whether there is one, and the page's title
    then, for a "renamed" log entry) without reading both again."""

    def __init__(self, revision, page, stored, user=None):
        BaseAction.__init__(self, page, user=user)
        self.revision = revision
        self.object = page
        self.stored = stored
        self.permission_policy = policy_registry.get(page)
        self.changed = True
        self.log_action = True
        self.previous_revision = None

    def _publish_revision(self, revision, object, *args, **kwargs):  # noqa: A002 - Wagtail's name
        # The page was cleaned before its revision was saved, a moment before in the same
        # transaction, and the publish changes only its publishing fields: the publish's
        # save would clean it again, looking up each of its foreign keys once more.
        object.full_clean = _already_cleaned
        # Nor does the revision need to be compared with the page's others: it is the latest.
        revision.is_latest_revision = _latest
        revision.get_previous = self.stored.previous_revision
        try:
            return super()._publish_revision(revision, object, *args, **kwargs)
        finally:
            del object.full_clean, revision.is_latest_revision, revision.get_previous


def _already_cleaned(*args, **kwargs):
    """A cleaned page's ``full_clean`` while it is published (see above)."""


def _latest():
    """A revision just saved's ``is_latest_revision`` while it is published (see above)."""
    return True


def clean_with_slug_found(target):
    """Clean ``target`` (``clean_without_lookups``) but for what is known of a page whose
    slug is free among its siblings (``find_available_slug`` has just chosen it, or it is
    the one stored) and whose place in the tree (path, depth) is its own: read from the
    database, or not given yet (treebeard's ``add_child`` gives it)."""
    with slug_known_free(target):
        clean_without_lookups(target, exclude=["path", "depth"])


@contextmanager
def slug_known_free(page):
    """Within it, Wagtail's validation of ``page`` does not ask again whether its slug is
    free among its siblings (a query): it is known to be (see above)."""
    page._check_slug_is_unique = _slug_just_found
    try:
        yield
    finally:
        del page._check_slug_is_unique


def _slug_just_found():
    """The ``_check_slug_is_unique`` of a page whose slug is known to be free (see above)."""


class StoredPage:
    """What a publish needs of a target page as read, before its translations are ingested:
    its slug (a translated slug that is still the stored one is the page's own, free among
    its siblings: Wagtail's save checked it), its name, and whether it had a revision."""

    def __init__(self, page):
        self.slug = page.slug
        self.name = str(page)
        self.had_revision = page.latest_revision_id is not None

    def previous_revision(self):
        """``Revision.get_previous()`` of the revision saved over the stored page, for what
        Wagtail's publish reads of it: its object's name (``str(content_object)``, the page
        row, which still holds the stored title when the publish compares them)."""
        if not self.had_revision:
            raise Revision.DoesNotExist
        return _PreviousRevision(self.name)


class _PreviousRevision:
    """What Wagtail's publish reads of the previous revision: ``str(content_object)``."""

    def __init__(self, name):
        self.content_object = name


def sync_view_restrictions(source, original, target):
    """wagtail-localize's ``sync_view_restrictions``, which asks whether each page has a view
    restriction: both asked in one query."""
    pages = [original, target]
    prefetch_related_objects(pages, "view_restrictions")
    try:
        source.sync_view_restrictions(original, target)
    finally:
        for page in pages:  # what it writes is not in the pages' cache: none kept
            page._prefetched_objects_cache.pop("view_restrictions", None)


# modelcluster's copy of a child relation, without the transaction it runs in.
_COPY_CHILD_RELATION = ClusterableModel.copy_child_relation
_COPY_CHILD_RELATION_ALONE = _COPY_CHILD_RELATION.__wrapped__


@contextmanager
def child_relations_copied_in_memory(original):
    """Within it, the copies of ``original``'s child relations (``commit=False``: into
    memory) are made without a savepoint around each: modelcluster's
    ``copy_child_relation`` runs in a transaction of its own, two queries a relation that
    guard nothing, as nothing is written."""
    if getattr(type(original), "copy_child_relation", None) is not _COPY_CHILD_RELATION:
        yield  # a model's own copy keeps its ways
        return
    original.copy_child_relation = partial(_COPY_CHILD_RELATION_ALONE, original)
    try:
        yield
    finally:
        del original.copy_child_relation


def ingest_translations(source, locale, original, target):
    """Bring into ``target`` the translations into ``locale`` made so far (the source text
    where there is none) and the synchronised fields, as wagtail-localize builds a
    translated instance from ``original``, the source's instance."""
    with child_relations_copied_in_memory(original):
        copy_synchronised_fields(original, target)
    with editions_read_together(source, locale):
        segments = source._get_segments_for_translation(locale, fallback=True)
        ingest_segments(original, target, source.locale, locale, segments)


def target_page(translation):
    """The existing target page of ``translation``, as stored; None when the target is not a
    page of its own (not created yet, an alias)."""
    source = translation.source
    model = source.specific_content_type.model_class()
    if not issubclass(model, Page):
        return None
    try:
        # Whether it is a site's root read with it (Wagtail's own annotation): Wagtail's save
        # asks at every save otherwise (the revision's and the publish's).
        target = model._default_manager.annotate_site_root_state().get(
            translation_key=source.object_id, locale_id=translation.target_locale_id
        )
    except ObjectDoesNotExist:
        return None
    if target.alias_of_id:
        return None
    target.locale = translation.target_locale  # the locale it was read in, not read again
    return target


def translated_page(translation, original=None, target=None):
    """``(original, target, stored)``: the source page, the existing target page of
    ``translation`` with the translations made so far (the source text where there is none),
    unsaved, as wagtail-localize's ``get_ephemeral_translated_instance`` builds it (from
    ``original`` and ``target`` as stored when given), and the target's ``StoredPage``. None
    when the target is not a page of its own (``target_page``)."""
    target = target or target_page(translation)
    if target is None:
        return None
    stored = StoredPage(target)
    original = original or translation.source.as_instance()
    ingest_translations(translation.source, translation.target_locale, original, target)
    return original, target, stored


def save_draft(translation, user=None, original=None, target=None):
    """A draft revision of the target page with the translations made so far.

    Missing segments show their source text in the draft (which only the admin sees); the
    page row, and so the live page, stays as last published. None where there is no page
    with drafts (an alias mirrors its source)."""
    pages = translated_page(translation, original, target)
    if pages is None:
        return None
    original, target, _stored = pages
    revision = target.save_revision(user=user, clean=False)
    sync_view_restrictions(translation.source, original, target)
    return revision


def publish_target(translation, user=None, original=None, target=None):
    """Publish the target of ``translation`` as its translations stand (the source text
    where there is none): ``Translation.save_target(publish=True)`` with one page save."""
    pages = translated_page(translation, original, target)
    if pages is None:
        translation.save_target(user=user, publish=True)
        return
    original, target, stored = pages
    target.slug = slugify(target.slug)
    if target.slug != stored.slug:
        target.slug = find_available_slug(
            target.get_parent(), target.slug, ignore_page_id=target.id
        )
    try:
        # Cleaned before anything is written (the revision keeps the title, which PostgreSQL
        # would refuse past its length), once; its foreign keys are the target's own, as
        # read, and the source's synchronised ones (news.validation).
        clean_with_slug_found(target)
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            flag_field_errors(translation, error)
        raise
    # Nothing is refused past the clean: what fails from here fails the caller's whole
    # transaction, so no savepoint of its own (two queries a page in a sync).
    with transaction.atomic(savepoint=False):
        revision = target.save_revision(user=user, clean=False)
        PublishRevisionInMemory(revision, target, stored, user=user).execute(
            skip_permission_checks=True
        )
        sync_view_restrictions(translation.source, original, target)
        TranslationLog.objects.create(
            source=translation.source, locale=translation.target_locale, revision=revision
        )


def flag_field_errors(translation, error):
    """Flag the translation (or override) of each field that failed validation, as
    wagtail-localize does, so that the translation editor shows the translator what to fix.
    (wagtail-localize's own path fails with an AttributeError on a field's length error,
    which Page.save raises without field names.)"""
    source = translation.source
    for field_name, errors in error.error_dict.items():
        in_field = {
            "context__object_id": source.object_id,
            "context__path": field_name,
            "locale_id": translation.target_locale_id,
        }
        strings = StringTranslation.objects.filter(
            translation_of_id__in=StringSegment.objects.filter(source=source).values("string_id"),
            **in_field,
        )
        for flagged in [*strings, *SegmentOverride.objects.filter(**in_field)]:
            flagged.set_field_error(errors)
