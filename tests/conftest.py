"""Shared fixtures: the bilingual site tree (tests/factories.py, `SiteTree`), article
builders, and the caches and migration data every test starts from."""

import datetime
import json

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connections
from wagtail.models import Locale

from .factories import build_site_tree, create_article, make_image


@pytest.fixture(autouse=True)
def _clear_caches():
    """Wagtail caches site root paths and renditions; rolled-back rows must not linger there."""
    for cache in caches.all():
        cache.clear()
    yield


# The data Wagtail's and the project's migrations created (locales, root page and collection,
# groups...), serialized once, before any transactional test can have emptied the tables.
_MIGRATIONS_DATA = {}


# The fixtures that give a test the database (pytest-django's), besides its django_db mark.
_DATABASE_FIXTURES = {"db", "transactional_db", "django_db_reset_sequences", "live_server"}


def _uses_database(item):
    return item.get_closest_marker("django_db") or _DATABASE_FIXTURES & set(item.fixturenames)


@pytest.fixture(scope="session", autouse=True)
def _migrations_data(request, django_db_setup, django_db_blocker):
    """Non-transactional tests run first (pytest-django orders them so), each rolled back:
    at the first test here the database holds exactly what the migrations made."""
    if not any(_uses_database(item) for item in request.session.items):
        return  # pytest-django made no test database: nothing to keep
    with django_db_blocker.unblock():
        _MIGRATIONS_DATA["default"] = connections["default"].creation.serialize_db_to_string()


def _restore_migrations_data():
    if _MIGRATIONS_DATA.get("default") and not Locale.objects.exists():
        # Empty again without post_migrate (which recreated content types and permissions
        # under new ids), then load the snapshot, as Django's serialized rollback does.
        connection = connections["default"]
        call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
        # Content types first, under their old ids: instantiating some models (Wagtail's
        # tasks) looks their content type up, and would create it under a new id.
        rows = json.loads(_MIGRATIONS_DATA["default"])
        content_types = [row for row in rows if row["model"] == "contenttypes.contenttype"]
        others = [row for row in rows if row["model"] != "contenttypes.contenttype"]
        ContentType.objects.clear_cache()
        connection.creation.deserialize_db_from_string(json.dumps(content_types))
        connection.creation.deserialize_db_from_string(json.dumps(others))
        ContentType.objects.clear_cache()
        # PostgreSQL: sequences past the restored ids, so that new rows never reuse one.
        models = apps.get_models(include_auto_created=True)
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(sql)


@pytest.fixture(autouse=True)
def _transactional_tests_start_from_migrations_data(request):
    """pytest-django empties every table after a transactional test, including what the
    migrations created: put it back before a transactional test here needs it."""
    marker = request.node.get_closest_marker("django_db")
    if marker and marker.kwargs.get("transaction"):
        request.getfixturevalue("transactional_db")
        _restore_migrations_data()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """...and put it back after one, so that a later transactional test elsewhere finds the
    database as usual."""
    yield
    marker = item.get_closest_marker("django_db")
    if not marker or not marker.kwargs.get("transaction") or nextitem is None:
        return  # (after the last test, the test database is gone)
    from pytest_django.plugin import blocking_manager_key

    with item.config.stash[blocking_manager_key].unblock():
        _restore_migrations_data()
        # After a browser test (Playwright's greenlets) this may be a connection of its own
        # that nothing else closes: left open, it keeps the test database from being dropped.
        connections.close_all()


@pytest.fixture
def tree(db):
    return build_site_tree(home_intros=("Sveiki.", "Welcome."))


@pytest.fixture
def image(db):
    return make_image()


@pytest.fixture
def article_factory(tree):
    """``article_factory("lt", "Title", date=..., ...)``: an article in that locale's index."""

    def factory(language="lt", title="Article", **kwargs):
        return create_article(tree.index(language), title, **kwargs)

    return factory


@pytest.fixture
def dated_articles(article_factory):
    """``dated_articles("lt", 12)``: that many articles, one a day, the newest last."""

    def factory(language, count, start=datetime.date(2024, 1, 1), **kwargs):
        return [
            article_factory(
                language,
                f"{language} article {number}",
                date=start + datetime.timedelta(days=number),
                **kwargs,
            )
            for number in range(count)
        ]

    return factory


class RecordingBackend:
    """A purge backend that records what the edge cache is told to forget."""

    purged = []

    def __init__(self, params):
        pass

    def invalidates_hostname(self, hostname):
        return True

    def purge_batch(self, urls):
        RecordingBackend.purged.extend(urls)


@pytest.fixture
def recorded(settings):
    """The URLs purged while the test runs, through RecordingBackend."""
    settings.WAGTAILFRONTENDCACHE = {"test": {"BACKEND": f"{__name__}.RecordingBackend"}}
    RecordingBackend.purged = []
    return RecordingBackend.purged
