"""Fixtures of the security tests.

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
