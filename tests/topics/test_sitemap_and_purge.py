"""Topic pages in the sitemap (with their alternates) and purged from the edge cache."""

import xml.etree.ElementTree as ET

from news.caching.purge import purge_targets

from ..factories import create_article

SITE = "http://localhost"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def sitemap_alternates(client):
    urlset = ET.fromstring(client.get("/sitemap.xml").content)
    return {
        url.findtext(f"{SITEMAP}loc"): {
            link.get("hreflang"): link.get("href") for link in url.iter(f"{XHTML}link")
        }
        for url in urlset.iter(f"{SITEMAP}url")
    }


def test_sitemap_lists_topic_pages_with_their_alternates(client, filed):
    entries = sitemap_alternates(client)
    lithuanian, english = f"{SITE}/lt/temos/svietimas/", f"{SITE}/en/topics/education/"
    alternates = {"lt": lithuanian, "en": english, "x-default": lithuanian}
    assert entries[lithuanian] == entries[english] == alternates
    # Only in Lithuanian: its own alternates; English has no sport article, nor that topic.
    sport = f"{SITE}/lt/temos/sportas/"
    assert entries[sport] == {"lt": sport, "x-default": sport}
    assert not [url for url in entries if "/en/topics/sportas/" in url]


def test_a_topic_without_a_live_article_is_not_in_the_sitemap(client, tree, topics):
    create_article(tree.news_lt, "Juodraštis", topics=[topics["sport_lt"]], live=False)
    assert not [url for url in sitemap_alternates(client) if "/temos/" in url]


def test_publishing_an_article_purges_the_topic_pages_of_its_language(filed):
    targets = purge_targets(filed["library"])
    assert f"{SITE}/lt/temos/*" in targets
    assert f"{SITE}/en/topics/*" not in targets
    targets = purge_targets(filed["school_en"])
    assert f"{SITE}/en/topics/*" in targets


def test_publish_purges_topic_pages_after_commit(
    filed, recorded, django_capture_on_commit_callbacks
):
    article = filed["library"]
    with django_capture_on_commit_callbacks(execute=True):
        article.title = "Bibliotekos naktį"
        article.save_revision().publish()
    assert f"{SITE}/lt/temos/*" in recorded


def test_renaming_a_topic_purges_its_pages_and_articles(
    filed, topics, recorded, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        topic = topics["education_en"]
        topic.name = "learning"
        topic.save()
    assert f"{SITE}/en/topics/*" in recorded
    assert f"{SITE}/en/news/schools-night/" in recorded


def test_deleting_a_topic_purges_the_articles_that_showed_it(
    filed, topics, recorded, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        topics["education_en"].delete()
    assert f"{SITE}/en/topics/*" in recorded
    assert f"{SITE}/en/news/schools-night/" in recorded
