"""Search results whose cost does not grow with the number of matches.

Counting a query's matches reads every one of them, and ranking them (PostgreSQL's
``ts_rank`` scores the text vectors of each) as well: a word found in a fifth of 100,000
articles is counted and ranked 20,000 times for a page of ten. Readers are shown at most
``MAX_SEARCH_PAGES`` pages (news.search.views), so only that many matches can ever be seen.
A search therefore

1. finds the newest matches, one more than can be shown; on PostgreSQL along the
   ``(locale, publication_date)`` index of `ArticleSearchEntry` (a few thousand rows of one
   narrow table for a common word; a rare one through its GIN index instead),
2. ranks those alone by relevance, with Wagtail's ranking: on PostgreSQL in the query that
   finds them (`ranked_newest_matches`), elsewhere with Wagtail's backend among their ids,
3. fetches the articles of the page shown.

The count is the number of those matches: exact up to what can be shown, "more than" that
beyond (`NewestMatchesRanked.more`). Among more matches than can be shown, the newest win
over older ones that might rank higher: for news, what is recent is what a reader is
looking for, and the date is the one order an index can give without reading every match.
"""

from django.contrib.postgres.search import SearchVectorField
from django.db.models import F
from django.db.models.expressions import CombinedExpression
from django.utils.functional import cached_property
from wagtail.models import PageQuerySet

from news.models import ArticlePage, in_private_section

from .backend import LocalePostgresSearchBackend
from .models import ArticleSearchEntry

# The expression of ArticleSearchEntry's GIN index (migration news.0014).
ENTRY_VECTOR = CombinedExpression(F("title"), "||", F("body"), output_field=SearchVectorField())


def matching_entries(tsquery, locale, oldest_first=False):
    """The ArticleSearchEntry rows of live, public articles matching `tsquery`, in `locale`
    (a Locale, or every language when None), newest first (or oldest first)."""
    order = ("publication_date", "page_id") if oldest_first else ("-publication_date", "-page_id")
    entries = ArticleSearchEntry.objects.filter(page__live=True).exclude(
        in_private_section("page__path")
    )
    if locale is not None:
        entries = entries.filter(locale=locale)
    return entries.annotate(vector=ENTRY_VECTOR).filter(vector=tsquery).order_by(*order)


def newest_matches(backend, query, locale, limit, oldest_first=False):
    """Ids of the live, public articles matching all the words of `query`, in `locale` (a
    Locale, or every language when None): the newest `limit` of them, newest first (or the
    oldest, oldest first)."""
    if not query:
        return []
    if isinstance(backend, LocalePostgresSearchBackend):
        tsquery, _rank = backend.match_and_rank(query)
        if tsquery is None:
            return []
        entries = matching_entries(tsquery, locale, oldest_first)
        return list(entries.values_list("page_id", flat=True)[:limit])
    # Other databases: Wagtail's backend, ordered by date instead of relevance.
    articles = PageQuerySet.public(ArticlePage.objects.live())
    if locale is not None:
        articles = articles.filter(locale=locale)
    order = ("publication_date", "id") if oldest_first else ("-publication_date", "-id")
    matches = backend.search(
        query, articles.order_by(*order).only("id"), operator="and", order_by_relevance=False
    )
    return [page.pk for page in matches[:limit]]


def ranked_newest_matches(backend, query, locale, limit):
    """On PostgreSQL: ids of the newest `limit` live, public articles matching all the words
    of `query` in `locale`, most relevant first (Wagtail's ranking; the newest first among
    equals), and whether more articles match."""
    tsquery, rank = backend.match_and_rank(query)
    if tsquery is None:
        return [], False
    # The newest matches and their relevance in one query, ranked here: ordered by
    # relevance, the database would rank every match before choosing the newest.
    entries = matching_entries(tsquery, locale).annotate(rank=rank)
    scored = list(entries.values_list("page_id", "rank")[: limit + 1])
    newest = sorted(scored[:limit], key=lambda row: (-row[1], -row[0]))
    return [page_id for page_id, _rank in newest], len(scored) > limit


class NewestMatchesRanked:
    """The matches of `query` in `locale` that can be shown, `shown` at most: the newest,
    ranked by relevance; sliceable and countable like Wagtail's search results (a
    Paginator's ``object_list``). `queryset` is what is fetched of each result shown (its
    ``select_related``/``prefetch_related``)."""

    def __init__(self, backend, query, queryset, locale, shown):
        self.backend = backend
        self.query = query
        self.queryset = queryset
        self.locale = locale
        self.shown = shown
        self.postgresql = isinstance(backend, LocalePostgresSearchBackend)

    @cached_property
    def _matches(self):
        """Ids of the matches that can be shown (on PostgreSQL most relevant first), and
        whether more match."""
        if not self.query:
            return [], False
        if self.postgresql:
            return ranked_newest_matches(self.backend, self.query, self.locale, self.shown)
        ids = newest_matches(self.backend, self.query, self.locale, self.shown + 1)
        return ids[: self.shown], len(ids) > self.shown

    def count(self):
        return len(self._matches[0])

    @property
    def more(self):
        """Whether more articles match than can be shown (and than are counted)."""
        return self._matches[1]

    def __getitem__(self, key):
        ids, _more = self._matches
        if not ids:
            return []
        if self.postgresql:
            page = ids[key]
            articles = self.queryset.in_bulk(page)
            return [articles[pk] for pk in page if pk in articles]
        # Elsewhere Wagtail's backend ranks them, and fetches the page's in the same query.
        ranked = self.backend.search(self.query, self.queryset.filter(id__in=ids), operator="and")
        return list(ranked[key])

    def __iter__(self):
        return iter(self[:])
