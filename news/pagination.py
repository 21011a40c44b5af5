"""Pagination whose cost does not grow with the page number.

Django's `Paginator` fetches page N with ``OFFSET (N - 1) * size``: the database reads and
throws away every row before it, so the last page of a news index with 100,000 articles
reads them all. `NearerEndPaginatorMixin` reads the back half of an ordered listing from its
other end, in the reverse order (an ordered queryset's ``reverse()``), so that the last page
costs what the first does and the deepest offset is half the listing. It pages the public
listings (`ListingPaginator`) and the admin's (news.listings.paginator).

`ListingPaginator` keeps the count (which every page shows) in the cache under a key that
changes whenever a page is published, unpublished, moved or deleted
(news.caching.versions.cached_count), as the API's listing count is.
"""

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.utils.functional import cached_property

from news.caching.versions import cached_count


def rows_from_nearer_end(listing, count, bottom, top, *, keys_first=False, keys=None):
    """Rows ``bottom`` to ``top`` (not included) of ``listing``, an ordered queryset of
    ``count`` rows, read from its nearer end.

    With ``keys_first``, rows to skip are skipped in an index: the page's primary keys are
    read first, with the listing's filters and order but none of its annotations or
    prefetches, then the rows of those keys. ``keys``, a queryset of the listing's primary
    keys in the listing's order, reads them instead (from an index of their own).
    """
    from_end = count - top < bottom
    if from_end:
        listing, bottom, top = listing.reverse(), count - top, count - bottom
        keys = None if keys is None else keys.reverse()
    if bottom and (keys_first or keys is not None):
        if keys is None:
            keys = listing.prefetch_related(None).values_list("pk", flat=True)
        keys = list(keys[bottom:top])
        by_key = {row.pk: row for row in listing.filter(pk__in=keys).order_by()}
        # A row deleted since its key was read is left out.
        rows = [by_key[key] for key in keys if key in by_key]
    else:
        rows = list(listing[bottom:top])
    return rows[::-1] if from_end else rows


class NearerEndPaginatorMixin:
    """A paginator whose pages are read from the nearer end of the listing."""

    read_keys_first = False  # see rows_from_nearer_end()
    ordered_keys = None  # see rows_from_nearer_end()

    def ordered_listing(self):
        """The listing in a total order, or None to page it as Django does."""
        listing = self.object_list
        return listing if isinstance(listing, QuerySet) and listing.ordered else None

    def page(self, number):
        number = self.validate_number(number)
        listing = self.ordered_listing()
        if listing is None or not self.count:
            return super().page(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        rows = rows_from_nearer_end(
            listing,
            self.count,
            bottom,
            top,
            keys_first=self.read_keys_first,
            keys=self.ordered_keys,
        )
        return self._get_page(rows, number, self)


class ListingPaginator(NearerEndPaginatorMixin, Paginator):
    def __init__(self, object_list, per_page, *, count_key=None, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.count_key = count_key

    @cached_property
    def count(self):
        paginator = super()
        if not self.count_key:
            return paginator.count
        return cached_count(self.count_key, lambda: paginator.count)
