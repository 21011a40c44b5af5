"""Shared fixtures: a small bilingual site tree built by hand, and article builders.

Wagtail root
├── HomePage (lt, root of the default Site)    └── NewsIndexPage "naujienos"
└── HomePage (en, translation of the lt home)  └── NewsIndexPage "news"
"""

import datetime
from dataclasses import dataclass

import pytest
from django.core.cache import caches
from wagtail.models import Locale, Page, Site

from home.models import HomePage
from news.models import NewsIndexPage

from .factories import create_article, make_image, translate


@pytest.fixture(autouse=True)
def _clear_caches():
    """Wagtail caches site root paths and renditions; rolled-back rows must not linger there."""
    for cache in caches.all():
        cache.clear()
    yield


@dataclass
class SiteTree:
    site: Site
    lt: Locale
    en: Locale
    home_lt: HomePage
    home_en: HomePage
    news_lt: NewsIndexPage
    news_en: NewsIndexPage

    def index(self, language):
        return {"lt": self.news_lt, "en": self.news_en}[language]


@pytest.fixture
def tree(db):
    lt = Locale.objects.get(language_code="lt")
    en = Locale.objects.get(language_code="en")
    root = Page.get_first_root_node()
    welcome = root.get_children().get()

    home_lt = root.add_child(
        instance=HomePage(title="Kauno naujienos", slug="pradzia", locale=lt, intro="Sveiki.")
    )
    site = Site.objects.get(is_default_site=True)
    site.hostname = "localhost"
    site.port = 80
    site.root_page = home_lt
    site.save()
    # Only now: deleting the page a Site points at would delete the Site too.
    welcome.delete()

    home_en = translate(home_lt, en, title="Kaunas News", intro="Welcome.")
    news_lt = home_lt.add_child(
        instance=NewsIndexPage(title="Naujienos", slug="naujienos", locale=lt)
    )
    news_en = translate(news_lt, en, title="News", slug="news")
    return SiteTree(site, lt, en, home_lt, home_en, news_lt, news_en)


@pytest.fixture
def image(db):
    return make_image()


@pytest.fixture
def article_factory(tree):
    """``article_factory("lt", "Title", date=..., ...)``: an article in that locale's index."""

    def factory(language="lt", title="Article", **kwargs):
        return create_article(tree.index(language), title, **kwargs)

    return factory


@pytest.fixture
def dated_articles(article_factory):
    """``dated_articles("lt", 12)``: that many articles, one a day, the newest last."""

    def factory(language, count, start=datetime.date(2024, 1, 1), **kwargs):
        return [
            article_factory(
                language,
                f"{language} article {number}",
                date=start + datetime.timedelta(days=number),
                **kwargs,
            )
            for number in range(count)
        ]

    return factory
