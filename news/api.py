"""Content API for articles: typed, locale-aware, built on Wagtail's API v3 (django-ninja).

cms/api.py mounts the router below on Wagtail's own v3 API, next to its pages, images and
documents endpoints, so one OpenAPI schema at /api/v3/openapi.json describes them all.

What anonymous readers may see is decided once, in `PublicContent`: live pages of the site
that answered the request (any of its language editions), outside every view restriction.
Every query below starts from it, and none of them costs a query per item: topics, image
renditions, editions (translations) and rich-text links are all fetched in bulk.
"""

import base64
import datetime
import hashlib
import json
import re
import uuid
from functools import wraps
from typing import Annotated, Literal, NamedTuple

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Prefetch, Q, prefetch_related_objects
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.http import http_date
from ninja import Field, Path, Query, Router, Schema
from pydantic import field_validator, model_validator
from taggit.models import Tag
from wagtail.api.rich_text import APIRichText, RichTextOutputFormat
from wagtail.api.utils import get_full_url
from wagtail.api.v3.auth import AllowAnonymous, BearerTokenAuth
from wagtail.api.v3.errors import as_validation_error
from wagtail.images import get_image_model
from wagtail.images.models import SourceImageIOError
from wagtail.models import Locale, Page, Site
from wagtail.rich_text import features as rich_text_features
from wagtail.rich_text.rewriters import EmbedRewriter, LinkRewriter, MultiRuleRewriter
from wagtail.search.backends import get_search_backend

from .blocks import RICH_TEXT_FEATURES
from .models import (
    CARD_IMAGE_SPEC,
    SOCIAL_IMAGE_SPEC,
    ArticlePage,
    ArticlePageTag,
    in_private_section,
)
from .pagination import cached_count

LOCALE_CODES = tuple(code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES)
LocaleCode = Literal[LOCALE_CODES]  # type: ignore[valid-type]
LOCALE_ORDER = {code: position for position, code in enumerate(LOCALE_CODES)}

LIMIT_MAX = getattr(settings, "WAGTAILAPI_LIMIT_MAX", None) or 100
# Database integers are 32-bit for page ids; larger numbers can only be a client error.
MAX_INT = 2**31 - 1
# The database reads and drops every row an offset skips, so deep offsets cost what they
# skip: beyond this, clients follow `next` (a cursor), which costs the same on every page.
OFFSET_MAX = 1000

ListingOrder = Literal["-publication_date", "publication_date"]
# The SQL ordering of each `order`: the id breaks ties between articles of the same day.
ORDERINGS = {
    "-publication_date": ("-publication_date", "-pk"),
    "publication_date": ("publication_date", "pk"),
}

# Named renditions: the keys are part of the API contract, the specs may change.
CARD_RENDITIONS = {"card": CARD_IMAGE_SPEC}
HERO_RENDITIONS = {
    "card": CARD_IMAGE_SPEC,
    "medium": "width-800",
    "large": "width-1600",
    "social": SOCIAL_IMAGE_SPEC,
}
BODY_IMAGE_RENDITIONS = {"medium": "width-800", "large": "width-1600"}

API_TAG = "content"


# --------------------------------------------------------------------------------------
# Who may see what
# --------------------------------------------------------------------------------------


