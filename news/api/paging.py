"""Paging of the article listing: limits, orders, and the cursors of `next` URLs."""

import base64
import datetime
import re
from typing import Literal, NamedTuple

from django.conf import settings
from django.db.models import Q

LIMIT_MAX = getattr(settings, "WAGTAILAPI_LIMIT_MAX", None) or 100
# Database integers are 32-bit for page ids; larger numbers can only be a client error.
MAX_INT = 2**31 - 1
# The database reads and drops every row an offset skips, so deep offsets cost what they
# skip: beyond this, clients follow `next` (a cursor), which costs the same on every page.
OFFSET_MAX = 1000

ListingOrder = Literal["-publication_date", "publication_date"]
# The SQL ordering of each `order`: the id breaks ties between articles of the same day.
ORDERINGS = {
    "-publication_date": ("-publication_date", "-pk"),
    "publication_date": ("publication_date", "pk"),
}

# What a cursor encodes (see `Cursor`): the order it was made for, a date and an id.
CURSOR_PAYLOAD = re.compile(
    r"(?P<order>-?publication_date):(?P<date>\d{4}-\d\d-\d\d):(?P<pk>[1-9]\d{0,9})"
)
INVALID_CURSOR = "cursor is not valid: use the `next` URL of a response"


class Cursor(NamedTuple):
    """The position after the last article of a page, in the `order` it was made for.

    Sent as URL-safe base64, without padding, of ``<order>:<YYYY-MM-DD>:<id>``: opaque to
    clients, who get it in `next` URLs.
    """

    order: ListingOrder
    publication_date: datetime.date
    pk: int

    def encode(self) -> str:
        payload = f"{self.order}:{self.publication_date.isoformat()}:{self.pk}"
        return base64.urlsafe_b64encode(payload.encode()).decode().rstrip("=")

    @classmethod
    def decode(cls, text: str) -> "Cursor":
        """The cursor `text` encodes; ValueError for anything `encode` cannot have made."""
        try:
            padded = text + "=" * (-len(text) % 4)
            payload = base64.b64decode(padded, altchars=b"-_", validate=True).decode("ascii")
        except ValueError as error:  # not base64, or bytes that are not ASCII
            raise ValueError(INVALID_CURSOR) from error
        found = CURSOR_PAYLOAD.fullmatch(payload)
        if not found or int(found["pk"]) > MAX_INT:
            raise ValueError(INVALID_CURSOR)
        try:
            date = datetime.date.fromisoformat(found["date"])
        except ValueError as error:  # 2024-02-30, 0000-01-01
            raise ValueError(INVALID_CURSOR) from error
        return cls(found["order"], date, int(found["pk"]))

    def q(self) -> Q:
        """Articles after this position: (publication_date, id) beyond it, in its order.

        The bound on the date alone adds nothing to the result; it lets the database start
        reading the publication date index at the cursor instead of filtering up to it.
        """
        date, pk = self.publication_date, self.pk
        if self.order == "publication_date":
            after = Q(publication_date__gt=date) | Q(publication_date=date, pk__gt=pk)
            return Q(publication_date__gte=date) & after
        after = Q(publication_date__lt=date) | Q(publication_date=date, pk__lt=pk)
        return Q(publication_date__lte=date) & after
