"""Importing into a site that has its home pages and news indexes already, and again."""

import pytest

from home.models import ContentPage, HomePage
from news.caching.versions import listing_version
from news.models import ArticlePage

from ..factories import build_site_tree, card_titles
from .conftest import KAUNAS, run_import

pytestmark = pytest.mark.django_db


def article(slug):
    return ArticlePage.objects.get(slug=slug)


def test_a_site_with_content_gets_the_import_under_its_own_news_indexes(uploads):
    tree = build_site_tree()
    homes_before = HomePage.objects.count()
    run_import(KAUNAS, "--uploads", uploads)
    assert HomePage.objects.count() == homes_before
    assert article("kaunas-unesco-besimokantis-miestas").get_parent().specific == tree.news_lt
    assert article("kaunas-unesco-learning-city").get_parent().specific == tree.news_en
    assert ContentPage.objects.get(slug="about-kaunas").get_parent().specific == tree.home_en


def test_listings_cached_before_the_import_show_its_articles(uploads, client):
    build_site_tree()
    assert card_titles(client.get("/lt/")) == []  # the latest news, cached empty
    version = listing_version()
    run_import(KAUNAS, "--uploads", uploads)
    assert listing_version() != version
    assert "Kaunas – UNESCO besimokantis miestas" in card_titles(client.get("/lt/"))
