"""Fixtures of the security and operations tests.

The site tree, images and article builders come from tests/conftest.py; the newsroom (users
in each role, a published article with every kind of segment) from the translation tests.
"""

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connections
from django.test import Client
from wagtail.models import Locale

from tests.translation.conftest import (  # noqa: F401 - fixtures
    article,
    editor_client,
    english_article,
    moderator_client,
    newsroom,
    other_article,
    translator_client,
    users,
)

PASSWORD = "correct horse battery staple"  # noqa: S105


@pytest.fixture
def admin_user(db, django_user_model):
    return django_user_model.objects.create_superuser(
        "admin", "admin@example.com", PASSWORD, first_name="Ada"
    )


@pytest.fixture
def admin_client_logged_in(admin_user):
    client = Client()
    client.force_login(admin_user)
    return client


# The data Wagtail's and the project's migrations created (locales, root page and collection,
# groups...), serialized once, before any transactional test can have emptied the tables.
_MIGRATIONS_DATA = {}


@pytest.fixture(scope="session", autouse=True)
def _migrations_data(django_db_setup, django_db_blocker):
    """Non-transactional tests run first (pytest-django orders them so), each rolled back:
    at the first test here the database holds exactly what the migrations made."""
    with django_db_blocker.unblock():
        _MIGRATIONS_DATA["default"] = connections["default"].creation.serialize_db_to_string()


def _restore_migrations_data():
    if _MIGRATIONS_DATA.get("default") and not Locale.objects.exists():
        # Empty again without post_migrate (which recreated content types and permissions
        # under new ids), then load the snapshot, as Django's serialized rollback does.
        connection = connections["default"]
        call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
        connection.creation.deserialize_db_from_string(_MIGRATIONS_DATA["default"])
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
