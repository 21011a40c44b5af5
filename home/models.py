from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from news.blocks import ArticleBodyBlock
from news.models import ArticlePage, NewsIndexPage, in_private_section
from news.translation.permissions import NewsroomPermissions


class HomePage(NewsroomPermissions, Page):
    """Root of one language edition of the site: one per locale."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = [APIField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["news.NewsIndexPage", "home.ContentPage"]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Pinned articles first (news.ArticlePage.featured), then the newest.
        context["latest_articles"] = (
            ArticlePage.objects.descendant_of(self)
            .published_in(self.locale_id)
            .order_by("-featured", "-publication_date", "-pk")
            .for_listing()[: settings.NEWS_HOME_COUNT]
        )
        context["news_index"] = (
            NewsIndexPage.objects.child_of(self).live().exclude(in_private_section()).first()
        )
        return context

    def route(self, request, path_components):
        """Find the news index in one query, where Wagtail's route takes two (Page, specific)."""
        if path_components:
            index = NewsIndexPage.objects.child_of(self).filter(slug=path_components[0]).first()
            if index is not None:
                index._cached_parent_obj = self
                return index.route(request, path_components[1:])
        return super().route(request, path_components)


class ContentPage(NewsroomPermissions, Page):
    """A plain page (about the city, contacts...): an introduction and the article's body
    blocks. It sits under a home page or another content page, so a section keeps its tree."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(ArticleBodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    api_fields = [APIField("intro"), APIField("body")]

    parent_page_types = ["home.HomePage", "home.ContentPage"]
    subpage_types = ["home.ContentPage"]

    class Meta:
        verbose_name = _("content page")
        verbose_name_plural = _("content pages")
