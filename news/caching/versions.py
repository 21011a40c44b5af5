"""Versions of the listings: a token every cached fragment and count of a listing varies on.

Fragments that cost queries ("More news", the home page's latest news, index listings) are
cached with ``{% wagtailpagecache %}`` (never Django's ``{% cache %}``: it would cache
previews), varying on `listing_version()`, which every publish, unpublish, move or delete of
a page changes (news.caching.purge). Counts of listings are kept under the same version.
"""

import uuid

from django.core.cache import cache
from django.db import transaction

LISTING_VERSION_KEY = "news:listing-version"


def version(key):
    """The token stored under ``key``: the same for every process until ``bump_version``."""
    token = cache.get(key)
    if token is None:
        token = uuid.uuid4().hex
        cache.add(key, token, None)
        token = cache.get(key, token)
    return token


def bump_version(key):
    cache.set(key, uuid.uuid4().hex, None)


def version_changed(key):
    """A new version now, for this transaction's own reads, and after its commit, for
    everyone's: what a request in between kept from the data before the commit would
    otherwise be kept under the new version."""
    bump_version(key)
    transaction.on_commit(lambda: bump_version(key))


def listing_version():
    """A token that changes whenever a page is published, unpublished, moved or deleted."""
    return version(LISTING_VERSION_KEY)


def bump_listing_version():
    bump_version(LISTING_VERSION_KEY)


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
