"""wagtail-localize's content types answered from Django's cache (wagtail-localize, taken over).

A translation source (``specific_content_type``) and a translatable object
(``content_type``) name their model through a foreign key to ``ContentType``, which Django
reads from the database at each first access on an instance: loading a source's page, its
translated page, and asking whether each topic it links to is translated each cost a query
(four of an article's sync). Content types never change once created, and Django keeps them
in a cache per process (``ContentType.objects.get_for_id``, what its generic foreign keys
use). ``take_over()`` (the app's ``ready()``) makes those two foreign keys read it.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models.fields.related_descriptors import ForwardManyToOneDescriptor
from wagtail_localize.models import TranslatableObject, TranslationSource


class CachedContentTypeDescriptor(ForwardManyToOneDescriptor):
    """A foreign key to ``ContentType`` whose instance comes from Django's cache of them."""

    def get_object(self, instance):
        content_types = ContentType.objects.db_manager(instance._state.db)
        return content_types.get_for_id(getattr(instance, self.field.attname))


# The foreign keys taken over, by model: the name of each.
CONTENT_TYPE_FIELDS = {
    TranslationSource: "specific_content_type",
    TranslatableObject: "content_type",
}


def take_over():
    for model, name in CONTENT_TYPE_FIELDS.items():
        setattr(model, name, CachedContentTypeDescriptor(model._meta.get_field(name)))
