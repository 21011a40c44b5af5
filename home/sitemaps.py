from dataclasses import dataclass

from django.conf import settings
from django.db.models import Exists, OuterRef, Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from news.models import ArticlePage, ArticlePageTopic, Topic
from news.topics import topic_path


@dataclass(frozen=True)
class TopicEntry:
    """A topic page in the sitemap: one topic in one language."""

    topic: Topic
    url: str

    @property
    def translation_key(self):
        return self.topic.translation_key

    @property
    def language_code(self):
        return self.topic.locale.language_code


class EditionsSitemap(Sitemap):
    """Every live page of every language edition, each with its alternates (hreflang), and
    the topic pages of each language that list at least one article, with theirs.

    Wagtail's own sitemap only walks the default site root, which holds just one language.
    """

    def items(self):
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        under_a_root = Q()
        for root in roots:
            under_a_root |= Q(path__startswith=root.path)
        pages = list(
            Page.objects.live()
            .public()
            .filter(under_a_root)
            .select_related("locale")
            .defer_streamfields()
            .order_by("path")
        )
        self.editions = {}
        for page in pages:
            self.editions.setdefault(page.translation_key, []).append(page)
        self.topic_editions = {}
        topics = self.topic_entries(under_a_root, {root.locale_id for root in roots})
        for entry in topics:
            self.topic_editions.setdefault(entry.translation_key, []).append(entry)
        return pages + topics

    def topic_entries(self, under_a_root, locale_ids):
        """Topics with a live, public article of their own locale: one query."""
        listed = ArticlePageTopic.objects.filter(
            topic_id=OuterRef("pk"),
            page__in=ArticlePage.objects.live().public().filter(under_a_root),
            page__locale_id=OuterRef("locale_id"),
        )
        topics = (
            Topic.objects.readable()
            .filter(Exists(listed), locale_id__in=locale_ids)
            .select_related("locale")
            .order_by("locale__language_code", "slug")
        )
        root_url = self.get_wagtail_site().root_url
        return [
            TopicEntry(topic, root_url + topic_path(topic.slug, topic.locale.language_code))
            for topic in topics
        ]

    def location_of(self, item):
        if isinstance(item, TopicEntry):
            return item.url
        return item.get_full_url(self.request)

    def get_alternates(self, item):
        if isinstance(item, TopicEntry):
            found = self.topic_editions[item.translation_key]
        else:
            found = self.editions[item.translation_key]
        by_language = {
            (e.language_code if isinstance(e, TopicEntry) else e.locale.language_code): e
            for e in found
        }
        alternates = [
            {"lang_code": code, "location": self.location_of(by_language[code])}
            for code, _name in settings.LANGUAGES
            if code in by_language
        ]
        default = by_language.get(settings.LANGUAGE_CODE, item)
        alternates.append({"lang_code": "x-default", "location": self.location_of(default)})
        return alternates

    def _urls(self, page_number, protocol, domain):
        urls = []
        for item in self.paginator.page(page_number).object_list:
            if isinstance(item, TopicEntry):
                lastmod = None
            else:
                lastmod = item.last_published_at or item.latest_revision_created_at
            urls.append(
                {
                    "location": self.location_of(item),
                    "lastmod": lastmod,
                    "alternates": self.get_alternates(item),
                }
            )
        return urls
