"""The import benchmark's generated export imports as it should, on a small scale."""

import pytest

from bench import wordpress_import
from news.models import ArticlePage

pytestmark = pytest.mark.django_db


def test_the_benchmark_imports_its_generated_groups(tmp_path, settings):
    settings.MEDIA_ROOT = str(tmp_path)
    figures = wordpress_import.measure(6)
    assert figures["posts"] == 6
    assert figures["ms_per_post"] > 0 and figures["queries_per_post"] > 0
    lithuanian = ArticlePage.objects.filter(locale__language_code="lt")
    assert lithuanian.count() == 3
    for article in lithuanian:
        english = article.get_translation(
            ArticlePage.objects.filter(locale__language_code="en").first().locale
        )
        assert english.title.startswith("Kaunas news")


def test_the_benchmark_gives_the_cost_of_the_posts_a_larger_import_has_more():
    smaller = wordpress_import.per_post(
        {"posts": 100, "seconds": 3, "cpu_seconds": 2, "queries": 7000}
    )
    larger = wordpress_import.per_post(
        {"posts": 1000, "seconds": 12, "cpu_seconds": 5.6, "queries": 61000}
    )
    assert smaller["ms_per_post"] == 30 and larger["ms_per_post"] == 12
    extra = wordpress_import.marginal(smaller, larger)
    assert extra["posts"] == 900
    assert (extra["ms_per_post"], extra["cpu_ms_per_post"], extra["queries_per_post"]) == (
        10,
        4,
        60,
    )
