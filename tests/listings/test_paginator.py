"""``IndexedPaginator``: every row once, in the listing's order, on whichever page and from
whichever end it is read, with a count given or counted."""

import pytest
from django.contrib.auth import get_user_model
from django.db.models import OuterRef, Subquery

from news.listings.paginator import IndexedPaginator

pytestmark = pytest.mark.django_db

NAMES = ["Asta", "Birutė", "Jonas"]  # many users share each: ties in the order


@pytest.fixture
def users():
    User = get_user_model()
    User.objects.bulk_create(
        User(username=f"user-{number:02}", first_name=NAMES[number * 7 % 3]) for number in range(23)
    )
    return User.objects.filter(username__startswith="user-")


def listing(users):
    # An annotation like the report's statuses: computed for the rows of a page only.
    same_name = users.filter(first_name=OuterRef("first_name")).order_by("pk").values("pk")
    return users.annotate(first_of_name=Subquery(same_name[:1])).order_by("-first_name")


def every_page(paginator):
    return [list(paginator.page(number).object_list) for number in paginator.page_range]


@pytest.mark.parametrize("orphans", [0, 3])
@pytest.mark.parametrize("known", [False, True])
def test_every_row_once_in_the_listings_order(users, orphans, known):
    rows = list(listing(users).order_by("-first_name", "pk"))
    paginator = IndexedPaginator(
        listing(users), 5, orphans=orphans, count=len(rows) if known else None
    )

    pages = every_page(paginator)

    assert [row for page in pages for row in page] == rows
    assert [len(page) for page in pages] == ([5, 5, 5, 5, 3] if not orphans else [5, 5, 5, 8])
    assert all(row.first_of_name for page in pages for row in page)


def test_a_page_costs_one_query_at_either_end_and_two_in_the_middle(
    users, django_assert_num_queries
):
    paginator = IndexedPaginator(listing(users), 5, count=23)

    with django_assert_num_queries(1):
        first = list(paginator.page(1).object_list)
    with django_assert_num_queries(1):
        last = list(paginator.page(5).object_list)
    with django_assert_num_queries(2):  # the keys of rows 10 to 15, then those rows
        middle = list(paginator.page(3).object_list)

    assert (len(first), len(middle), len(last)) == (5, 5, 3)


def test_counts_when_not_told(users, django_assert_num_queries):
    paginator = IndexedPaginator(listing(users), 5)
    with django_assert_num_queries(1):
        assert paginator.count == 23


def test_an_empty_listing_has_one_empty_page(users, django_assert_num_queries):
    paginator = IndexedPaginator(listing(users).none(), 5, count=0)
    with django_assert_num_queries(0):
        assert list(paginator.page(1).object_list) == []


def test_search_results_are_paged_as_wagtail_pages_them(users):
    results = list(listing(users).order_by("-first_name", "pk"))
    paginator = IndexedPaginator(results, 5)
    assert list(paginator.page(5).object_list) == results[20:]
