"""The demo's topics: found again by slug (Lithuanian) or translation key (English).

English editions are made through wagtail-localize, as a translator makes them with the
snippet's "Translate" action: the name, slug and description are the translated segments.
"""

from wagtail.coreutils import cautious_slugify

from news.models import Topic

from . import translation


def ensure_topic(name, locale, source=None, user=None):
    """The topic ``name`` in ``locale`` (the translation of ``source`` when given), made if
    missing; returns ``(topic, created)``."""
    slug = cautious_slugify(name)
    if source is not None:
        existing = Topic.objects.filter(
            translation_key=source.translation_key, locale=locale
        ).first()
        if existing is not None:
            return existing, False
        english = Topic(locale=locale, name=name, slug=slug, description="")
        return translation.translate_snippet(source, english, user=user), True
    existing = Topic.objects.filter(locale=locale, slug=slug).first()
    if existing is not None:
        return existing, False
    return Topic.objects.create(locale=locale, name=name, slug=slug), True
