"""Where each page type may live in the tree, and what editors are offered where."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from home.models import ContentPage, HomePage
from news.models import ArticlePage, NewsIndexPage

PAGE_TYPES = [Page, HomePage, NewsIndexPage, ArticlePage, ContentPage]


def creatable_under(parent_model):
    return {model for model in PAGE_TYPES if model.can_create_at(parent_model())}


def test_allowed_parent_page_types():
    assert set(HomePage.allowed_parent_page_models()) == {Page}
    assert set(NewsIndexPage.allowed_parent_page_models()) == {HomePage}
    assert set(ArticlePage.allowed_parent_page_models()) == {NewsIndexPage}
    assert set(ContentPage.allowed_parent_page_models()) == {HomePage, ContentPage}


def test_allowed_subpage_types():
    assert set(HomePage.allowed_subpage_models()) == {NewsIndexPage, ContentPage}
    assert set(NewsIndexPage.allowed_subpage_models()) == {ArticlePage}
    assert ArticlePage.allowed_subpage_models() == []
    assert set(ContentPage.allowed_subpage_models()) == {ContentPage}


@pytest.mark.django_db  # can_create_at looks up content types, cached only after a query
def test_what_can_be_created_where():
    assert ArticlePage not in creatable_under(Page)
    assert creatable_under(HomePage) == {NewsIndexPage, ContentPage}
    assert creatable_under(NewsIndexPage) == {ArticlePage}
    assert creatable_under(ArticlePage) == set()
    assert creatable_under(ContentPage) == {ContentPage}


@pytest.mark.parametrize(
    ("parent", "model", "allowed"),
    [
        ("root", HomePage, True),
        ("root", NewsIndexPage, False),
        ("root", ArticlePage, False),
        ("home", NewsIndexPage, True),
        ("home", ArticlePage, False),
        ("home", HomePage, False),
        ("news", ArticlePage, True),
        ("news", NewsIndexPage, False),
        ("article", ArticlePage, False),
        ("home", ContentPage, True),
        ("news", ContentPage, False),
    ],
)
def test_rules_hold_for_real_pages(tree, article_factory, parent, model, allowed):
    pages = {
        "root": Page.get_first_root_node(),
        "home": tree.home_lt,
        "news": tree.news_lt,
        "article": article_factory("lt"),
    }
    assert model.can_create_at(pages[parent]) is allowed


def test_admin_offers_only_articles_under_a_news_index(tree, admin_client):
    response = admin_client.get(reverse("wagtailadmin_pages:add_subpage", args=[tree.news_lt.pk]))
    # With a single allowed type, Wagtail goes straight to the article form.
    assert response.status_code == 302
    assert response.url == reverse(
        "wagtailadmin_pages:add", args=["news", "articlepage", tree.news_lt.pk]
    )


def assert_refused(response):
    """Wagtail's admin answers PermissionDenied by sending the editor to the dashboard."""
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")


@pytest.mark.parametrize(
    ("parent", "model"),
    [
        ("home", ("news", "articlepage")),
        ("news", ("home", "homepage")),
        ("news", ("news", "newsindexpage")),
    ],
)
def test_admin_refuses_a_page_type_in_the_wrong_place(tree, admin_client, parent, model):
    parent_page = {"home": tree.home_lt, "news": tree.news_lt}[parent]
    url = reverse("wagtailadmin_pages:add", args=[*model, parent_page.pk])
    pages_before = Page.objects.count()

    assert_refused(admin_client.get(url))
    assert_refused(admin_client.post(url, {"title": "Misplaced", "slug": "misplaced"}))
    assert Page.objects.count() == pages_before


def test_admin_offers_no_child_pages_under_an_article(tree, admin_client, article_factory):
    article = article_factory("lt")
    assert_refused(admin_client.get(reverse("wagtailadmin_pages:add_subpage", args=[article.pk])))