class PublicContent:
    """The pages an anonymous reader may see through the API, for one request.

    Live pages under the site root that answered the request or under one of its
    translations (the other language editions), outside every view restriction.
    """

    def __init__(self, request: HttpRequest):
        self.request = request
        self.site = Site.find_for_request(request)
        self.root_paths: dict[str, str] = {}
        self._editions = {}
        if self.site:
            for root in Site.get_site_root_paths():
                if root.site_id == self.site.pk:
                    self.root_paths.setdefault(root.language_code, root.root_path)

    def q(self) -> Q:
        if not self.root_paths:
            return Q(pk__in=[])
        under_a_root = Q()
        for root_path in self.root_paths.values():
            under_a_root |= Q(url_path__startswith=root_path)
        return Q(live=True) & under_a_root & ~Q(in_private_section())

    def pages(self, model=Page):
        return model.objects.filter(self.q())

    def articles(self):
        return self.pages(ArticlePage)

    def editions(self, pages) -> dict[uuid.UUID, list[Page]]:
        """Every visible edition of the given pages, by translation key, in one query."""
        keys = frozenset(page.translation_key for page in pages)
        if not keys:
            return {}
        if keys not in self._editions:
            self._editions[keys] = self._find_editions(keys)
        return self._editions[keys]

    def _find_editions(self, keys):
        by_key: dict[uuid.UUID, list[Page]] = {}
        editions = (
            self.pages()
            .filter(translation_key__in=keys)
            .select_related("locale")
            .only("id", "title", "url_path", "translation_key", "last_published_at", "locale")
        )
        for edition in editions:
            by_key.setdefault(edition.translation_key, []).append(edition)
        for found in by_key.values():
            found.sort(key=lambda page: LOCALE_ORDER.get(page.locale.language_code, 99))
        return by_key


# --------------------------------------------------------------------------------------
# Response schemas
# --------------------------------------------------------------------------------------


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
    renditions: HeroRenditions


class Translation(Schema):
    locale: LocaleCode
    id: int
    url: str | None = Field(description="Absolute URL of this edition on the website.")
    title: str


class Topic(Schema):
    name: str
    slug: str


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


# --------------------------------------------------------------------------------------
# Serialization
# --------------------------------------------------------------------------------------


def api_url(request, name, **kwargs):
    return get_full_url(request, reverse(f"wagtailapi_v3:{name}", kwargs=kwargs))


def page_url(request, page):
    return page.get_full_url(request)


def prefetch_renditions(images, specs):
    """One query for the existing renditions of every image (missing ones are made on use)."""
    images = [image for image in images if image is not None]
    if images:
        Rendition = get_image_model().get_rendition_model()
        prefetch_related_objects(
            images,
            Prefetch(
                "renditions",
                queryset=Rendition.objects.filter(filter_spec__in=set(specs)),
                to_attr="prefetched_renditions",
            ),
        )


def renditions_of(request, image, named_specs):
    """{name: Rendition} for the image, or None when its file cannot be read."""
    try:
        renditions = image.get_renditions(*named_specs.values())
    except (SourceImageIOError, OSError):
        return None
    return {
        name: Rendition(
            url=get_full_url(request, renditions[spec].url),
            width=renditions[spec].width,
            height=renditions[spec].height,
        )
        for name, spec in named_specs.items()
    }


class RichTextExpander:
    """Rich text of a whole article in the chosen format, at a constant number of queries.

    Wagtail expands each rich text value on its own, with a query per value that links to
    pages and one more per link to find its translation (`Page.localized`). Here all
    paragraphs go through one rewriter pass, page links are resolved in two queries, and
    links are localized to the language of the article, as the website renders them.
    """

    def __init__(self, request, rich_text_format, language_code):
        self.request = request
        self.format = rich_text_format
        self.language_code = language_code

    def expand_many(self, sources: list[str]) -> list[str]:
        if not sources:
            return []
        with translation.override(self.language_code):
            if self.format != APIRichText.FORMAT_HTML:
                return [
                    APIRichText.serialize(source, format=self.format, features=RICH_TEXT_FEATURES)
                    for source in sources
                ]
            separator = f"<!--{uuid.uuid4().hex}-->"
            expanded = self.rewriter()(separator.join(sources)).split(separator)
            if len(expanded) != len(sources):  # a separator inside the content: unlikely
                expanded = [self.rewriter()(source) for source in sources]
            return expanded

    def rewriter(self):
        link_rules = {
            link_type: handler.expand_db_attributes_many
            for link_type, handler in rich_text_features.get_link_types().items()
        }
        link_rules["page"] = self.expand_page_links
        embed_rules = {
            embed_type: handler.expand_db_attributes_many
            for embed_type, handler in rich_text_features.get_embed_types().items()
        }
        return MultiRuleRewriter(
            [LinkRewriter(bulk_rules=link_rules), EmbedRewriter(bulk_rules=embed_rules)]
        )

    def expand_page_links(self, attrs_list):
        ids = {str(attrs.get("id")) for attrs in attrs_list if str(attrs.get("id")).isdigit()}
        pages = {
            str(page.pk): page for page in Page.objects.filter(pk__in=ids).select_related("locale")
        }
        to_localize = [
            page for page in pages.values() if page.locale.language_code != self.language_code
        ]
        localized = {}
        if to_localize:
            for page in Page.objects.live().filter(
                translation_key__in={page.translation_key for page in to_localize},
                locale__language_code=self.language_code,
            ):
                localized[page.translation_key] = page
        tags = []
        for attrs in attrs_list:
            page = pages.get(str(attrs.get("id")))
            if page is None:
                tags.append("<a>")
                continue
            page = localized.get(page.translation_key, page)
            url = page.get_url(self.request)
            tags.append(f'<a href="{escape(url)}">' if url else "<a>")
        return tags


