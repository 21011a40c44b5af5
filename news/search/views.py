"""Site search: /lt/paieska/?q=... and /en/search/?q=..., over the live, public articles of
the language of the URL, with the text search configuration of that language on PostgreSQL
(news.search.backend); Wagtail's database backend without stemming elsewhere.
"""

import hashlib
import re

from django.conf import settings
from django.core.paginator import InvalidPage
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode
from django.utils.translation import get_language
from wagtail.models import Locale, PageQuerySet
from wagtail.search.backends import get_search_backend

from news.models import ArticlePage
from news.pagination import ListingPaginator

from .backend import config_for_language
from .ranking import NewestMatchesRanked

# Longer queries are cut: nobody types them, and each term costs the database work.
MAX_QUERY_LENGTH = 200
MAX_QUERY_TERMS = 12
# Bounded offsets: deeper result pages than this are not served (relevance order).
MAX_SEARCH_PAGES = 50
WORD = re.compile(r"\w+")


def clean_query(raw):
    """The query as searched: its words only, bounded.

    Punctuation is dropped rather than passed on: SQLite's FTS5 and PostgreSQL's tsquery
    each give meaning (or a syntax error) to quotes, operators and colons.
    """
    terms = WORD.findall((raw or "")[: MAX_QUERY_LENGTH * 2])[:MAX_QUERY_TERMS]
    return " ".join(terms)[:MAX_QUERY_LENGTH].strip()


def search_articles(query, language_code, queryset=None, count_key=None):
    """Search results (lazy, sliceable) for live, public articles in one language.

    ``queryset`` narrows the articles further (e.g. to one site) and may carry
    ``select_related``/``prefetch_related`` for what is shown of each result; the count is
    cached under ``count_key`` until the listings change.
    """
    query = clean_query(query)
    locale = Locale.objects.filter(language_code=language_code).first()
    if not query or locale is None:
        return ArticlePage.objects.none()
    if queryset is None:
        queryset = ArticlePage.objects.all()
    # Wagtail's public(): the search backend only accepts filters on its FilterFields (path),
    # not the subquery of ArticlePageQuerySet.public().
    queryset = PageQuerySet.public(queryset.live().filter(locale=locale))
    config = config_for_language(language_code)
    backend = get_search_backend(**({"SEARCH_CONFIG": config} if config else {}))
    ranked = MAX_SEARCH_PAGES * settings.NEWS_PAGE_SIZE
    return NewestMatchesRanked(backend, query, queryset, ranked, count_key=count_key)


def search_article_ids(query, language_code=None, limit=1000):
    """Ids of matching live articles in one language, or in every language when None."""
    languages = [language_code] if language_code else [code for code, _ in settings.LANGUAGES]
    ids = []
    for code in languages:
        ids.extend(page.pk for page in search_articles(query, code)[:limit])
    return ids


def search_urls(query):
    """The search page in each language, with the same query: for the language switcher."""
    urls = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            url = reverse("search")
        urls[code] = f"{url}?{urlencode({'q': query})}" if query else url
    return urls


def search(request):
    query = clean_query(request.GET.get("q", ""))
    # The count (a second full-text search) is cached until the next publish.
    key = hashlib.sha1(f"{get_language()}:{query.lower()}".encode()).hexdigest()
    results = search_articles(
        query, get_language(), ArticlePage.objects.for_listing(), count_key=f"search-{key}"
    )
    paginator = ListingPaginator(results, settings.NEWS_PAGE_SIZE)
    try:
        number = int(request.GET.get("page", 1))
        if number > MAX_SEARCH_PAGES:
            raise InvalidPage
        page = paginator.page(number) if query else None
    except (InvalidPage, ValueError, TypeError) as error:
        raise Http404("No such page of results.") from error
    # Cache-Control as for every page (news.caching.headers): the edge cache forgets all
    # search pages on every publish.
    return TemplateResponse(
        request,
        "news/search.html",
        {
            "query": query,
            "results": page,
            "page_size": settings.NEWS_PAGE_SIZE,
            "edition_urls": search_urls(query),
        },
    )
