"""Articles into the API's schemas: every image rendition and edition fetched in bulk."""

from django.db.models import Prefetch, prefetch_related_objects
from django.urls import reverse
from wagtail.api.utils import get_full_url
from wagtail.images import get_image_model
from wagtail.images.models import SourceImageIOError

from news.embeds import player_url
from news.topics import topic_path

from .content import PublicContent
from .rich_text import RichTextExpander
from .schemas import (
    BODY_IMAGE_RENDITIONS,
    CARD_RENDITIONS,
    HERO_RENDITIONS,
    ArticleDetail,
    ArticleSummary,
    BodyImage,
    BodyImageRenditions,
    Byline,
    CardImage,
    CardRenditions,
    HeadingBlock,
    HeadingValue,
    HeroImage,
    HeroRenditions,
    ImageBlock,
    ImageValue,
    IndicatorRow,
    IndicatorTableBlock,
    IndicatorTableValue,
    Initiative,
    InitiativesBlock,
    InitiativesValue,
    ParagraphBlock,
    QuoteBlock,
    QuoteValue,
    Reference,
    ReferencesBlock,
    ReferencesValue,
    Rendition,
    Topic,
    Translation,
    VideoBlock,
    VideoValue,
)


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
            # The article's own locale's editions of its topics (prefetched), by name.
            "topics": [
                Topic(
                    id=topic.pk,
                    name=topic.name,
                    slug=topic.slug,
                    url=get_full_url(self.request, topic_path(topic.slug, language_code)),
                )
                for topic in sorted(article.topics, key=lambda topic: topic.name.lower())
            ],
            "authors": [
                Byline(
                    id=author.pk,
                    name=author.name,
                    role=author.role,
                    url=self.request.build_absolute_uri(author.get_url()),
                )
                for author in article.authors
            ],
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
                    credit=article.hero_image_credit,
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
                    image=body_image,
                    alt=value["alt_text"],
                    caption=value["caption"] or "",
                    credit=value.get("credit") or "",
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
        if kind == "video":
            return VideoBlock(
                type=kind,
                id=block_id,
                value=VideoValue(
                    url=value["url"],
                    player_url=player_url(value["url"]) or "",
                    caption=value["caption"] or "",
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
