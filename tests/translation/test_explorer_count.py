"""The explorer's listing of a news index (news.listings.explorer): counted from the index's
``numchild`` when it is every child, and exact on every page, for each role, after every
change of the tree; counted as Wagtail counts it under a filter, a search or permissions
that leave pages out."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.db.models import F
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail import hooks
from wagtail.models import GroupPagePermission, Page

from news.listings.explorer import ExplorerView
from news.models import NewsIndexPage
from news.translation.wagtail_hooks import hide_unseen_drafts_from_explorer
from tests.factories import create_article

from .helpers import submit_for_translation

PAGE_SIZE = 5
EXPLORER_ORDER = (F("latest_revision_created_at").desc(nulls_last=True), "pk")


@pytest.fixture(autouse=True)
def small_pages(monkeypatch):
    monkeypatch.setattr(ExplorerView, "paginate_by", PAGE_SIZE)


@pytest.fixture
def superuser_client(db, django_user_model):
    client = Client()
    client.force_login(django_user_model.objects.create_superuser("admin", "a@example.com", "pw"))
    return client


@pytest.fixture
def contributor(db, django_user_model, newsroom):
    """May add articles to the Lithuanian news index, and sees only the drafts they own."""
    group = Group.objects.create(name="Contributors")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(
        group=group, page=newsroom.news_lt, permission=Permission.objects.get(codename="add_page")
    )
    user = django_user_model.objects.create_user("contributor", "c@example.com", "pw")
    user.groups.add(group)
    return user


@pytest.fixture
def archive(newsroom, contributor):
    """Lithuanian articles: live ones, two drafts (one the contributor's) and an alias; and
    English ones, a draft among them."""
    for number in range(9):
        create_article(newsroom.news_lt, f"Naujiena {number}")
    create_article(newsroom.news_lt, "Juodraštis", live=False)
    owned = create_article(newsroom.news_lt, "Bendradarbio juodraštis", live=False)
    Page.objects.filter(pk=owned.pk).update(owner=contributor)
    elsewhere = create_article(newsroom.events_lt, "Renginys")
    elsewhere.create_alias(parent=newsroom.news_lt, update_slug="renginys-naujienose")
    for number in range(6):
        create_article(newsroom.news_en, f"Article {number}", live=number != 0)


def explore(client, index, **query):
    return client.get(reverse("wagtailadmin_explore", args=[index.pk]), query)


def listed(client, index, **query):
    """(the count the listing shows, the pages of every page of it, in turn)."""
    first = explore(client, index, **query)
    assert first.status_code == 200
    paginator = first.context["paginator"]
    rows = []
    for number in paginator.page_range:
        response = explore(client, index, p=number, **query)
        page = response.context["page_obj"]
        assert page.number == number
        rows += [row.pk for row in response.context["object_list"]]
    return paginator.count, rows


def children(index, **filters):
    return list(
        Page.objects.child_of(index)
        .filter(**filters)
        .order_by(*EXPLORER_ORDER)
        .values_list("pk", flat=True)
    )


def assert_every_child_listed(client, index):
    refreshed = Page.objects.get(pk=index.pk)
    count, rows = listed(client, refreshed)
    expected = children(refreshed)
    assert rows == expected
    assert count == len(expected) == refreshed.numchild


def test_every_child_once_for_a_superuser_and_an_editor(
    archive, newsroom, superuser_client, editor_client
):
    for client in (superuser_client, editor_client):
        assert_every_child_listed(client, newsroom.news_lt)
    count, _rows = listed(editor_client, newsroom.news_lt)
    assert count == 12  # nine live articles, two drafts and an alias


def test_every_english_article_for_a_translator(archive, newsroom, translator_client):
    assert_every_child_listed(translator_client, newsroom.news_en)


def listing_filter(client, index, **query):
    """The SQL of the WHERE clause of the explorer's listing of ``index``."""
    listing = explore(client, index, **query).context["paginator"].object_list
    sql, _params = listing.query.get_compiler(using="default").compile(listing.query.where)
    return sql


def test_every_child_is_not_joined_with_every_page_one_may_explore(
    archive, newsroom, superuser_client, editor_client, contributor
):
    # Wagtail keeps to the pages one may explore with a subquery over the whole site.
    for client in (superuser_client, editor_client):
        assert "IN (SELECT" not in listing_filter(client, newsroom.news_lt)
        filtered = listing_filter(client, newsroom.news_lt, has_child_pages="false")
        assert "IN (SELECT" in filtered
    contributor_client = Client()
    contributor_client.force_login(contributor)
    assert "IN (SELECT" in listing_filter(contributor_client, newsroom.news_lt)


def test_the_count_is_the_index_numchild_without_counting(archive, newsroom, editor_client):
    with CaptureQueriesContext(connection) as captured:
        response = explore(editor_client, newsroom.news_lt, p=3)
    assert response.context["paginator"].count == 12
    assert len(response.context["object_list"]) == 2
    counts = [query["sql"] for query in captured if query["sql"].startswith("SELECT COUNT(")]
    assert not [sql for sql in counts if 'FROM "wagtailcore_page"' in sql], counts


def test_someone_who_sees_only_their_own_drafts_gets_them_counted(archive, newsroom, contributor):
    client = Client()
    client.force_login(contributor)

    count, rows = listed(client, newsroom.news_lt)

    owned_or_live = Page.objects.filter(owner=contributor) | Page.objects.filter(live=True)
    expected = children(newsroom.news_lt, pk__in=owned_or_live.values("pk"))
    assert rows == expected
    assert count == len(expected) == 11  # the other draft is not theirs


@pytest.mark.parametrize(
    "query",
    [
        {"has_child_pages": "false"},
        {"ordering": "title", "has_child_pages": "false"},
        {"q": "Naujiena"},
    ],
)
def test_a_filtered_or_searched_listing_is_counted(archive, newsroom, editor_client, query):
    count, rows = listed(editor_client, newsroom.news_lt, **query)

    titles = Page.objects.filter(pk__in=rows).values_list("title", flat=True)
    expected = 9 if "q" in query else 12
    assert count == len(rows) == len(set(rows)) == expected
    assert all("Naujiena" in title for title in titles) or "q" not in query


def test_ordered_by_title_every_child_once(archive, newsroom, editor_client):
    count, rows = listed(editor_client, newsroom.news_lt, ordering="-title")
    assert rows == list(
        Page.objects.child_of(newsroom.news_lt)
        .order_by("-title", "-pk")
        .values_list("pk", flat=True)
    )
    assert count == 12


def test_numchild_stays_right_as_the_tree_changes(archive, newsroom, editor_client, image):
    index = newsroom.news_lt
    first, second = Page.objects.child_of(index).filter(live=True)[:2]

    editor_client.post(reverse("wagtailadmin_pages:delete", args=[first.pk]))
    assert_every_child_listed(editor_client, index)

    editor_client.post(
        reverse("wagtailadmin_pages:move_confirm", args=[second.pk, newsroom.events_lt.pk])
    )
    assert_every_child_listed(editor_client, index)
    assert_every_child_listed(editor_client, newsroom.events_lt)

    Page.objects.get(pk=second.pk).copy(to=index, update_attrs={"slug": "kopija"})
    Page.objects.get(pk=second.pk).create_alias(parent=index, update_slug="dar-vienas")
    assert_every_child_listed(editor_client, index)

    stale = NewsIndexPage.objects.get(pk=index.pk)  # loaded before a child is added
    create_article(index, "Vėlesnė naujiena")
    stale.save_revision().publish()  # saves the stale numchild, which a publish corrects
    assert_every_child_listed(editor_client, index)


def test_a_news_index_translated_with_its_subtree(
    archive, newsroom, editor_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        submit_for_translation(editor_client, newsroom.events_lt, newsroom.en, include_subtree=True)
    assert_every_child_listed(editor_client, newsroom.events_en)


def _queries(client, index, **query):
    with CaptureQueriesContext(connection) as captured:
        assert explore(client, index, **query).status_code == 200
    return len(captured)


def test_the_last_page_costs_what_the_first_does(archive, newsroom, editor_client):
    explore(editor_client, newsroom.news_lt)  # warm: the session, content types
    first = _queries(editor_client, newsroom.news_lt)
    # A full last page (10 of 15 rows): the same rows' queries as the first page's.
    create_article(newsroom.news_lt, "Dar viena")
    create_article(newsroom.news_lt, "Ir dar viena")
    create_article(newsroom.news_lt, "Paskutinė")
    assert _queries(editor_client, newsroom.news_lt, p=3) == first
    assert _queries(editor_client, newsroom.news_lt, p=2) == first + 1  # its keys, then rows


def test_the_only_filter_besides_permissions_is_hide_unseen_drafts():
    """ExplorerView.children_count trusts numchild for what this filter leaves: a new hook
    that filters the explorer must be taught to it."""
    assert hooks.get_hooks("construct_explorer_page_queryset") == [hide_unseen_drafts_from_explorer]
