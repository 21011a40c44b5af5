"""What anonymous readers may see through the API, and the querysets listings start from.

What anonymous readers may see is decided once, in `PublicContent`: live pages of the site
that answered the request (any of its language editions), outside every view restriction.
Every query of the API starts from it, and none of them costs a query per item: topics,
image renditions, editions (translations) and rich-text links are all fetched in bulk.
"""

import uuid
from typing import Literal

from django.conf import settings
from django.db.models import Q
from django.http import HttpRequest
from wagtail.models import Locale, Page, Site

from news.models import ArticlePage, bylines_prefetch, in_private_section, topic_links_prefetch
from news.search.backend import search_backend
from news.search.ranking import newest_matches
from news.search.views import clean_query

LOCALE_CODES = tuple(code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES)
LocaleCode = Literal[LOCALE_CODES]  # type: ignore[valid-type]
LOCALE_ORDER = {code: position for position, code in enumerate(LOCALE_CODES)}
# A search lists its newest (or oldest) matches, this many at most: what is found through
# the date index without reading every match (news.search.ranking).
SEARCH_LIMIT = 1000


class PublicContent:
    """The pages an anonymous reader may see through the API, for one request.

    Live pages under the site root that answered the request or under one of its
    translations (the other language editions), outside every view restriction.
    """

    def __init__(self, request: HttpRequest):
        self.request = request
        self.site = Site.find_for_request(request)
        self.root_paths: dict[str, str] = {}
        self._editions = {}
        if self.site:
            for root in Site.get_site_root_paths():
                if root.site_id == self.site.pk:
                    self.root_paths.setdefault(root.language_code, root.root_path)

    def q(self) -> Q:
        if not self.root_paths:
            return Q(pk__in=[])
        under_a_root = Q()
        for root_path in self.root_paths.values():
            under_a_root |= Q(url_path__startswith=root_path)
        return Q(live=True) & under_a_root & ~Q(in_private_section())

    def pages(self, model=Page):
        return model.objects.filter(self.q())

    def articles(self):
        return self.pages(ArticlePage)

    def editions(self, pages) -> dict[uuid.UUID, list[Page]]:
        """Every visible edition of the given pages, by translation key, in one query."""
        keys = frozenset(page.translation_key for page in pages)
        if not keys:
            return {}
        if keys not in self._editions:
            self._editions[keys] = self._find_editions(keys)
        return self._editions[keys]

    def _find_editions(self, keys):
        by_key: dict[uuid.UUID, list[Page]] = {}
        editions = (
            self.pages()
            .filter(translation_key__in=keys)
            .select_related("locale")
            .only("id", "title", "url_path", "translation_key", "last_published_at", "locale")
        )
        for edition in editions:
            by_key.setdefault(edition.translation_key, []).append(edition)
        for found in by_key.values():
            found.sort(key=lambda page: LOCALE_ORDER.get(page.locale.language_code, 99))
        return by_key


def listing_queryset(queryset):
    """What article cards need, with topics prefetched: renditions and editions come later."""
    return (
        queryset.defer_streamfields()
        .select_related("locale", "hero_image")
        .prefetch_related(topic_links_prefetch(), bylines_prefetch())
    )


def detail_queryset(queryset):
    return queryset.select_related("locale", "hero_image").prefetch_related(
        topic_links_prefetch(), bylines_prefetch()
    )


def search_ids(query, locale=None, oldest_first=False):
    """Ids of the newest (or oldest) `SEARCH_LIMIT` live, public articles matching a
    full-text query, in one locale or in every one (the caller scopes them further)."""
    found = Locale.objects.filter(language_code=locale).first() if locale else None
    if locale and found is None:
        return []
    return newest_matches(
        search_backend(locale), clean_query(query), found, SEARCH_LIMIT, oldest_first
    )
