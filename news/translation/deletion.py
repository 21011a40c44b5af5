"""What deleting an edition of translated content removes of wagtail-localize's records.

wagtail-localize's own handler (``cleanup_translation_on_delete``) deletes the edition's
string translations, overrides and translations, and then, when no translation of the object
is left, everything it knows of the object: its ``TranslatableObject``, and by cascade the
object's sources and contexts, and the ``RelatedObjectSegment`` of every other source that
links the object. Deleting a topic's English edition so took the topic out of the segments of
every article filed under it, though the Lithuanian topic was still there: their translations
lost the topic until each article's next sync, and the topic's own source, with its
translation memory, was gone.

Here the full cleanup is left for when the object's source is gone too: while an edition in
the locale of one of its sources remains, only the deleted edition's records go (its string
translations, overrides and translations, as the library deletes them first). Settings turn
the library's handler to disabling translations (``WAGTAILLOCALIZE_DISABLE_ON_DELETE``),
which this one then deletes; ``connect()`` (the app's ``ready()``) connects it to every
translatable model, as the library connects its own.
"""

from django.db.models import Q
from django.db.models.signals import post_delete
from wagtail.models import get_translatable_models
from wagtail_localize.models import (
    SegmentOverride,
    StringTranslation,
    Translation,
    TranslationSource,
    cleanup_translation_on_delete,
)


def source_edition_remains(instance):
    """Whether an edition of the deleted instance's object remains in a source locale."""
    key = instance.translation_key
    source_locales = TranslationSource.objects.filter(object_id=key).values("locale_id")
    return (
        instance.get_translation_model()
        .objects.filter(translation_key=key, locale_id__in=source_locales)
        .exists()
    )


def forget_edition(instance):
    """The records of the deleted edition alone: what the library deletes before it checks
    whether any translation of the object is left."""
    key, locale_id = instance.translation_key, instance.locale_id
    StringTranslation.objects.filter(context__object_id=key, locale=locale_id).delete()
    SegmentOverride.objects.filter(context__object__translation_key=key, locale=locale_id).delete()
    Translation.objects.filter(source__object_id=key).filter(
        Q(source__locale_id=locale_id) | Q(target_locale_id=locale_id)
    ).delete()


def on_delete(instance, **kwargs):
    if source_edition_remains(instance):
        forget_edition(instance)
    else:
        cleanup_translation_on_delete(instance, **kwargs)


def connect():
    for model in get_translatable_models():
        post_delete.connect(on_delete, sender=model, dispatch_uid=f"news-on-delete-{model}")
