"""Edge cache purging and new listing versions on publish, unpublish, move and delete.

`purge_targets(page)` is the set of URLs an edge cache must forget when `page` changes. A
URL ending in ``*`` is a prefix; a plain URL also covers its query strings (the VCL turns
each PURGE into a ban). They go to ``wagtail.contrib.frontend_cache``'s backends
(``WAGTAILFRONTENDCACHE``: every host's cache, from ``FRONTEND_CACHE_URLS``) through the
background queue, retried until each cache answers (news/queue/purge.py), with a new
listing version (news.caching.versions) for the fragment caches.
"""

import contextvars
import logging
from contextlib import contextmanager

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from news.author_views import author_url_prefix
from news.models import ArticlePage, Author, NewsIndexPage, Topic
from news.queue.purge import enqueue_purge
from news.topics import topics_prefix

from .versions import LISTING_VERSION_KEY, bump_listing_version, version_changed

logger = logging.getLogger(__name__)
_page_saves_batched = contextvars.ContextVar("page_saves_batched", default=False)


def _full_url(page, url_path=None):
    """The page's absolute URL (or the one it had at ``url_path``), or None."""
    if url_path is not None and url_path != page.url_path:
        page = Page(
            id=page.id,
            path=page.path,
            depth=page.depth,
            url_path=url_path,
            locale_id=page.locale_id,
        )
    try:
        return page.get_full_url()
    except Exception:  # an orphan page, or no site: nothing to purge
        logger.warning("No URL to purge for page %s", page.pk, exc_info=True)
        return None


def _site_roots():
    """(root url, language code) of every language edition of every site."""
    return [(root.root_url, root.language_code) for root in Site.get_site_root_paths()]


def _in_more_news_window(article):
    """True when the article is (or was just) among the newest ones "More news" shows.

    "More news" under every article shows the NEWS_MORE_COUNT newest other live articles of
    its language: when one of the NEWS_MORE_COUNT + 1 newest changes, comes or goes, the
    block changes under (nearly) every article of that language. An older article changing
    changes no other article page.
    """
    window = settings.NEWS_MORE_COUNT + 1
    newest = list(
        ArticlePage.objects.live()
        .filter(locale_id=article.locale_id)
        .order_by("-publication_date", "-pk")
        .values_list("pk", "publication_date")[:window]
    )
    if article.pk in {pk for pk, _date in newest}:
        return True
    # Unpublished or deleted: it was in the window if it is at least as new as the last one.
    if len(newest) < window:
        return True
    oldest_pk, oldest_date = newest[-1]
    return (article.publication_date, article.pk) > (oldest_date, oldest_pk)


def purge_targets(page, old_url_path=None):
    """Every URL an edge cache must forget when ``page`` changes (see the module docstring).

    - the page and every other edition of it (the language switcher links them);
    - each language's home page, news index with all its ``?page=`` pages, RSS feed,
      search pages and author pages; the sitemap; every API response (``/api/v3/*``);
    - for an article among the newest (see `_in_more_news_window`), every article of its
      language (the news index as a prefix: articles live under it), else none;
    - for an article, every topic page of its language with its feed and ``?page=`` pages
      (a prefix: the topics it had before this change are gone from the page);
    - for anything else than an article (a home page, an index), everything under it.
    """
    page = page.specific
    urls = set()

    editions = Page.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk)
    for edition in [page, *editions]:
        url = _full_url(edition)
        if url:
            urls.add(url)
    if old_url_path:
        old_url = _full_url(page, old_url_path)
        if old_url:
            urls.add(old_url)
            if not isinstance(page, ArticlePage):
                urls.add(old_url + "*")

    roots = _site_roots()
    hosts = set()
    for root_url, language_code in roots:
        hosts.add(root_url)
        urls.add(f"{root_url}/{language_code}/")
        urls.add(f"{root_url}/{language_code}/rss.xml")
        with translation.override(language_code):
            urls.add(f"{root_url}{reverse('search')}*")
        urls.add(f"{root_url}{author_url_prefix(language_code)}*")  # authors' article lists
    for root_url in hosts:
        urls.add(f"{root_url}/sitemap.xml")
        urls.add(f"{root_url}/api/v3/*")

    indexes = NewsIndexPage.objects.all()
    if isinstance(page, ArticlePage):
        urls |= topic_page_targets(page.locale.language_code, roots)
        urls |= {_full_url(article) for article in listing_as_related(page)} - {None}
        for index in indexes:
            url = _full_url(index)
            if not url:
                continue
            if index.locale_id == page.locale_id and _in_more_news_window(page):
                urls.add(url + "*")
            else:
                urls.add(url)  # with its ?page= pages
    else:
        for edition in [page, *editions]:
            url = _full_url(edition)
            if url:
                urls.add(url + "*")
        for index in indexes:
            url = _full_url(index)
            if url:
                urls.add(url)
    return urls


def listing_as_related(article):
    """Live articles whose "More news" shows ``article`` among the related articles an editor
    chose: each edition shows the related article's edition in its own language."""
    choosing = ArticlePage.objects.filter(
        related_links__related__translation_key=article.translation_key
    ).values("translation_key")
    return ArticlePage.objects.live().filter(translation_key__in=choosing)


