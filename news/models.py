import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import InvalidPage
from django.db import models
from django.db.models import F, OuterRef, Subquery
from django.db.models.functions import Coalesce, Length, Substr
from django.http import Http404
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import (
    Orderable,
    Page,
    PageManager,
    PageQuerySet,
    PageViewRestriction,
)
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from .authors import ArticleAuthor, Author
from .blocks import ArticleBodyBlock
from .forms import ArticlePageForm
from .pagination import ListingPaginator
from .preview.mixins import HeadlessPreviewMixin
from .renditions import get_rendition
from .search.models import ArticleSearchEntry  # noqa: F401 - the site search's index
from .topics.models import (  # noqa: F401
    ArticlePageTopic,
    Topic,
    localize_topic_links,
    topic_links_prefetch,
)
from .translation.panels import TranslationStatusPanel
from .translation.permissions import NewsroomPermissions
from .wordpress.models import WordPressAuthor, WordPressItem  # noqa: F401 - the importer's records

# Renditions that article listings show; prefetched together so a listing costs no query per card.
CARD_IMAGE_SPEC = "fill-480x270"
SOCIAL_IMAGE_SPEC = "fill-1200x630"

__all__ = ["ArticleAuthor", "ArticlePage", "Author", "NewsIndexPage", "RelatedArticle"]


def bylines_prefetch():
    """An article's authors in byline order, for any number of articles in one query."""
    return models.Prefetch(
        "bylines",
        queryset=ArticleAuthor.objects.select_related("author").order_by("sort_order"),
        to_attr="prefetched_bylines",
    )


def in_private_section(path="path"):
    """True for a page under a view restriction (its own or an ancestor's).

    A subquery of the query that lists the pages, where Wagtail's ``PageQuerySet.public()``
    costs a query of its own to fetch every restriction first. ``path`` names the page's
    path in that query (``page__path`` from a model that points at the page).
    """
    return models.Exists(
        PageViewRestriction.objects.filter(
            page__path=Substr(models.OuterRef(path), 1, Length("page__path"))
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
                ),
                topic_links_prefetch(),
                bylines_prefetch(),
            )
        )

    def with_topic(self, topic):
        """Articles filed under ``topic`` (an Exists: an article is listed once)."""
        links = ArticlePageTopic.objects.filter(page_id=models.OuterRef("pk"), topic=topic)
        return self.filter(models.Exists(links))


ArticlePageManager = PageManager.from_queryset(ArticlePageQuerySet)


class NewsIndexPage(NewsroomPermissions, Page):
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
                .prefetch_related(topic_links_prefetch(), bylines_prefetch())
                .filter(slug=path_components[0])
                .first()
            )
            if article is not None:
                article._cached_parent_obj = self
                return article.route(request, path_components[1:])
        return super().route(request, path_components)


