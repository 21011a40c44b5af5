"""Fixtures of the security and operations tests.

The site tree, images and article builders come from tests/conftest.py; the newsroom (users
in each role, a published article with every kind of segment) from the translation tests.
"""

import pytest
from django.test import Client

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


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """Put the data of the migrations back after a transactional test here.

    pytest-django empties every table after a transactional test, including what Wagtail's
    migrations created (locales, the root page and collection); the transactional tests here
    use ``serialized_rollback=True`` to get it back at their start, and this hook puts it back
    at their end, so that a later transactional test elsewhere finds the database as usual.
    """
    yield
    marker = item.get_closest_marker("django_db")
    if not marker or not marker.kwargs.get("transaction") or nextitem is None:
        return  # (after the last test, the test database is gone)
    from django.db import connections
    from pytest_django.plugin import blocking_manager_key

    with item.config.stash[blocking_manager_key].unblock():
        for connection in connections.all():
            contents = getattr(connection, "_test_serialized_contents", None)
            if contents:
                connection.creation.deserialize_db_from_string(contents)