def topic_page_targets(language_code, roots=None):
    """Every topic page (and feed) of one language, on every site, as prefixes."""
    prefix = topics_prefix(language_code)
    return {
        f"{root_url}{prefix}*"
        for root_url, root_language in (roots if roots is not None else _site_roots())
        if root_language == language_code
    }


def topic_changed(topic):
    """A topic renamed, described or deleted: its pages, and the articles that show it."""
    urls = set()
    if settings.WAGTAILFRONTENDCACHE:
        urls = topic_page_targets(topic.locale.language_code)
        for article in ArticlePage.objects.live().filter(topic_links__topic_id=topic.pk):
            url = _full_url(article)
            if url:
                urls.add(url)
    _forget_after_commit(urls)


def author_targets(author):
    """Every URL that shows an author's byline, in the author's language: the author pages
    (all of them: a changed slug leaves the old page cached), their live articles, and the
    listings whose cards show bylines (home, news indexes, topic pages, RSS, the API)."""
    language = author.locale.language_code
    roots = [root for root in _site_roots() if root[1] == language]
    urls = topic_page_targets(language, roots)
    for root_url, _language in roots:
        urls |= {
            f"{root_url}{author_url_prefix(language)}*",
            f"{root_url}/{language}/",
            f"{root_url}/{language}/rss.xml",
            f"{root_url}/api/v3/*",
        }
    articles = ArticlePage.objects.live().filter(
        locale_id=author.locale_id, bylines__author_id=author.pk
    )
    indexes = NewsIndexPage.objects.filter(locale_id=author.locale_id)
    for page in [*articles.distinct(), *indexes]:
        url = _full_url(page)
        if url:
            urls.add(url)  # an index with its ?page= pages
    return urls


def author_changed(author):
    _forget_after_commit(author_targets(author) if settings.WAGTAILFRONTENDCACHE else set())


def _forget_after_commit(urls):
    """New fragment versions now and after the commit, the edge cache purged after it."""
    bump_listing_version()

    def after_commit():
        bump_listing_version()
        purge(urls)

    transaction.on_commit(after_commit)


def purge(urls):
    """On the background queue, retried until the cache answers (news/queue/purge.py)."""
    if urls and getattr(settings, "WAGTAILFRONTENDCACHE", None):
        enqueue_purge(urls)


def page_changed(page, old_url_path=None):
    """After the transaction: new fragment version, edge cache purged."""
    urls = purge_targets(page, old_url_path) if settings.WAGTAILFRONTENDCACHE else set()

    version_changed(LISTING_VERSION_KEY)
    # Enqueued with the transaction (the database queue) or after its commit.
    purge(urls)


# Signals (connected in news.apps.NewsConfig.ready)


def on_published(sender, instance, **kwargs):
    page_changed(instance)


def on_unpublished(sender, instance, **kwargs):
    page_changed(instance)


def on_moved(sender, instance, url_path_before, url_path_after, **kwargs):
    if url_path_before != url_path_after and instance.live:
        page_changed(instance, old_url_path=url_path_before)


def on_saved(sender, instance, raw=False, **kwargs):
    """A live page saved without a publish signal (code, imports): listings may change."""
    if not raw and isinstance(instance, Topic):
        topic_changed(instance)
    elif not raw and isinstance(instance, Author):
        author_changed(instance)
    elif not raw and isinstance(instance, Page) and instance.live and not _page_saves_batched.get():
        version_changed(LISTING_VERSION_KEY)


@contextmanager
def page_saves_batched():
    """Inside: saving a live page leaves the listing version alone. For a writer of many
    pages (the WordPress import) that calls ``bump_listing_version`` itself after each
    batch's commit, instead of two cache writes for each save of each page."""
    token = _page_saves_batched.set(True)
    try:
        yield
    finally:
        _page_saves_batched.reset(token)


def on_deleting(sender, instance, **kwargs):
    """Before an author or topic is deleted: its links to articles go with it, and with them
    the articles to purge."""
    if isinstance(instance, Author):
        author_changed(instance)
    else:
        topic_changed(instance)


def on_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page) and instance.live and not getattr(instance, "_news_purged", 0):
        instance._news_purged = True
        try:
            page_changed(instance)
        except Exception:  # deleted together with its tree: nothing left to route to
            logger.warning("Could not purge deleted page %s", instance.pk, exc_info=True)


def connect():
    page_published.connect(on_published, dispatch_uid="news.caching.published")
    page_unpublished.connect(on_unpublished, dispatch_uid="news.caching.unpublished")
    post_page_move.connect(on_moved, dispatch_uid="news.caching.moved")
    post_save.connect(on_saved, dispatch_uid="news.caching.saved")
    post_delete.connect(on_deleted, dispatch_uid="news.caching.deleted")
    pre_delete.connect(on_deleting, sender=Author, dispatch_uid="news.caching.author")
    pre_delete.connect(on_deleting, sender=Topic, dispatch_uid="news.caching.topic")
