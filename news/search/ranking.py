"""Relevance ranking whose cost does not grow with the number of matches.

Ranking a query's matches (PostgreSQL's ``ts_rank`` reads and scores the text vector of
every matching row) costs what the matches number: a word found in a fifth of 100,000
articles is ranked 20,000 times for a page of ten. Readers are shown at most
``MAX_SEARCH_PAGES`` pages (news.search.views), so only that many matches can ever be seen:
`NewestMatchesRanked` finds the newest of them through the index without ranking (an order
by publication date), and ranks those alone. Among more matches than can be shown, the
newest win over older ones that might rank higher: for news, what is recent is what a
reader is looking for. The count still counts every match; with no more matches than can
be shown, they are all ranked in one query, as Wagtail does.
"""

from django.utils.functional import cached_property

from news.caching.versions import cached_count


class NewestMatchesRanked:
    """Search results of `query` over `queryset`, ranked by relevance among its `ranked`
    newest matches; sliceable and countable like Wagtail's search results (a Paginator's
    ``object_list``)."""

    def __init__(self, backend, query, queryset, ranked, count_key=None):
        self.backend = backend
        self.query = query
        self.queryset = queryset
        self.ranked = ranked
        self.count_key = count_key  # the count is cached under it until the listings change

    def _search(self, queryset, **options):
        return self.backend.search(self.query, queryset, operator="and", **options)

    @cached_property
    def _count(self):
        def count():
            return self._search(self.queryset, order_by_relevance=False).count()

        return cached_count(self.count_key, count) if self.count_key else count()

    def count(self):
        return self._count

    @cached_property
    def _results(self):
        if self.count() <= self.ranked:
            return self._search(self.queryset)
        lean = self.queryset.select_related(None).prefetch_related(None).only("id")
        newest = self._search(lean.order_by("-publication_date", "-id"), order_by_relevance=False)
        ids = [page.pk for page in newest[: self.ranked]]
        return self._search(self.queryset.filter(id__in=ids))

    def __getitem__(self, key):
        return self._results[key]

    def __iter__(self):
        return iter(self._results)
