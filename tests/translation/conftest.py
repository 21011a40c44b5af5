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
from wagtail.models import Locale, Page, Site
from wagtail.users.models import UserProfile

from home.models import HomePage
from news.models import NewsIndexPage
from news.roles import EDITORS, MODERATORS, TRANSLATORS

from .helpers import (
    article_body,
    create_article,
    make_image,
    translate_completely,
    translation_of,
)


def _translate(page, locale, **fields):
    translation = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation


@dataclass
class Newsroom:
    site: Site
    lt: Locale
    en: Locale
    home_lt: HomePage
    home_en: HomePage
    news_lt: NewsIndexPage
    news_en: NewsIndexPage
    events_lt: NewsIndexPage
    events_en: NewsIndexPage


@pytest.fixture
def newsroom(db):
    lt = Locale.objects.get(language_code="lt")
    en = Locale.objects.get(language_code="en")
    root = Page.get_first_root_node()
    welcome = root.get_children().get()
    home_lt = root.add_child(instance=HomePage(title="Kauno naujienos", slug="pradzia", locale=lt))
    home_lt.save_revision().publish()
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port, site.root_page = "localhost", 80, home_lt
    site.save()
    welcome.delete()  # only now: deleting the page a Site points at would delete the Site
    home_en = _translate(home_lt, en, title="Kaunas News")

    def index(title, slug, english_title, english_slug):
        index_lt = home_lt.add_child(instance=NewsIndexPage(title=title, slug=slug, locale=lt))
        index_lt.save_revision().publish()
        return index_lt, _translate(index_lt, en, title=english_title, slug=english_slug)

    news_lt, news_en = index("Naujienos", "naujienos", "News", "news")
    events_lt, events_en = index("Renginiai", "renginiai", "Events", "events")
    return Newsroom(site, lt, en, home_lt, home_en, news_lt, news_en, events_lt, events_en)


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
