"""The benchmark's own scripts (bench/run) still do what they measure, on a small scale."""

import pytest
from django.core.management import call_command

from bench import client_timing, editor_timing, search_timing, translation_timing
from news.models import ArticlePage

from ..factories import create_article

pytestmark = pytest.mark.django_db


# Transactional: wagtail-localize publishes a translation when its transaction commits.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_translation_timing_submits_and_syncs_every_article(tree):
    figures = translation_timing.measure(3, workers=0)  # the workers' step: bench/run

    for step in ("submit", "sync"):
        assert figures[step]["articles"] == 3
        assert figures[step]["ms_per_article"] > 0
        assert figures[step]["queries_per_article"] > 0
    english = ArticlePage.objects.live().filter(locale=tree.en)
    assert english.count() == 3
    # The dummy translator reverses the words: the editor's change came through the sync.
    assert all(page.lead.startswith("Atnaujinta. ") for page in english)


def test_reader_mix_covers_both_languages_and_every_kind_of_page(tree):
    for number in range(3):
        create_article(tree.news_lt, f"Straipsnis {number}")
        create_article(tree.news_en, f"Article {number}")
    paths = client_timing.reader_mix(articles_per_language=2)
    assert len(paths) == len(set(paths))
    for prefix in ("/lt/", "/en/", "/lt/naujienos/", "/en/news/", "/api/v3/articles/"):
        assert any(path.startswith(prefix) for path in paths), prefix
    assert sum(path.startswith("/lt/naujienos/article-") for path in paths) == 2
    assert sum(path.startswith("/en/news/article-") for path in paths) == 2


def test_editor_timing_measures_every_view_of_editors_and_translators(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo", verbosity=0)

    views = editor_timing.requests()
    figures = {
        view: editor_timing.measure(view, url, request, repeat=2)
        for view, (url, request) in views.items()
    }

    assert list(figures) == [
        "page_editor",
        "explorer",
        "explorer_middle_page",
        "explorer_last_page",
        "publish",
        "localize_editor",
        "report",
        "report_middle_page",
        "report_last_page",
        "report_by_status",
        "translator_dashboard",
    ]
    assert figures["publish"]["status"] == 302
    for view in figures.values():
        assert view["queries"] > 0
        assert 0 < view["median_ms"] <= view["p95_ms"]
        assert len(view["times_ms"]) == 2
    # The English edition opens wagtail-localize's translation editor, not the page form.
    _url, translation_editor = views["localize_editor"]
    assert b"js-translation-editor" in translation_editor().content


def test_search_timing_measures_the_whole_search_page(tree):
    for number in range(3):
        create_article(tree.news_lt, f"Mokyklos naujiena {number}")
    create_article(tree.news_lt, "Kita žinia")

    figures = search_timing.measure("naujiena", "lt", repeat=2)

    assert figures["url"] == "/lt/paieska/?q=naujiena"
    assert figures["status"] == 200
    assert figures["matches"] == 3
    assert figures["queries"] > 0
    assert len(figures["times_ms"]) == len(figures["search_times_ms"]) == 2
