"""Fixtures of the performance tests: searchable articles in both languages.

The site tree and article builders come from tests/conftest.py.
"""

import datetime

import pytest

from tests.factories import create_article


@pytest.fixture
def searchable(tree):
    """Lithuanian and English articles with inflected words the search must match."""

    def make(language, title, lead, day, **kwargs):
        return create_article(
            tree.index(language),
            title,
            lead=lead,
            date=datetime.date(2024, 3, day),
            **kwargs,
        )

    return {
        "school_lt": make("lt", "Naujos mokyklos Šančiuose", "Atidarytos dvi mokyklos.", 1),
        "library_lt": make("lt", "Biblioteka dirbs ilgiau", "Skaitykla atvira vakarais.", 2),
        "school_en": make("en", "New schools in Šančiai", "Two schools opened.", 3),
        "library_en": make("en", "Library opens longer", "The reading room opens late.", 4),
        "draft_lt": make("lt", "Mokyklos juodraštis", "Dar nepaskelbta mokykla.", 5, live=False),
    }