class ArticleSerializer:
    def __init__(self, request, content: PublicContent, requested_locale=None):
        self.request = request
        self.content = content
        self.requested_locale = requested_locale

    def translations(self, page, editions):
        return [
            Translation(
                locale=edition.locale.language_code,
                id=edition.pk,
                url=page_url(self.request, edition),
                title=edition.title,
            )
            for edition in editions.get(page.translation_key, [])
            if edition.pk != page.pk
        ]

    def common(self, article, editions):
        language_code = article.locale.language_code
        return {
            "id": article.pk,
            "title": article.title,
            "slug": article.slug,
            "locale": language_code,
            "fallback": bool(self.requested_locale and language_code != self.requested_locale),
            "url": page_url(self.request, article),
            "detail_url": api_url(self.request, "news_article_detail", article_id=article.pk),
            "lead": article.lead,
            "publication_date": article.publication_date,
            # Sorted in Python: ordering the prefetch would bypass it (a query per article).
            "topics": sorted(
                (Topic(name=tag.name, slug=tag.slug) for tag in article.topics.all()),
                key=lambda topic: topic.name.lower(),
            ),
            "translations": self.translations(article, editions),
        }

    def summaries(self, articles) -> list[ArticleSummary]:
        """Listing cards; `articles` must come from `listing_queryset`."""
        articles = list(articles)
        prefetch_renditions([a.hero_image for a in articles], CARD_RENDITIONS.values())
        editions = self.content.editions(articles)
        summaries = []
        for article in articles:
            hero = None
            if article.hero_image:
                renditions = renditions_of(self.request, article.hero_image, CARD_RENDITIONS)
                if renditions:
                    hero = CardImage(
                        id=article.hero_image.pk,
                        alt=article.hero_image_alt,
                        renditions=CardRenditions(**renditions),
                    )
            summaries.append(ArticleSummary(**self.common(article, editions), hero_image=hero))
        return summaries

    def detail(self, article, rich_text_format, *, draft=False) -> ArticleDetail:
        body = article.body
        body_images = [
            child.value["image"]
            for child in body
            if child.block_type == "image" and child.value["image"] is not None
        ]
        prefetch_renditions(
            [article.hero_image, *body_images],
            [*HERO_RENDITIONS.values(), *BODY_IMAGE_RENDITIONS.values()],
        )
        editions = self.content.editions([article])

        hero = None
        if article.hero_image:
            renditions = renditions_of(self.request, article.hero_image, HERO_RENDITIONS)
            if renditions:
                hero = HeroImage(
                    id=article.hero_image.pk,
                    alt=article.hero_image_alt,
                    renditions=HeroRenditions(**renditions),
                )

        expander = RichTextExpander(self.request, rich_text_format, article.locale.language_code)
        paragraphs = iter(
            expander.expand_many(
                [child.value.source for child in body if child.block_type == "paragraph"]
            )
        )
        blocks = [self.block(child, paragraphs) for child in body]

        return ArticleDetail(
            **self.common(article, editions),
            hero_image=hero,
            seo_title=article.seo_title,
            search_description=article.search_description,
            first_published_at=article.first_published_at,
            last_published_at=article.last_published_at,
            draft=draft,
            rich_text_format=rich_text_format,
            body=blocks,
        )

    def block(self, child, paragraphs):
        kind, value, block_id = child.block_type, child.value, child.id
        if kind == "heading":
            return HeadingBlock(
                type=kind, id=block_id, value=HeadingValue(text=value["text"], level=value["level"])
            )
        if kind == "paragraph":
            return ParagraphBlock(type=kind, id=block_id, value=next(paragraphs))
        if kind == "image":
            image = value["image"]
            body_image = None
            if image is not None:
                renditions = renditions_of(self.request, image, BODY_IMAGE_RENDITIONS)
                if renditions:
                    body_image = BodyImage(
                        id=image.pk,
                        width=image.width,
                        height=image.height,
                        renditions=BodyImageRenditions(**renditions),
                    )
            return ImageBlock(
                type=kind,
                id=block_id,
                value=ImageValue(
                    image=body_image, alt=value["alt_text"], caption=value["caption"] or ""
                ),
            )
        if kind == "quote":
            return QuoteBlock(
                type=kind,
                id=block_id,
                value=QuoteValue(
                    text=value["text"],
                    attribution=value["attribution"] or "",
                    style=value["style"] or "quote",
                ),
            )
        if kind == "initiatives":
            return InitiativesBlock(
                type=kind,
                id=block_id,
                value=InitiativesValue(
                    heading=value["heading"] or "",
                    items=[Initiative(label=i["label"], text=i["text"]) for i in value["items"]],
                ),
            )
        if kind == "indicator_table":
            return IndicatorTableBlock(
                type=kind,
                id=block_id,
                value=IndicatorTableValue(
                    caption=value["caption"],
                    rows=[
                        IndicatorRow(
                            indicator=row["indicator"], value=row["value"], note=row["note"] or ""
                        )
                        for row in value["rows"]
                    ],
                ),
            )
        if kind == "references":
            return ReferencesBlock(
                type=kind,
                id=block_id,
                value=ReferencesValue(
                    heading=value["heading"] or "",
                    # Numbered per block, as news/blocks/references.html numbers its anchors.
                    items=[
                        Reference(
                            anchor=f"ref-{number}",
                            title=item["title"],
                            publisher=item["publisher"] or "",
                            url=item["url"] or None,
                            accessed=item["accessed"],
                        )
                        for number, item in enumerate(value["items"], start=1)
                    ],
                ),
            )
        raise ValueError(f"The API has no schema for {kind!r} blocks")  # a contract test fails


