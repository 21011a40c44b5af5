"""The explorer's listing of a page's children, counted from the tree.

Wagtail counts the listing at every request: ``COUNT(*)`` over the page's children, joined
with every page the user may explore (90–130 ms for a news index of 100,000 articles). When
the listing is every child of the page (no search, no filter, and a user who sees every page
below it: ``sees_every_page_below``), that count is the page's ``numchild``. Treebeard keeps
it exact because the tree depends on it (a new child's path follows the last one it counts),
and Wagtail's creates, moves, copies, aliases and deletes all go through treebeard; a publish
corrects the stale one wagtail-localize's subtree translation leaves (wagtail-localize #773,
``news.translation.signals``), and ``manage.py fixtree`` reports any page where it is off.
Such a listing is not joined with every page the user may explore either (Wagtail's filter,
which a page in the middle of the listing paid for every page of the site). Otherwise the
listing is counted and filtered as Wagtail does it. Either way its page is read through an
index (``IndexedPaginator``), and so are the choices of its "Owner" and "Edited by" filters
(``ExplorerFilterSet``).

The view is the index view of ``NewsroomPageViewSet``, which takes the place of Wagtail's
default page viewset (Wagtail registers that one first, ``order=-1``, for a later one to
replace): every other page view stays Wagtail's own.
"""

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef
from django.utils.functional import cached_property
from wagtail.admin.views.pages.listing import ExplorableIndexView, GenericPageFilterSet
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import Page, PageLogEntry

from news.translation.permissions import sees_every_page_below

from .paginator import IndexedPaginator


def page_owners(request):
    return get_user_model().objects.filter(Exists(Page.objects.filter(owner=OuterRef("pk"))))


def page_editors(request):
    edits = PageLogEntry.objects.filter(user_id=OuterRef("pk"), action="wagtail.edit")
    return get_user_model().objects.filter(Exists(edits))


class ExplorerFilterSet(GenericPageFilterSet):
    """Wagtail's filters, offering the users who own or edited a page: each user looked up in
    the owner index and the log's user index, where Wagtail reads every page's owner (20 ms
    at 200,000 pages, at every request of the explorer) and every edit in the log."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["owner"].queryset = page_owners
        self.filters["edited_by"].queryset = page_editors


class ExplorerView(ExplorableIndexView):
    paginator_class = IndexedPaginator

    def get_paginator(self, queryset, per_page, **kwargs):
        return super().get_paginator(queryset, per_page, count=self.children_count(), **kwargs)

    @cached_property
    def lists_every_child(self):
        """Whether the listing is all the parent's children: no search, no filter, and a user
        who may explore every page below it.

        Besides the user's permissions, the explorer's queryset is filtered only by
        ``construct_explorer_page_queryset`` hooks, whose one filter is ``hide_unseen_drafts``
        (tests/translation/test_explorer_count.py keeps it so).
        """
        return not (self.is_searching or self.is_filtering) and sees_every_page_below(
            self.permissions
        )

    def children_count(self):
        """The parent's ``numchild`` when the listing is all its children; else None (counted)."""
        return self.parent_page.numchild if self.lists_every_child else None

    def get_base_queryset(self):
        """Wagtail's, without keeping to the pages the user may explore when that is all of
        them: the filter joined every child with every page of the site (200,000 at 100,000
        articles a language), which a page in the middle of the listing paid in full."""
        if not self.lists_every_child:
            return super().get_base_queryset()
        return self.annotate_queryset(self.model._default_manager.child_of(self.parent_page))


class NewsroomPageViewSet(PageViewSet):
    index_view_class = ExplorerView
    filterset_class = ExplorerFilterSet
