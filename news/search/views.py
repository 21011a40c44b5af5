"""Site search: /lt/paieska/?q=... and /en/search/?q=..., over the live, public articles of
the language of the URL, with the text search configuration of that language on PostgreSQL
(news.search.backend); Wagtail's database backend without stemming elsewhere.
"""

import re

from django.conf import settings
from django.core.paginator import InvalidPage, Paginator
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode
from django.utils.translation import get_language
from wagtail.models import Locale

from news.models import ArticlePage

from .backend import search_backend
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


def search_articles(query, language_code, queryset=None):
    """Search results (lazy, sliceable, countable) for live, public articles in one
    language: the newest that can be shown, ranked by relevance (news.search.ranking).

    ``queryset`` is what is fetched of each result: ``select_related``/``prefetch_related``
    for what is shown of it.
    """
    query = clean_query(query)
    locale = Locale.objects.filter(language_code=language_code).first()
    if locale is None:
        query = ""  # no articles in an unknown language: nothing to find
    shown = MAX_SEARCH_PAGES * settings.NEWS_PAGE_SIZE
    return NewestMatchesRanked(
        search_backend(language_code),
        query,
        ArticlePage.objects.all() if queryset is None else queryset,
        locale,
        shown,
    )


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
    results = search_articles(query, get_language(), ArticlePage.objects.for_listing())
    paginator = Paginator(results, settings.NEWS_PAGE_SIZE)
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
            "more_results": results.more,
            "page_size": settings.NEWS_PAGE_SIZE,
            "edition_urls": search_urls(query),
        },
    )
