"""Fixtures of the operations tests: the newsroom (users in each role, a published article
with every kind of segment) from the translation tests."""

from tests.translation.conftest import (  # noqa: F401 - fixtures
    article,
    english_article,
    newsroom,
    other_article,
    users,
)
