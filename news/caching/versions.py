"""Versions of the listings: a token every cached fragment and count of a listing varies on.

Fragments that cost queries ("More news", the home page's latest news, index listings) are
cached with ``{% wagtailpagecache %}`` (never Django's ``{% cache %}``: it would cache
previews), varying on `listing_version()`, which every publish, unpublish, move or delete of
a page changes (news.caching.purge). Counts of listings are kept under the same version.
"""

import uuid

from django.core.cache import cache

LISTING_VERSION_KEY = "news:listing-version"


def listing_version():
    """A token that changes whenever a page is published, unpublished, moved or deleted."""
    version = cache.get(LISTING_VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
        cache.add(LISTING_VERSION_KEY, version, None)
        version = cache.get(LISTING_VERSION_KEY, version)
    return version


def bump_listing_version():
    cache.set(LISTING_VERSION_KEY, uuid.uuid4().hex, None)


def cached_count(key, count):
    """``count()``, kept in the cache under ``key`` until the listings change.

    The key must name everything that decides the rows counted; the listing version added
    to it changes on every publish, unpublish, move or delete of a page.
    """
    versioned_key = f"news:listing-count:{key}:{listing_version()}"
    value = cache.get(versioned_key)
    if value is None:
        value = count()
        cache.set(versioned_key, value, 3600)
    return value
