"""Signal receivers of the translation workflow (connected in ``NewsConfig.ready``).

* Translators get their page permissions on an edition's root page as soon as an edition in
  a translation locale is created (``news.translation.roles``).
* A sync or a submission fills new segments from translation memory.
* Moving a source page moves its translations (and aliases) to the matching parent of their
  locale, whatever moved it: the admin's move view, a bulk move, code (wagtail-localize #469).
  A translation moved on its own moves alone.
* A translator's title gives the translation its slug, transliterated to ASCII, while the
  slug is not translated yet (otherwise the English page keeps the Lithuanian slug).
* Publishing a page corrects a stale ``numchild``: wagtail-localize publishes a new
  translation from a revision whose page object was loaded before its children were added
  when a subtree is submitted, which left the tree invalid (wagtail-localize #773).
* Deleting a page, a translation or a translation source, moving a page or saving the fields
  that decide whether the Translations report counts it gives the report a new version: its
  kept count is counted again (``news.translation.report_count``).
"""

import contextvars
import logging

from django.apps import apps
from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.text import slugify
from wagtail.actions.move_page import MovePageAction
from wagtail.coreutils import find_available_slug
from wagtail.models import Page
from wagtail.signals import page_published, post_page_move
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from .memory import fill_from_memory
from .report_count import COUNTED_FIELDS, report_changed
from .roles import grant_translators_on_editions
from .status import translation_sources

logger = logging.getLogger(__name__)
_moving_translations = contextvars.ContextVar("moving_translations", default=False)


# A lazy sender: home.models imports news.models, so HomePage cannot be imported here.
@receiver(post_save, sender="home.HomePage")
def grant_translators_on_new_edition(sender, instance, created, raw=False, **kwargs):
    in_translation_locale = instance.locale.language_code != settings.LANGUAGE_CODE
    if created and not raw and instance.depth == 2 and in_translation_locale:
        grant_translators_on_editions(apps, [instance])


@receiver(post_save, sender=Translation)
def fill_new_translation_from_memory(sender, instance, raw=False, **kwargs):
    if instance.enabled and not raw:
        fill_from_memory(instance)


@receiver(post_save, sender=StringSegment)
def fill_new_segment_from_memory(sender, instance, created, raw=False, **kwargs):
    if not created or raw:
        return
    segment = StringSegment.objects.filter(pk=instance.pk)
    for translation in Translation.objects.filter(source_id=instance.source_id, enabled=True):
        fill_from_memory(translation, segments=segment)


@receiver(post_save, sender=StringTranslation)
def slug_from_translated_title(sender, instance, raw=False, **kwargs):
    if raw or instance.translation_type != StringTranslation.TRANSLATION_TYPE_MANUAL:
        return
    if instance.has_error or instance.context.path != "title":  # news.translation.lengths
        return
    slug_segment = (
        StringSegment.objects.filter(
            context__object_id=instance.context.object_id, context__path="slug"
        )
        .order_by("-source__last_updated_at")
        .first()
    )
    slug = slugify(instance.data)
    if slug_segment is None or not slug:
        return
    StringTranslation.objects.get_or_create(
        translation_of_id=slug_segment.string_id,
        context_id=slug_segment.context_id,
        locale_id=instance.locale_id,
        defaults={
            "data": slug,
            "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
            "tool_name": instance.tool_name,  # made the way its title was (editor, PO file)
            "last_translated_by": instance.last_translated_by,
        },
    )


@receiver(post_page_move)
def move_translations_with_page(sender, instance, parent_page_before, parent_page_after, **kwargs):
    if parent_page_before.pk == parent_page_after.pk or _moving_translations.get():
        return
    if not translation_sources(Page.objects.filter(pk=instance.pk)).exists():
        return  # a translation moved on its own: its source stays where it is
    token = _moving_translations.set(True)
    try:
        for translation in Page.objects.filter(translation_key=instance.translation_key).exclude(
            pk=instance.pk
        ):
            _follow(translation, parent_page_before, parent_page_after)
    finally:
        _moving_translations.reset(token)


def _follow(translation, parent_before, parent_after):
    """Move one translation of a moved page under the translation of its new parent."""
    if translation.get_parent().translation_key != parent_before.translation_key:
        return  # it was not beside its source: someone placed it elsewhere on purpose
    destination = Page.objects.filter(
        translation_key=parent_after.translation_key, locale_id=translation.locale_id
    ).first()
    if destination is None:
        logger.warning(
            "Page %s moved, but %s has no %s translation to move its translation %s to.",
            parent_after.pk,
            parent_after,
            translation.locale,
            translation.pk,
        )
        return
    if not Page._slug_is_available(translation.slug, destination, page=translation):
        translation.slug = find_available_slug(destination, translation.slug)
        Page.objects.filter(pk=translation.pk).update(slug=translation.slug)
    MovePageAction(translation, destination, pos="last-child").execute(skip_permission_checks=True)


@receiver(page_published)
def correct_numchild(sender, instance, **kwargs):
    if instance.numchild == 0 and not type(instance).allowed_subpage_models():
        # Nothing to count under a page of a type that may hold none (an article): the
        # count a subtree's translation leaves stale is its parents' (#773).
        return
    actual = Page.objects.filter(path__startswith=instance.path, depth=instance.depth + 1).count()
    # The publish has just saved the page with the count it holds: its row changes only
    # when that count is wrong.
    if instance.numchild != actual:
        instance.numchild = actual
        Page.objects.filter(pk=instance.pk).update(numchild=actual)


@receiver(post_delete)
def recount_after_delete(sender, instance, **kwargs):
    if isinstance(instance, Page | Translation | TranslationSource):
        report_changed()


@receiver(post_save)
def recount_after_counted_fields_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    """A page made an alias or no longer one (Wagtail and wagtail-localize save ``alias_of``
    alone), or loaded from a fixture (its id may be older than the newest)."""
    if not isinstance(instance, Page):
        return
    if raw or (update_fields is not None and not COUNTED_FIELDS.isdisjoint(update_fields)):
        report_changed()


@receiver(post_page_move)
def recount_after_move(sender, instance, **kwargs):
    # A draft moved under or away from someone's permissions: they see it, or no longer.
    report_changed()
