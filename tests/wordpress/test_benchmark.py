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
