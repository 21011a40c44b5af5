"""Fixtures of the translation workflow tests: a bilingual site built by hand, one user per role.

    Wagtail root
    ├── Kauno naujienos (lt, default Site root)  ├── Naujienos    └── Renginiai
    └── Kaunas News (en, its translation)         ├── News         └── Events

The English home page and indexes are translated with ``copy_for_translation`` (not through
wagtail-localize): the tests submit the articles themselves.
"""

from dataclasses import dataclass

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from wagtail.models import PageViewRestriction
from wagtail.users.models import UserProfile

from news.authors import ArticleAuthor, Author
from news.models import ArticlePageTopic, NewsIndexPage, RelatedArticle
from news.translation.roles import EDITORS, MODERATORS, TRANSLATORS

from ..factories import SiteTree, add_news_index, build_site_tree, make_topic
from .helpers import (
    article_body,
    create_article,
    make_image,
    translate_completely,
    translated_as_written,
    translation_of,
)


@dataclass
class Newsroom(SiteTree):
    events_lt: NewsIndexPage
    events_en: NewsIndexPage


@pytest.fixture
def newsroom(db):
    tree = build_site_tree(source_revisions=True)
    events_lt, events_en = add_news_index(
        tree.home_lt,
        tree.en,
        ("Renginiai", "renginiai", ""),
        ("Events", "events", ""),
        source_revision=True,
    )
    return Newsroom(**vars(tree), events_lt=events_lt, events_en=events_en)


@pytest.fixture
def image(db):
    return make_image()


@pytest.fixture
def article(newsroom, image):
    """A published Lithuanian article with every kind of segment."""
    return create_article(
        newsroom.news_lt,
        "Kaunas – mokymosi miestas",
        slug="kaunas-mokymosi-miestas",
        lead="Kaunas prisijungė prie UNESCO mokymosi miestų tinklo.",
        hero_image=image,
        hero_image_alt="Rotušės aikštė vakare",
        body=article_body(image),
    )


@pytest.fixture
def users(db, django_user_model):
    """One user in each role's group (the groups come from the news migration)."""
    created = {}
    for role in (EDITORS, TRANSLATORS, MODERATORS):
        user = django_user_model.objects.create_user(
            role.lower(), f"{role.lower()}@example.com", "pw", first_name=role
        )
        user.groups.add(Group.objects.get(name=role))
        # The admin speaks English to them (its messages are what the tests read).
        UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": "en"})
        created[role] = user
    return created


def _client_for(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def editor_client(users):
    return _client_for(users[EDITORS])


@pytest.fixture
def translator_client(users):
    return _client_for(users[TRANSLATORS])


@pytest.fixture
def moderator_client(users):
    return _client_for(users[MODERATORS])


@pytest.fixture
def role_clients(editor_client, translator_client, moderator_client):
    return {EDITORS: editor_client, TRANSLATORS: translator_client, MODERATORS: moderator_client}


@pytest.fixture
def english_article(article, newsroom, django_capture_on_commit_callbacks):
    """The article's English translation, complete and published (set up without the admin)."""
    translate_completely(article, newsroom.en)
    translation = translation_of(article, newsroom.en)
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    return translation.get_target_instance()


@pytest.fixture
def other_article(newsroom, image):
    """A second published article, not translated."""
    return create_article(
        newsroom.news_lt,
        "Naktinis autobusas",
        slug="naktinis-autobusas",
        lead="Naktiniai autobusai važiuos ir sekmadieniais.",
        body=article_body(image),
    )


@pytest.fixture
def linked(article, newsroom):
    """The article with a byline, a topic (translated) and a related article, and a password."""
    writer = Author.objects.create(name="Jonas Jonaitis", slug="jonas", locale=newsroom.lt)
    education = make_topic(newsroom.lt, "švietimas")
    translated_as_written(education, newsroom.en)
    other = create_article(newsroom.news_lt, "Kitas straipsnis", slug="kitas", body=[])
    article.bylines = [ArticleAuthor(author=writer, sort_order=0)]
    article.topic_links = [ArticlePageTopic(topic=education, sort_order=0)]
    article.related_links = [RelatedArticle(related=other, sort_order=0)]
    article.save_revision().publish()
    PageViewRestriction.objects.create(
        page=article, restriction_type=PageViewRestriction.PASSWORD, password="slapta"
    )
    return article
