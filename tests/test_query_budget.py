"""Reader pages cost a fixed number of database queries, however many articles there are.

Counted on the second request for a URL, when the first view of each image has created its
renditions and Wagtail's caches (site root paths, renditions) are warm, but with every
template fragment rendered (none served from a fragment cache). Measured on SQLite and
PostgreSQL alike, with hero images and topics on every article and an English edition of
the article shown:

    article 12, news index 10 (first and last page), Lithuanian home 10, English home 11
    (its root is the translation of the site root: one query more), RSS feed 6, topic page
    8 (first and last page), topic feed 6. Cards and feeds show each article's topics: one
    query for the topics of all of them (news.models.topic_links_prefetch), whence one more
    than before topics were links (issue 12) for pages with cards.

Where the queries go, for the article: site, active locale, home page, news index, the
article with its hero image, locale and topics (news.models.NewsIndexPage.route), two view
restriction checks (Wagtail), the other editions (hreflang), and "More news": the keys an
editor chose and the newest articles' ids, the articles with their hero images, then the
card renditions. Private sections are excluded by a
subquery (news.models.in_private_section), not by Wagtail's public(), which costs a query.
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from .factories import make_image, translate

FEW, MANY = 5, 60

# Budgets of the roadmap; the RSS feed has none there, so it gets what it costs today.
# Issue 13 added one query to each: the authors of the article and of every card (bylines);
# and one more to the article: the related articles an editor chose for "More news".
PAGES = {
    # Topic links (issue 12), bylines and related articles (issue 13): one query each.
    # "More news" finds its candidates through indexes first (the chosen keys, the newest):
    # one query more than asking for both in one, which read every article at 100,000.
    "article": (lambda newsroom: newsroom.shown.url, 16),
    "news index": (lambda newsroom: "/lt/naujienos/", 11),
    "news index, last page": (lambda newsroom: f"/lt/naujienos/?page={newsroom.last_page}", 11),
    "home": (lambda newsroom: "/lt/", 11),
    "English home": (lambda newsroom: "/en/", 12),  # 11 before cards showed topics
    "RSS feed": (lambda newsroom: "/lt/rss.xml", 7),
    # Topic pages (issue 12): every article is on "kultūra"; cards show bylines (issue 13).
    "topic page": (lambda newsroom: "/lt/temos/kultura/", 10),
    "topic page, last page": (lambda newsroom: f"/lt/temos/kultura/?page={newsroom.last_page}", 10),
    "topic feed": (lambda newsroom: "/lt/temos/kultura/rss.xml", 7),
}


class Newsroom:
    """Lithuanian articles, each with its own hero image and two topics."""

    def __init__(self, tree, article_factory, settings):
        self.tree = tree
        self.article_factory = article_factory
        self.settings = settings
        self.articles = []
        self.shown = None

    def grow_to(self, count):
        start = datetime.date(2024, 1, 1)
        while len(self.articles) < count:
            number = len(self.articles)
            self.articles.append(
                self.article_factory(
                    "lt",
                    f"Straipsnis {number}",
                    date=start + datetime.timedelta(days=number),
                    hero_image=make_image(f"Image {number}", size=(96, 54)),
                    topics=["kultūra", f"tema {number}"],
                )
            )
        if self.shown is None:
            # The oldest article, with an English edition: its page shows the newest three.
            self.shown = self.articles[0]
            translate(self.shown, self.tree.en, title="Article 0", slug="article-0")

    @property
    def last_page(self):
        return -(-len(self.articles) // self.settings.NEWS_PAGE_SIZE)


@pytest.fixture(autouse=True)
def _render_every_fragment(settings):
    """Count what rendering costs: no template fragment (``{% cache %}``,
    ``{% wagtailpagecache %}``) comes out of a cache in these tests."""
    settings.CACHES = {
        **settings.CACHES,
        "template_fragments": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    }


@pytest.fixture
def newsroom(tree, article_factory, settings):
    return Newsroom(tree, article_factory, settings)


def count_queries(client, url):
    """Queries of a request for ``url`` once its renditions exist and the caches are warm."""
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def test_queries_do_not_grow_with_the_number_of_articles(client, newsroom):
    newsroom.grow_to(FEW)
    with_few = {
        page: count_queries(client, url_of(newsroom)) for page, (url_of, _) in PAGES.items()
    }
    newsroom.grow_to(MANY)
    with_many = {
        page: count_queries(client, url_of(newsroom)) for page, (url_of, _) in PAGES.items()
    }
    assert with_many == with_few


def test_queries_stay_within_budget(client, newsroom, django_assert_max_num_queries):
    newsroom.grow_to(MANY)
    for page, (url_of, budget) in PAGES.items():
        url = url_of(newsroom)
        assert client.get(url).status_code == 200, page  # creates the renditions
        with django_assert_max_num_queries(budget, info=page):
            response = client.get(url)
        assert response.status_code == 200, page


def test_listings_show_every_card_image_without_a_query_each(client, newsroom):
    newsroom.grow_to(MANY)
    client.get("/lt/naujienos/")
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/lt/naujienos/")
    assert response.content.decode().count('class="card__image"') == 10
    tables = [q["sql"].split(" FROM ")[1].split()[0] for q in captured if " FROM " in q["sql"]]
    # The images come with the articles; the renditions of all cards in one query.
    assert tables.count('"wagtailimages_image"') == 0
    assert tables.count('"wagtailimages_rendition"') == 1
