"""Turn content specs into unsaved Wagtail page instances, in one language.

Both editions of a page get the same StreamField block ids (uuid5 of the article key and the
block's position), so wagtail-localize gives their segments the same paths and the English
texts can be paired with the Lithuanian segments they translate.
"""

import datetime
import uuid

from news.models import ArticlePage

from .spec import ArticleSpec, ImageRef, T

BLOCK_ID_NAMESPACE = uuid.UUID("6f1f6a0e-5a43-4c1e-9a86-3f7f2b5d0c11")


def text(value, language):
    """The text of a ``T`` in a language: an error if the content lacks that language."""
    result = getattr(value, language)
    if result is None:
        raise ValueError(f"No {language!r} text for {value.lt!r}")
    return result


def block_id(path):
    return str(uuid.uuid5(BLOCK_ID_NAMESPACE, path))


def stream_data(key, blocks, language, images):
    """The JSON of a StreamField: ``[{"type", "value", "id"}]`` with stable ids."""
    return [
        {
            "type": block_type,
            "value": _block_value(value, language, images, f"{key}/{position}"),
            "id": block_id(f"{key}/{position}"),
        }
        for position, (block_type, value) in enumerate(blocks)
    ]


def _block_value(value, language, images, path):
    if isinstance(value, T):
        return text(value, language)
    if isinstance(value, ImageRef):
        return images[value.key].pk
    if isinstance(value, dict):
        return {
            name: _block_value(child, language, images, f"{path}/{name}")
            for name, child in value.items()
        }
    if isinstance(value, list):
        # ListBlock items in their block format, which wagtail-localize needs to extract them.
        return [
            {
                "type": "item",
                "value": _block_value(item, language, images, f"{path}/{index}"),
                "id": block_id(f"{path}/{index}"),
            }
            for index, item in enumerate(value)
        ]
    return value


def section_page(model, spec, language, locale):
    """A home page or news index."""
    return model(
        locale=locale,
        title=text(spec.title, language),
        slug=text(spec.slug, language),
        intro=text(spec.intro, language),
    )


def article_page(spec: ArticleSpec, language, locale, images, today):
    hero = spec.hero
    return ArticlePage(
        locale=locale,
        title=text(spec.title, language),
        slug=text(spec.slug, language),
        lead=text(spec.lead, language),
        publication_date=today - datetime.timedelta(days=spec.days_ago),
        hero_image=images[hero.image] if hero else None,
        hero_image_alt=text(hero.alt, language) if hero else "",
        body=stream_data(spec.key, spec.body, language, images),
    )
