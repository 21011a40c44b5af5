"""A translation longer than its field may hold is kept, flagged, and not copied to the page.

A page's title and slug, and any other text field with a maximum length, are segments like
any other: a translator may type a title of 300 characters. wagtail-localize stored it and
copied it to the page's draft title at once, which PostgreSQL refuses (value too long: the
translation editor answered 500, the PO import failed), and Django's validation would refuse
it at publish. Such a translation is stored with the error the translation editor shows
beside it (``has_error`` and ``field_error``, as wagtail-localize records a validation error
at publish), so it counts as untranslated until it is shortened, and only a translation
without an error becomes the draft title (``take_over()``, the app's ``ready()``, replaces
wagtail-localize's receiver that copies it).
"""

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.core.validators import MaxLengthValidator
from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver
from wagtail_localize import models as localize_models
from wagtail_localize.models import StringTranslation, TranslationSource


def max_length_of(context):
    """The maximum length of the model field a context names (a field of the model itself,
    not a block of a stream), or None."""
    if "." in context.path:
        return None
    source = TranslationSource.objects.filter(object_id=context.object_id).first()
    if source is None:
        return None
    try:
        field = source.specific_content_type.model_class()._meta.get_field(context.path)
    except FieldDoesNotExist:
        return None
    return getattr(field, "max_length", None)


@receiver(pre_save, sender=StringTranslation)
def flag_text_too_long(sender, instance, raw=False, **kwargs):
    if raw:
        return
    max_length = max_length_of(instance.context)
    if max_length is None:
        return
    try:
        MaxLengthValidator(max_length)(instance.data)
    except ValidationError as error:
        instance.has_error = True
        instance.field_error = error.messages[0]


def draft_title_from_translation(sender, instance, **kwargs):
    if not instance.has_error:
        localize_models.post_save_string_translation(instance, **kwargs)


def take_over():
    post_save.disconnect(localize_models.post_save_string_translation, sender=StringTranslation)
    post_save.connect(draft_title_from_translation, sender=StringTranslation)