def listing_queryset(queryset):
    """What article cards need, with topics prefetched: renditions and editions come later."""
    return (
        queryset.defer_streamfields()
        .select_related("locale", "hero_image")
        .prefetch_related("topics")
    )


def detail_queryset(queryset):
    return queryset.select_related("locale", "hero_image").prefetch_related("topics")


# What a cursor encodes (see `Cursor`): the order it was made for, a date and an id.
CURSOR_PAYLOAD = re.compile(
    r"(?P<order>-?publication_date):(?P<date>\d{4}-\d\d-\d\d):(?P<pk>[1-9]\d{0,9})"
)
INVALID_CURSOR = "cursor is not valid: use the `next` URL of a response"


class Cursor(NamedTuple):
    """The position after the last article of a page, in the `order` it was made for.

    Sent as URL-safe base64, without padding, of ``<order>:<YYYY-MM-DD>:<id>``: opaque to
    clients, who get it in `next` URLs.
    """

    order: ListingOrder
    publication_date: datetime.date
    pk: int

    def encode(self) -> str:
        payload = f"{self.order}:{self.publication_date.isoformat()}:{self.pk}"
        return base64.urlsafe_b64encode(payload.encode()).decode().rstrip("=")

    @classmethod
    def decode(cls, text: str) -> "Cursor":
        """The cursor `text` encodes; ValueError for anything `encode` cannot have made."""
        try:
            padded = text + "=" * (-len(text) % 4)
            payload = base64.b64decode(padded, altchars=b"-_", validate=True).decode("ascii")
        except ValueError as error:  # not base64, or bytes that are not ASCII
            raise ValueError(INVALID_CURSOR) from error
        found = CURSOR_PAYLOAD.fullmatch(payload)
        if not found or int(found["pk"]) > MAX_INT:
            raise ValueError(INVALID_CURSOR)
        try:
            date = datetime.date.fromisoformat(found["date"])
        except ValueError as error:  # 2024-02-30, 0000-01-01
            raise ValueError(INVALID_CURSOR) from error
        return cls(found["order"], date, int(found["pk"]))

    def q(self) -> Q:
        """Articles after this position: (publication_date, id) beyond it, in its order.

        The bound on the date alone adds nothing to the result; it lets the database start
        reading the publication date index at the cursor instead of filtering up to it.
        """
        date, pk = self.publication_date, self.pk
        if self.order == "publication_date":
            after = Q(publication_date__gt=date) | Q(publication_date=date, pk__gt=pk)
            return Q(publication_date__gte=date) & after
        after = Q(publication_date__lt=date) | Q(publication_date=date, pk__lt=pk)
        return Q(publication_date__lte=date) & after


