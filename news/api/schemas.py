"""Response schemas of the content API (OpenAPI at /api/v3/openapi.json)."""

import datetime
from typing import Annotated, Literal

from ninja import Field, Schema
from wagtail.api.rich_text import RichTextOutputFormat

from news.models import CARD_IMAGE_SPEC, SOCIAL_IMAGE_SPEC

from .content import LocaleCode

# Named renditions: the keys are part of the API contract, the specs may change.
CARD_RENDITIONS = {"card": CARD_IMAGE_SPEC}
HERO_RENDITIONS = {
    "card": CARD_IMAGE_SPEC,
    "medium": "width-800",
    "large": "width-1600",
    "social": SOCIAL_IMAGE_SPEC,
}
BODY_IMAGE_RENDITIONS = {"medium": "width-800", "large": "width-1600"}


class Rendition(Schema):
    url: str = Field(description="Absolute URL of the resized image file.")
    width: int
    height: int


class CardRenditions(Schema):
    card: Rendition = Field(description=f"`{CARD_IMAGE_SPEC}`, for listings.")


class HeroRenditions(Schema):
    card: Rendition = Field(description=f"`{HERO_RENDITIONS['card']}`, for listings.")
    medium: Rendition = Field(description=f"`{HERO_RENDITIONS['medium']}`.")
    large: Rendition = Field(description=f"`{HERO_RENDITIONS['large']}`.")
    social: Rendition = Field(description=f"`{HERO_RENDITIONS['social']}`, for social cards.")


class BodyImageRenditions(Schema):
    medium: Rendition = Field(description=f"`{BODY_IMAGE_RENDITIONS['medium']}`.")
    large: Rendition = Field(description=f"`{BODY_IMAGE_RENDITIONS['large']}`.")


class CardImage(Schema):
    id: int
    alt: str = Field(description="Alternative text, in the language of the page.")
    renditions: CardRenditions


class HeroImage(Schema):
    id: int
    alt: str = Field(description="Alternative text, in the language of the page.")
    credit: str = Field("", description="Photo credit, in the language of the page.")
    renditions: HeroRenditions


class Translation(Schema):
    locale: LocaleCode
    id: int
    url: str | None = Field(description="Absolute URL of this edition on the website.")
    title: str


class Topic(Schema):
    id: int
    name: str = Field(description="In the language of the article.")
    slug: str = Field(description="In the language of the article: the `topic` filter's value.")
    url: str = Field(description="Absolute URL of the topic page on the website.")


class Byline(Schema):
    id: int
    name: str
    role: str
    url: str = Field(description="Absolute URL of the author's page in this language.")


class PageLink(Schema):
    id: int
    title: str
    url: str | None


PAGE_FIELDS_DOC = {
    "url": "Absolute URL of the page on the website, with its language prefix.",
    "translations": (
        "The other live editions of this page, one per locale, in the order of "
        "settings.LANGUAGES; empty when there are none."
    ),
    "fallback": (
        "True when this edition is served in place of an edition in the requested "
        "locale that does not exist (see the `fallback` parameter)."
    ),
}


class ArticleSummary(Schema):
    type: Literal["news.ArticlePage"] = "news.ArticlePage"
    id: int
    title: str
    slug: str
    locale: LocaleCode
    fallback: bool = Field(False, description=PAGE_FIELDS_DOC["fallback"])
    url: str | None = Field(description=PAGE_FIELDS_DOC["url"])
    detail_url: str = Field(description="This article in the API.")
    lead: str
    publication_date: datetime.date
    topics: list[Topic]
    authors: list[Byline] = Field(description="The article's authors, in byline order.")
    hero_image: CardImage | None
    translations: list[Translation] = Field(description=PAGE_FIELDS_DOC["translations"])


# Body blocks: one schema per block type of news.blocks.ArticleBodyBlock, tagged by `type`.


class HeadingValue(Schema):
    text: str
    level: Literal["h2", "h3"]


class HeadingBlock(Schema):
    type: Literal["heading"]
    id: str | None
    value: HeadingValue


class ParagraphBlock(Schema):
    type: Literal["paragraph"]
    id: str | None
    value: str = Field(description="Rich text, in the format named by `rich_text_format`.")


class BodyImage(Schema):
    id: int
    width: int = Field(description="Width of the original image.")
    height: int = Field(description="Height of the original image.")
    renditions: BodyImageRenditions


class ImageValue(Schema):
    image: BodyImage | None = Field(description="Null when the image has been deleted.")
    alt: str
    caption: str
    credit: str = Field("", description="Photo credit, shown under the image.")


class ImageBlock(Schema):
    type: Literal["image"]
    id: str | None
    value: ImageValue


class QuoteValue(Schema):
    text: str
    attribution: str
    style: Literal["quote", "callout"]


class QuoteBlock(Schema):
    type: Literal["quote"]
    id: str | None
    value: QuoteValue


class VideoValue(Schema):
    url: str = Field(description="The video's address on YouTube or Vimeo.")
    player_url: str = Field(description="Its embeddable player (an iframe's src).")
    caption: str


class VideoBlock(Schema):
    type: Literal["video"]
    id: str | None
    value: VideoValue


class Initiative(Schema):
    label: str
    text: str


class InitiativesValue(Schema):
    heading: str
    items: list[Initiative]


class InitiativesBlock(Schema):
    type: Literal["initiatives"]
    id: str | None
    value: InitiativesValue


class IndicatorRow(Schema):
    indicator: str
    value: str
    note: str


class IndicatorTableValue(Schema):
    caption: str
    rows: list[IndicatorRow]


class IndicatorTableBlock(Schema):
    type: Literal["indicator_table"]
    id: str | None
    value: IndicatorTableValue


class Reference(Schema):
    anchor: str = Field(description="Id of the item in the article's HTML: ref-1, ref-2, ...")
    title: str
    publisher: str
    url: str | None
    accessed: datetime.date | None


class ReferencesValue(Schema):
    heading: str
    items: list[Reference]


class ReferencesBlock(Schema):
    type: Literal["references"]
    id: str | None
    value: ReferencesValue


BodyBlock = Annotated[
    HeadingBlock
    | ParagraphBlock
    | ImageBlock
    | QuoteBlock
    | VideoBlock
    | InitiativesBlock
    | IndicatorTableBlock
    | ReferencesBlock,
    Field(discriminator="type"),
]


class ArticleDetail(ArticleSummary):
    hero_image: HeroImage | None
    seo_title: str
    search_description: str
    first_published_at: datetime.datetime | None
    last_published_at: datetime.datetime | None
    draft: bool = Field(False, description="True for the latest draft (`version=draft`).")
    rich_text_format: RichTextOutputFormat
    body: list[BodyBlock]


class ArticleList(Schema):
    count: int = Field(description="Number of articles matching the query, all pages together.")
    next: str | None = Field(
        description=(
            "Absolute URL of the next page: this query with a `cursor` in place of `offset`; "
            "null on the last page. It costs the same however deep it goes."
        )
    )
    items: list[ArticleSummary]


class MoreNews(Schema):
    items: list[ArticleSummary]
