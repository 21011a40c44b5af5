import datetime

import pytest

from ..factories import create_article, make_topic, translate


@pytest.fixture
def topics(tree):
    """ "švietimas" with its English edition "education"; "sportas" only in Lithuanian."""
    education_lt = make_topic(tree.lt, "švietimas", description="Mokyklos ir mokymasis.")
    education_en = make_topic(
        tree.en, "education", translation_of=education_lt, description="Schools and learning."
    )
    sport_lt = make_topic(tree.lt, "sportas")
    return {"education_lt": education_lt, "education_en": education_en, "sport_lt": sport_lt}


@pytest.fixture
def filed(tree, topics):
    """Lithuanian articles on education (one translated, one draft) and one on sport."""
    school = create_article(
        tree.news_lt,
        "Mokyklų naktis",
        slug="mokyklu-naktis",
        date=datetime.date(2024, 3, 1),
        topics=[topics["education_lt"], topics["sport_lt"]],
    )
    school_en = translate(school, tree.en, title="Schools night", slug="schools-night")
    library = create_article(
        tree.news_lt,
        "Bibliotekos",
        slug="bibliotekos",
        date=datetime.date(2024, 2, 1),
        topics=[topics["education_lt"]],
    )
    draft = create_article(
        tree.news_lt, "Juodraštis", slug="juodrastis", topics=[topics["education_lt"]], live=False
    )
    stadium = create_article(
        tree.news_lt, "Stadionas", slug="stadionas", topics=[topics["sport_lt"]]
    )
    return {
        "school": school,
        "school_en": school_en,
        "library": library,
        "draft": draft,
        "stadium": stadium,
    }