def last_modified(response: HttpResponse, *pages):
    """Last-Modified: the latest publication among the pages a response shows."""
    stamps = [page.last_published_at for page in pages if page.last_published_at]
    if stamps:
        response["Last-Modified"] = http_date(max(stamps).timestamp())


# --------------------------------------------------------------------------------------
# Parameters
# --------------------------------------------------------------------------------------


def reject_unknown_parameters(*allowed_names):
    """Answer 422 to a query parameter the endpoint does not know (a typo is not ignored)."""
    allowed = set(allowed_names)

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            unknown = sorted(set(request.GET) - allowed)
            if unknown:
                error = ValueError(f"Unknown query parameter: {', '.join(unknown)}")
                raise as_validation_error(error, str(error), loc=("query", unknown[0]))
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def param_names(*schemas):
    return [name for schema in schemas for name in schema.model_fields]


class LocaleParams(Schema):
    locale: LocaleCode | None = Field(
        None, description="Language edition to serve; all editions when omitted."
    )
    fallback: LocaleCode | None = Field(
        None,
        description=(
            "Locale to serve, marked `fallback: true`, for pages that have no live edition "
            "in `locale`. Requires `locale`."
        ),
    )

    @model_validator(mode="after")
    def fallback_needs_locale(self):
        if self.fallback and not self.locale:
            raise ValueError("fallback requires locale")
        return self

    def wanted(self):
        """Locales to serve, in order of preference."""
        return [code for code in (self.locale, self.fallback) if code]


class ArticleListParams(LocaleParams):
    topic: str | None = Field(
        None, max_length=100, description="Only articles with this topic (its slug or name)."
    )
    search: str | None = Field(
        None, min_length=1, max_length=200, description="Full-text search in articles."
    )
    order: ListingOrder = Field("-publication_date", description="Newest first by default.")
    limit: int = Field(settings.NEWS_PAGE_SIZE, ge=1, le=LIMIT_MAX)
    offset: int = Field(
        0,
        ge=0,
        # Not `le`: its error would not say what to do instead.
        json_schema_extra={"maximum": OFFSET_MAX},
        description=(
            f"Articles to skip, at most {OFFSET_MAX}: to go further, follow `next`. Kept for "
            "compatibility; `next` costs the same on every page, an offset what it skips."
        ),
    )
    cursor: str | None = Field(
        None,
        max_length=100,
        description=(
            "Where the page starts, as given in the `next` URL of the previous page (opaque). "
            "Only valid with the `order` it was made for; not combinable with `offset`."
        ),
    )

    @field_validator("offset")
    @classmethod
    def offset_within_cap(cls, offset):
        if offset > OFFSET_MAX:
            raise ValueError(
                f"offset is at most {OFFSET_MAX}: to go further, follow `next` (a cursor)"
            )
        return offset


class RichTextParams(Schema):
    rich_text_format: RichTextOutputFormat = Field(
        APIRichText.get_default_format(),
        description=(
            "`html`: HTML with links resolved to the website (default); `markdown`: the same "
            "as Markdown; `db_html` / `db_markdown`: Wagtail's stored form, links as "
            'references (`linktype="page" id="…"` / `wagtail://page?id=…`).'
        ),
    )