class RelatedArticle(Orderable):
    """An article an editor chose for "More news" under another one, in order.

    Not translated: an edition links the same articles, each shown in the edition's own
    language (its translation, when it has a live one; `ArticlePage.more_news_among`).
    """

    article = ParentalKey(
        "news.ArticlePage", on_delete=models.CASCADE, related_name="related_links"
    )
    related = models.ForeignKey(
        "news.ArticlePage",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [PageChooserPanel("related", "news.ArticlePage")]

    class Meta(Orderable.Meta):
        verbose_name = _("related article")
        verbose_name_plural = _("related articles")


class ArticlePage(HeadlessPreviewMixin, NewsroomPermissions, Page):
    lead = models.TextField(
        _("lead"),
        max_length=500,
        help_text=_("One or two sentences shown in listings and used as the meta description."),
    )
    publication_date = models.DateField(
        _("publication date"),
        default=datetime.date.today,
        help_text=_(
            "The date readers see. A future date does not hold the article back: to publish "
            "it later, use “Schedule to publish” in the Publish menu."
        ),
    )
    featured = models.BooleanField(
        _("pin to the top of the home page"),
        default=False,
        help_text=_("Pinned articles come first on the home page, newest first."),
    )
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
    hero_image_credit = models.CharField(
        _("hero image credit"),
        max_length=200,
        blank=True,
        help_text=_("Who took or owns the photo, e.g. “Photo: Jonas Jonaitis”."),
    )
    body = StreamField(ArticleBodyBlock(), verbose_name=_("body"))

    objects = ArticlePageManager()
    # Slug clashes shown on the title; empty autosaved drafts give way (news/forms.py).
    base_form_class = ArticlePageForm

    # Translation (README, "Translation workflow"): every text field and text block is
    # translated; these stay the same in every edition. A translator may replace the hero
    # image (overridable), not the date. Topics (``topic_links``, translatable children) map
    # to the same topics' translations in the target locale (related object segments).
    override_translatable_fields = [
        SynchronizedField("publication_date", overridable=False),
        SynchronizedField("hero_image"),
        SynchronizedField("featured", overridable=False),
    ]

    content_panels = Page.content_panels + [
        # Where the translations of this article stand (README, "Translation workflow").
        TranslationStatusPanel(heading=_("Translations")),
        FieldPanel("lead"),
        FieldPanel("publication_date"),
        MultiFieldPanel(
            [
                FieldPanel("hero_image"),
                FieldPanel("hero_image_alt"),
                FieldPanel("hero_image_credit"),
            ],
            heading=_("Hero image"),
        ),
        InlinePanel("bylines", label=_("Authors"), heading=_("Byline")),
        InlinePanel("topic_links", heading=_("Topics"), label=_("Topic")),
        FieldPanel("featured"),
        FieldPanel("body"),
        InlinePanel(
            "related_links",
            label=_("Related article"),
            heading=_("More news"),
            help_text=_("Shown first under the article; the newest articles fill the rest."),
            max_num=settings.NEWS_MORE_COUNT,
        ),
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
        APIField("hero_image_credit"),
        APIField("featured"),
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

    def save(self, *args, **kwargs):
        self.localize_topics()
        super().save(*args, **kwargs)

    def save_revision(self, *args, **kwargs):
        # The revision records the links the page shows (a translation's publish saves the
        # page only after its revision: news.translation.targets).
        self.localize_topics()
        return super().save_revision(*args, **kwargs)

    def localize_topics(self):
        """Point every topic link at the topic's edition in this page's locale (see
        ``news.topics.models.localize_topic_links``)."""
        localize_topic_links(self)

    @property
    def topics(self):
        """The article's topics in their order (of its own locale, each once)."""
        seen, topics = set(), []
        for link in self.topic_links.all():
            topic = link.topic
            if topic.locale_id == self.locale_id and topic.pk not in seen:
                seen.add(topic.pk)
                topics.append(topic)
        return topics

    @cached_property
    def social_image(self):
        """The hero image as shared on social media and in structured data, or None."""
        return get_rendition(self.hero_image, SOCIAL_IMAGE_SPEC) if self.hero_image else None

    @property
    def authors(self):
        """The article's authors in byline order (prefetched by listings and routing)."""
        bylines = getattr(self, "prefetched_bylines", None)
        if bylines is None:  # a preview, or an article loaded on its own
            bylines = self.bylines.all()
        return [byline.author for byline in bylines]

    def more_news_among(self, articles, for_cards):
        """The related articles an editor chose (in their order, each in this article's
        language), then the newest other ones of the language: NEWS_MORE_COUNT in all.

        `articles` are those the reader may see (the site's live, public ones; the API's of
        its site), `for_cards` loads what a card needs, so that the site and the API agree.
        The chosen and the newest (if fewer were chosen) are found through indexes first:
        "chosen or newest" in one query was checked on every article (0.2 s at 100,000).
        """
        count = settings.NEWS_MORE_COUNT
        others = articles.filter(locale_id=self.locale_id).exclude(pk=self.pk)
        # From the database (a preview shows the related articles last saved).
        links = RelatedArticle.objects.filter(article_id=self.pk)
        chosen_keys = links.values("related__translation_key")
        chosen = list(others.filter(translation_key__in=chosen_keys).values_list("pk", flat=True))
        newest = []
        if len(chosen) < count:
            newest = list(others.newest_first().values_list("pk", flat=True)[:count])
        # Rows saved without a sort order (imports, scripts) still count as chosen.
        chosen_order = (
            links.filter(related__translation_key=OuterRef("translation_key"))
            .order_by("sort_order")
            .values(order=Coalesce("sort_order", 0))[:1]
        )
        candidates = (
            others.filter(pk__in=[*chosen, *newest])
            .annotate(chosen_order=Subquery(chosen_order))
            .order_by(F("chosen_order").asc(nulls_last=True), "-publication_date", "-pk")
        )
        return for_cards(candidates)[:count]

    @property
    def more_news(self):
        return self.more_news_among(
            ArticlePage.objects.live().public(), ArticlePageQuerySet.for_listing
        )
