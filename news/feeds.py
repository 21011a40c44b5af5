import datetime

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext as _
from wagtail.models import Locale, Site

from .models import ArticlePage

DUBLIN_CORE = "http://purl.org/dc/elements/1.1/"


class BylineFeed(Rss201rev2Feed):
    """RSS 2.0 with each article's authors as ``dc:creator`` (RSS's own ``author`` element
    wants an e-mail address)."""

    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:dc": DUBLIN_CORE}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for name in item.get("creators", ()):
            handler.addQuickElement("dc:creator", name)


class LatestArticlesFeed(Feed):
    """RSS of the newest articles in the language of the URL (/lt/rss.xml, /en/rss.xml)."""

    feed_type = BylineFeed

    def get_object(self, request, *args, **kwargs):
        self.request = request
        self.site = Site.find_for_request(request)
        return Locale.get_active()

    def title(self, locale):
        return _("Kaunas News")

    def description(self, locale):
        return _("The latest news from Kaunas, a UNESCO Learning City.")

    def link(self, locale):
        root = self.site.root_page.get_translation_or_none(locale) if self.site else None
        return root.get_full_url(self.request) if root else "/"

    def items(self, locale):
        articles = ArticlePage.objects.published_in(locale).for_listing()
        return articles[: settings.NEWS_FEED_COUNT]

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        return article.lead

    def item_link(self, article):
        # The Site's address, as canonical links and the sitemap have it (README, "The
        # address the site is served at"); Django would prefix a path with the request's host.
        return article.get_full_url(self.request)

    def item_pubdate(self, article):
        """The article's publication date, as the site shows it (midnight, the site's time
        zone); not when its page was first published, which an import or a correction of
        the date makes differ."""
        return datetime.datetime.combine(
            article.publication_date, datetime.time.min, tzinfo=timezone.get_current_timezone()
        )

    def item_extra_kwargs(self, article):
        return {"creators": [author.name for author in article.authors]}

    def item_categories(self, article):
        return [topic.name for topic in article.topics]