class ArticleDetailParams(LocaleParams, RichTextParams):
    version: Literal["live", "draft"] = Field(
        "live",
        description=(
            "`draft`: the latest revision, for editors (bearer token of a user who may edit "
            "or publish the page); not combinable with `locale`."
        ),
    )

    @model_validator(mode="after")
    def draft_is_one_page(self):
        if self.version == "draft" and self.locale:
            raise ValueError("version=draft cannot be combined with locale")
        return self


def text_param(value):
    """Reject what no database accepts in a string (PostgreSQL refuses NUL characters)."""
    if value is not None and "\x00" in value:
        error = ValueError("NUL characters are not allowed")
        raise as_validation_error(error, str(error))
    return value


def cursor_param(params: ArticleListParams) -> Cursor | None:
    """The position `cursor` names, checked against the other parameters (else a 422)."""
    if params.cursor is None:
        return None
    try:
        cursor = Cursor.decode(params.cursor)
        if cursor.order != params.order:
            raise ValueError(f"cursor was made for order={cursor.order}")
        if params.offset:
            raise ValueError("cursor and offset cannot be combined")
    except ValueError as error:
        raise as_validation_error(error, str(error), loc=("query", "cursor")) from error
    return cursor


def apply_locales(queryset, content: PublicContent, params: LocaleParams):
    """Editions in `locale`, plus those in `fallback` whose page has no `locale` edition."""
    if not params.locale:
        return queryset
    in_locale = Q(locale__language_code=params.locale)
    if not params.fallback or params.fallback == params.locale:
        return queryset.filter(in_locale)
    has_wanted_edition = content.pages(ArticlePage).filter(
        translation_key=OuterRef("translation_key"), locale__language_code=params.locale
    )
    return queryset.filter(
        in_locale | (Q(locale__language_code=params.fallback) & ~Exists(has_wanted_edition))
    )


def topic_q(topic):
    """Articles tagged with a topic given by its slug or its name, in any letter case.

    Names are compared through their slugs: SQLite's case-insensitive comparison only folds
    ASCII letters, and Lithuanian topics are rarely ASCII.
    """
    slugs = {topic, Tag().slugify(topic)}
    tagged = ArticlePageTag.objects.filter(content_object_id=OuterRef("pk"))
    return Q(Exists(tagged.filter(Q(tag__slug__in=slugs) | Q(tag__name=topic))))


def count_key(content: PublicContent, params: ArticleListParams):
    """Everything that decides which articles a listing counts; texts hashed (cache keys)."""
    texts = hashlib.sha1(json.dumps([params.topic, params.search]).encode()).hexdigest()
    site_id = content.site.pk if content.site else None
    return f"api-articles-{site_id}-{params.locale}-{params.fallback}-{texts}"


def next_page_url(request, cursor: Cursor):
    """This request's URL with `cursor` in place of its offset or cursor."""
    query = request.GET.copy()
    query.pop("offset", None)
    query["cursor"] = cursor.encode()
    return f"{api_url(request, 'news_article_list')}?{query.urlencode()}"


def search_ids(query, locale=None):
    """Ids of live articles matching a full-text query (the caller scopes them further)."""
    queryset = ArticlePage.objects.live()
    if locale:
        queryset = queryset.filter(locale=Locale.objects.filter(language_code=locale).first())
    results = get_search_backend().search(query, queryset, order_by_relevance=False)
    return [page.pk for page in results[:1000]]


# --------------------------------------------------------------------------------------
# Endpoints
# --------------------------------------------------------------------------------------

router = Router(tags=[API_TAG], auth=[BearerTokenAuth(), AllowAnonymous()])


