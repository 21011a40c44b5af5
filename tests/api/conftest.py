"""Fixtures of the content API tests: a bilingual site built by hand (see builders.py).

Wagtail root
├── HomePage "pradzia" (lt, root of the default Site)  └── NewsIndexPage "naujienos"
└── HomePage "home"    (en, translation of the lt home) └── NewsIndexPage "news"

Fixture names start with `api_` or `make_` so that they never shadow the site tests' own
fixtures in tests/conftest.py.
"""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.cache import caches
from wagtail.models import APIToken, GroupPagePermission, Page

from ..factories import build_site_tree, make_topic, translate
from .builders import full_body, make_article, make_image


@pytest.fixture(autouse=True)
def api_clear_caches():
    """Site root paths and renditions are cached; rows rolled back must not linger there."""
    for cache in caches.all():
        cache.clear()
    yield
    for cache in caches.all():
        cache.clear()


@pytest.fixture
def api_site(db):
    return build_site_tree(
        hostname="testserver",
        home_intros=("Sveiki!", "Welcome!"),
        news_intros=("Miesto.", "City news."),
        home_en_slug="home",
    )


@pytest.fixture
def api_image(db):
    return make_image()


@pytest.fixture
def api_articles(api_site, api_image):
    """Three lt articles (one with an English edition) and one English-only article.

    Newest first: lt_new (2024-03-03), lt_mid (2024-02-02, translated), lt_old (2024-01-01);
    en_only (2024-02-15) exists in English only.
    """
    lt_old = make_article(
        api_site.news_lt, "Senas", date=datetime.date(2024, 1, 1), topics=["Kultūra"]
    )
    lt_mid = make_article(
        api_site.news_lt,
        "Vidurinis",
        slug="vidurinis",
        date=datetime.date(2024, 2, 2),
        topics=["Švietimas", "Kultūra"],
        hero_image=api_image,
        body=full_body(api_image, linked_page=lt_old),
    )
    lt_new = make_article(
        api_site.news_lt, "Naujas", date=datetime.date(2024, 3, 3), topics=["Sportas"]
    )
    # Two of the topics have English editions ("Sportas" has none): the English article
    # gets those (news.models.ArticlePage.localize_topics).
    for name, english in [("Švietimas", "Education"), ("Kultūra", "Culture")]:
        make_topic(api_site.en, english, translation_of=make_topic(api_site.lt, name))
    en_mid = translate(
        lt_mid,
        api_site.en,
        title="Middle",
        slug="middle",
        lead="Lead in English.",
        hero_image_alt="A photo",
    )
    en_only = make_article(
        api_site.news_en, "English only", slug="english-only", date=datetime.date(2024, 2, 15)
    )
    return {
        "lt_old": lt_old,
        "lt_mid": lt_mid,
        "lt_new": lt_new,
        "en_mid": en_mid,
        "en_only": en_only,
    }


@pytest.fixture
def api_token(db, django_user_model):
    """`api_token(user)`: the Authorization header value of a new bearer token for `user`."""

    def factory(user):
        _token, plaintext = APIToken.create_token(user=user, name="test")
        return f"Bearer {plaintext}"

    return factory


def user_with_page_permissions(django_user_model, username, codenames):
    """A user whose only group may do `codenames` on every page (under the tree root)."""
    group = Group.objects.create(name=f"API {username}")
    for codename in codenames:
        GroupPagePermission.objects.create(
            group=group,
            page=Page.get_first_root_node(),
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
    user = django_user_model.objects.create_user(username, f"{username}@example.com", "pw")
    user.groups.add(group)
    return user


@pytest.fixture
def api_editor(db, django_user_model):
    """May add and edit pages, not publish them."""
    return user_with_page_permissions(django_user_model, "redaktore", ["add_page", "change_page"])


@pytest.fixture
def api_moderator(db, django_user_model):
    """May add, edit and publish pages."""
    return user_with_page_permissions(
        django_user_model, "moderatorius", ["add_page", "change_page", "publish_page"]
    )


@pytest.fixture
def api_reader(db, django_user_model):
    """A user with no Wagtail permission at all."""
    return django_user_model.objects.create_user("skaitytojas", "s@example.com", "pw")
