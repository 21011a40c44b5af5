import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import InvalidPage
from django.db import models
from django.db.models.functions import Length, Substr
from django.http import Http404
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Page, PageManager, PageQuerySet, PageViewRestriction
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from .blocks import ArticleBodyBlock
from .pagination import ListingPaginator
from .translation.panels import TranslationStatusPanel
from .wordpress.models import WordPressItem  # noqa: F401 - the importer's record (README)

# Renditions that article listings show; prefetched together so a listing costs no query per card.
CARD_IMAGE_SPEC = "fill-480x270"
SOCIAL_IMAGE_SPEC = "fill-1200x630"


def in_private_section():
    """True for a page under a view restriction (its own or an ancestor's).

    A subquery of the query that lists the pages, where Wagtail's ``PageQuerySet.public()``
    costs a query of its own to fetch every restriction first.
    """
    return models.Exists(
        PageViewRestriction.objects.filter(
            page__path=Substr(models.OuterRef("path"), 1, Length("page__path"))
        )
    )


class ArticlePageQuerySet(PageQuerySet):
    def public(self):
        """Wagtail's ``public()`` without its extra query."""
        return self.exclude(in_private_section())

    def newest_first(self):
        return self.order_by("-publication_date", "-pk")

    def published_in(self, locale):
        """Live, public articles of one locale, newest first: the order of every listing."""
        return self.live().public().filter(locale=locale).newest_first()

    def for_listing(self):
        """Only what an article card shows: two queries for any number of cards, one for the
        articles with their hero images, one for the card renditions of those images."""
        renditions = (
            get_image_model().get_rendition_model().objects.filter(filter_spec=CARD_IMAGE_SPEC)
        )
        return (
            self.defer_streamfields()
            .select_related("locale", "hero_image")
            .prefetch_related(
                models.Prefetch(
                    "hero_image__renditions",
                    queryset=renditions,
                    to_attr="prefetched_renditions",
                )
            )
        )


ArticlePageManager = PageManager.from_queryset(ArticlePageQuerySet)


class NewsIndexPage(Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = [APIField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.ArticlePage"]

    class Meta:
        verbose_name = _("news index")
        verbose_name_plural = _("news indexes")

    def articles(self):
        return ArticlePage.objects.child_of(self).published_in(self.locale_id)

    def paginate(self, request):
        """The requested page of articles; a page number that is not one answers 404."""
        paginator = ListingPaginator(
            self.articles().for_listing(), settings.NEWS_PAGE_SIZE, count_key=f"index-{self.pk}"
        )
        try:
            return paginator.page(request.GET.get("page", 1))
        except InvalidPage as error:
            raise Http404(str(error)) from error

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["articles"] = self.paginate(request)
        return context

    def route(self, request, path_components):
        """Find an article as its specific page in one query, with what the page shows.

        Wagtail's route fetches the child as a Page, then as its specific page; its hero
        image, locale and topics would cost a query each (topics: one per use) later.
        """
        if path_components:
            article = (
                ArticlePage.objects.child_of(self)
                .select_related("locale", "hero_image")
                .prefetch_related("topics")
                .filter(slug=path_components[0])
                .first()
            )
            if article is not None:
                article._cached_parent_obj = self
                return article.route(request, path_components[1:])
        return super().route(request, path_components)


class ArticlePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "news.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ArticlePage(Page):
    lead = models.TextField(
        _("lead"),
        max_length=500,
        help_text=_("One or two sentences shown in listings and used as the meta description."),
    )
    publication_date = models.DateField(_("publication date"), default=datetime.date.today)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_image_alt = models.CharField(
        _("hero image alternative text"),
        max_length=250,
        blank=True,
        help_text=_("Describe the image for readers who cannot see it."),
    )
    topics = ClusterTaggableManager(verbose_name=_("topics"), through=ArticlePageTag, blank=True)
    body = StreamField(ArticleBodyBlock(), verbose_name=_("body"))

    objects = ArticlePageManager()

    # Translation (README, "Translation workflow"): every text field and text block is
    # translated; these stay the same in every edition. A translator may replace the hero
    # image (overridable), not the date or the topics.
    override_translatable_fields = [
        SynchronizedField("publication_date", overridable=False),
        SynchronizedField("hero_image"),
        SynchronizedField("topics", overridable=False),
    ]

    content_panels = Page.content_panels + [
        # Where the translations of this article stand (README, "Translation workflow").
        TranslationStatusPanel(heading=_("Translations")),
        FieldPanel("lead"),
        FieldPanel("publication_date"),
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_image_alt")], heading=_("Hero image")
        ),
        FieldPanel("topics"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("lead"),
        index.SearchField("body"),
        index.FilterField("publication_date"),
        index.FilterField("locale_id"),
    ]
    api_fields = [
        APIField("lead"),
        APIField("publication_date"),
        APIField("hero_image"),
        APIField("hero_image_alt"),
        APIField("topics"),
        APIField("body"),
    ]

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        indexes = [models.Index(fields=["publication_date"], name="article_publication_date")]

    def clean(self):
        super().clean()
        if self.hero_image_id and not self.hero_image_alt:
            raise ValidationError(
                {"hero_image_alt": _("Describe the hero image for readers who cannot see it.")}
            )

    @cached_property
    def social_image(self):
        """The hero image as shared on social media and in structured data, or None."""
        return self.hero_image.get_rendition(SOCIAL_IMAGE_SPEC) if self.hero_image else None

    @property
    def more_news(self):
        return (
            ArticlePage.objects.published_in(self.locale_id)
            .exclude(pk=self.pk)
            .for_listing()[: settings.NEWS_MORE_COUNT]
        )
