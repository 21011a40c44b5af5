"""The vocabulary the demo content is written in.

Every text is a ``T``: its Lithuanian source and its English translation side by side. A body
is a tuple of blocks made with the helpers below; their values are trees of dicts (StructBlock
values), lists (ListBlock items), ``T`` texts and ``ImageRef`` references, turned into
StreamField data for one language by ``news.demo.build``.
"""

from dataclasses import dataclass
from typing import NamedTuple


class T(NamedTuple):
    """One text in Lithuanian (the source language) and English; ``en`` None: Lithuanian only."""

    lt: str
    en: str | None = None


BLANK = T("", "")


class ImageRef(NamedTuple):
    """A demo image by its key in ``news.demo.illustrations.ILLUSTRATIONS``."""

    key: str


@dataclass(frozen=True)
class Hero:
    image: str  # key of the illustration
    alt: T


@dataclass(frozen=True)
class SectionSpec:
    """A home page or a news index: a title and an introduction."""

    slug: T
    title: T
    intro: T


@dataclass(frozen=True)
class ArticleSpec:
    key: str  # stable name, the seed of the StreamField block ids
    slug: T
    title: T
    lead: T
    days_ago: int  # publication date, counted back from the day the demo is loaded
    # Topics (news.Topic snippets): the Lithuanian topic and its English translation; the
    # English edition of the article gets the English topics through wagtail-localize.
    topics: tuple[T, ...]
    body: tuple[tuple[str, object], ...]
    hero: Hero | None = None
    english: bool = True  # False: a Lithuanian-only article, never translated


def heading(text, level="h2"):
    return ("heading", {"text": text, "level": level})


def paragraphs(*texts):
    """One rich text block; each text (inline HTML allowed) becomes a ``<p>``."""
    return ("paragraph", _html(texts))


def _html(texts):
    lt = "".join(f"<p>{text.lt}</p>" for text in texts)
    if any(text.en is None for text in texts):
        return T(lt)
    return T(lt, "".join(f"<p>{text.en}</p>" for text in texts))


def quote(text, attribution=BLANK, style="quote"):
    return ("quote", {"text": text, "attribution": attribution, "style": style})


def callout(text):
    return quote(text, style="callout")


def image(key, alt, caption=BLANK):
    return ("image", {"image": ImageRef(key), "alt_text": alt, "caption": caption})


def initiatives(heading_text, *items):
    return ("initiatives", {"heading": heading_text, "items": list(items)})


def initiative(label, text):
    return {"label": label, "text": text}


def indicator_table(caption, *rows):
    return ("indicator_table", {"caption": caption, "rows": list(rows)})


def row(indicator, value, note=BLANK):
    return {"indicator": indicator, "value": value, "note": note}


def references(heading_text, *items):
    return ("references", {"heading": heading_text, "items": list(items)})


def reference(title, publisher, url=""):
    return {"title": title, "publisher": publisher, "url": url, "accessed": None}
