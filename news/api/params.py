"""Query parameters of the content API, and the checks that answer 422 instead of 500."""

import hashlib
import json
from functools import wraps
from typing import Literal

from django.conf import settings
from django.db.models import Exists, OuterRef, Q
from ninja import Field, Schema
from pydantic import field_validator, model_validator
from wagtail.api.rich_text import APIRichText, RichTextOutputFormat
from wagtail.api.v3.errors import as_validation_error
from wagtail.coreutils import cautious_slugify

from news.models import ArticlePage, ArticlePageTopic, Topic

from .content import LocaleCode, PublicContent
from .paging import LIMIT_MAX, OFFSET_MAX, Cursor, ListingOrder


def unknown_parameter_error(names):
    """The 422 of every API endpoint, the site's and Wagtail's (cms/api_params.py), to query
    parameters it does not know."""
    names = sorted(names)
    error = ValueError(f"Unknown query parameter: {', '.join(names)}")
    return as_validation_error(error, str(error), loc=("query", names[0]))


def reject_unknown_parameters(*allowed_names):
    """Answer 422 to a query parameter the endpoint does not know (a typo is not ignored)."""
    allowed = set(allowed_names)

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            unknown = set(request.GET) - allowed
            if unknown:
                raise unknown_parameter_error(unknown)
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
        None,
        max_length=100,
        description=(
            "Only articles with this topic, by its slug in `locale` (a name is slugified). "
            "With `fallback`, the slug of the topic in either locale; without `locale`, in "
            "any locale. An article matches through its own edition of the topic."
        ),
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


def topic_q(topic, params: LocaleParams):
    """Articles filed under a topic given by its slug (or a name, slugified).

    The slug is looked up among the topics of `locale` (and of `fallback` when given; of
    every locale without `locale`); an article matches when it has that topic or one of its
    translations, in the article's own locale.
    """
    named = Topic.objects.filter(slug__in={topic, cautious_slugify(topic)})
    if params.locale:
        named = named.filter(locale__language_code__in=params.wanted())
    links = ArticlePageTopic.objects.filter(
        page_id=OuterRef("pk"),
        topic__translation_key__in=named.values("translation_key"),
        topic__locale_id=OuterRef("locale_id"),
    )
    return Q(Exists(links))


def count_key(content: PublicContent, params: ArticleListParams):
    """Everything that decides which articles a listing counts; texts hashed (cache keys)."""
    texts = hashlib.sha1(json.dumps([params.topic, params.search]).encode()).hexdigest()
    site_id = content.site.pk if content.site else None
    return f"api-articles-{site_id}-{params.locale}-{params.fallback}-{texts}"
