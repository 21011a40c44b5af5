"""RSS of one topic's newest articles in one language (/en/topics/<slug>/rss.xml)."""

from django.conf import settings
from django.utils.translation import gettext as _

from news.feeds import LatestArticlesFeed

from . import topic_full_url
from .views import find_topic, topic_articles


class TopicFeed(LatestArticlesFeed):
    def get_object(self, request, slug):
        self.request = request
        self.topic, self.root = find_topic(request, slug)
        return self.topic

    def title(self, topic):
        return _("%(topic)s · Kaunas News") % {"topic": topic.name}

    def description(self, topic):
        return topic.description or _("The latest news from Kaunas on %(topic)s.") % {
            "topic": topic.name
        }

    def link(self, topic):
        return topic_full_url(self.request, topic.slug, topic.locale.language_code)

    def items(self, topic):
        articles = topic_articles(topic, self.root).for_listing()
        return articles[: settings.NEWS_FEED_COUNT]