@router.get(
    "/articles/",
    response=ArticleList,
    url_name="news_article_list",
    operation_id="articles_list",
    summary="List articles",
    description=(
        "Live, public articles of this site, newest first. Filter by `locale` (with an "
        "optional `fallback` locale), `topic` and `search`. Page with `limit` and by "
        f"following `next`; `offset` (at most {OFFSET_MAX}) remains for compatibility."
    ),
)
@reject_unknown_parameters(*param_names(ArticleListParams))
def list_articles(request, params: ArticleListParams = Query(...)):  # noqa: B008
    text_param(params.topic)
    text_param(params.search)
    after = cursor_param(params)
    content = PublicContent(request)
    queryset = apply_locales(content.articles(), content, params)
    if params.topic:
        queryset = queryset.filter(topic_q(params.topic))
    if params.search:
        ids = search_ids(params.search, params.locale if not params.fallback else None)
        queryset = queryset.filter(pk__in=ids)
    count = cached_count(count_key(content, params), queryset.count)

    if after:
        queryset = queryset.filter(after.q())
    ordered = listing_queryset(queryset.order_by(*ORDERINGS[params.order]))
    # One article more than the page: whether there is a next page, in the same query.
    articles = list(ordered[params.offset : params.offset + params.limit + 1])
    page = articles[: params.limit]
    next_url = None
    if len(articles) > len(page):
        last = page[-1]
        next_url = next_page_url(request, Cursor(params.order, last.publication_date, last.pk))
    items = ArticleSerializer(request, content, params.locale).summaries(page)
    return ArticleList(count=count, next=next_url, items=items)


@router.get(
    "/articles/{article_id}/",
    response=ArticleDetail,
    url_name="news_article_detail",
    operation_id="articles_detail",
    summary="Article detail",
    description=(
        "One article with its typed body. With `locale`, the edition of the same article "
        "in that locale (or in `fallback`, marked as such)."
    ),
)
@reject_unknown_parameters(*param_names(ArticleDetailParams))
def get_article(
    request,
    response: HttpResponse,
    article_id: int = Path(..., ge=1, le=MAX_INT),
    params: ArticleDetailParams = Query(...),  # noqa: B008
):
    content = PublicContent(request)
    if params.version == "draft":
        return get_draft(request, response, content, article_id, params)

    if params.locale:
        wanted = params.wanted()
        same_article = content.articles().filter(pk=article_id).values("translation_key")[:1]
        candidates = detail_queryset(
            content.articles().filter(
                translation_key=same_article, locale__language_code__in=wanted
            )
        )
        by_locale = {article.locale.language_code: article for article in candidates}
        article = next((by_locale[code] for code in wanted if code in by_locale), None)
    else:
        article = detail_queryset(content.articles().filter(pk=article_id)).first()
    if article is None:
        raise Http404("No article matches the given query.")

    detail = ArticleSerializer(request, content, params.locale).detail(
        article, params.rich_text_format
    )
    last_modified(response, article, *content.editions([article]).get(article.translation_key, []))
    return detail


def get_draft(request, response, content, article_id, params):
    if not request.user.is_authenticated:
        raise PermissionDenied  # 401: Wagtail's handler asks for a bearer token
    page = ArticlePage.objects.filter(pk=article_id).select_related("locale").first()
    if page is None:
        raise Http404("No article matches the given query.")
    permissions = page.permissions_for_user(request.user)
    if not (permissions.can_edit() or permissions.can_publish()):
        raise PermissionDenied("You may not see drafts of this article.")
    draft = page.get_latest_revision_as_object()
    response["Cache-Control"] = "private, no-store"
    return ArticleSerializer(request, content).detail(draft, params.rich_text_format, draft=True)


@router.get(
    "/articles/{article_id}/more/",
    response=MoreNews,
    url_name="news_article_more",
    operation_id="articles_more",
    summary="More news",
    description=(
        "The newest other articles in the language of this one "
        f"(settings.NEWS_MORE_COUNT, {settings.NEWS_MORE_COUNT} here), for under an article."
    ),
)
@reject_unknown_parameters()
def more_news(request, article_id: int = Path(..., ge=1, le=MAX_INT)):
    content = PublicContent(request)
    article = content.articles().filter(pk=article_id).only("pk", "locale_id").first()
    if article is None:
        raise Http404("No article matches the given query.")
    others = (
        content.articles()
        .filter(locale_id=article.locale_id)
        .exclude(pk=article.pk)
        .order_by("-publication_date", "-pk")
    )
    items = ArticleSerializer(request, content).summaries(
        listing_queryset(others)[: settings.NEWS_MORE_COUNT]
    )
    return MoreNews(items=items)
