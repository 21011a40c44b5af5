"""Pagination of article listings whose cost does not grow with the page number.

`Paginator` fetches page N with ``OFFSET (N - 1) * size``: the database reads and throws
away every row before it, so the last page of a news index with 100,000 articles reads
them all. `ListingPaginator` reads the back half of a listing from its other end, in the
reverse order (an ordered queryset's ``reverse()``), so the last page costs what the first
does and the deepest offset is half the listing. The count (which every page shows) is kept
in the cache under a key that changes whenever a page is published, unpublished, moved or
deleted (news.caching.versions.cached_count), as the API's listing count is.
"""

from django.core.paginator import Paginator
from django.utils.functional import cached_property

from news.caching.versions import cached_count


class ListingPaginator(Paginator):
    def __init__(self, object_list, per_page, *, count_key=None, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.count_key = count_key

    @cached_property
    def count(self):
        paginator = super()
        if not self.count_key:
            return paginator.count
        return cached_count(self.count_key, lambda: paginator.count)

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = min(bottom + self.per_page, self.count)
        ordered = getattr(self.object_list, "ordered", False)
        if not ordered or bottom <= self.count // 2:
            return super().page(number)
        # From the other end: rows count-top .. count-bottom of the reversed order.
        items = list(self.object_list.reverse()[self.count - top : self.count - bottom])
        items.reverse()
        return self._get_page(items, number, self)
