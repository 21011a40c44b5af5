"""The translation statuses kept in a table for the listings that filter by status
(news.translation.models, news.translation.kept_statuses): every write a status depends on is
noted by the database, whoever makes it, and a refresh gives what the computation gives."""

import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Locale, Page

from news.models import ArticlePage
from news.translation import kept_statuses
from news.translation.kept_statuses import refresh_kept_statuses
from news.translation.models import KeptStatus, StatusChange
from news.translation.status import Status, statuses_of

from .helpers import (
    ENGLISH,
    editor_props,
    publish_in_editor,
    submit_for_translation,
    sync_translations,
    translate_in_editor,
    translation_of,
)

REPORT = reverse("news_translations_report")


def kept(page):
    return dict(KeptStatus.objects.filter(source_page=page).values_list("locale_id", "status"))


def english_kept_as_computed(article):
    """The English status, kept and computed, after a refresh: they must agree."""
    refresh_kept_statuses()
    computed = {status.locale.pk: status.status for status in statuses_of(article)}
    assert kept(article) == computed
    return computed[Locale.objects.get(language_code="en").pk]


def _republish_with_change(page):
    source = ArticlePage.objects.get(pk=page.pk)
    source.body[5].value["rows"][0]["value"] = "300 100"
    source.save_revision().publish()


def test_every_step_of_the_workflow_is_kept(
    article, newsroom, editor_client, translator_client, django_capture_on_commit_callbacks
):
    assert english_kept_as_computed(article) == Status.MISSING

    submit_for_translation(editor_client, article, newsroom.en)
    assert english_kept_as_computed(article) == Status.IN_PROGRESS

    english = translation_of(article, newsroom.en).get_target_instance()
    props = editor_props(translator_client, english)
    translator_client.post(props["machineTranslator"]["url"], {"next": "/admin/"})
    assert english_kept_as_computed(article) == Status.NEEDS_REVIEW

    translate_in_editor(translator_client, english)  # reviewed, segment by segment
    assert english_kept_as_computed(article) == Status.IN_PROGRESS
    with django_capture_on_commit_callbacks(execute=True):
        assert publish_in_editor(translator_client, english).status_code == 302
    assert english_kept_as_computed(article) == Status.UP_TO_DATE

    _republish_with_change(article)
    assert english_kept_as_computed(article) == Status.OUT_OF_DATE
    sync_translations(editor_client, article)
    assert english_kept_as_computed(article) == Status.OUT_OF_DATE
    translate_in_editor(translator_client, english, {**ENGLISH, "300 100": "300,100"})
    with django_capture_on_commit_callbacks(execute=True):
        publish_in_editor(translator_client, english)
    assert english_kept_as_computed(article) == Status.UP_TO_DATE

    # Raw SQL, which no signal sees, is noted too.
    with connection.cursor() as cursor:
        cursor.execute("UPDATE wagtailcore_page SET live = %s WHERE id = %s", [False, english.pk])
    assert english_kept_as_computed(article) == Status.IN_PROGRESS

    Page.objects.get(pk=english.pk).delete()
    assert english_kept_as_computed(article) == Status.MISSING

    Page.objects.get(pk=article.pk).delete()
    refresh_kept_statuses()
    assert not KeptStatus.objects.filter(translation_key=article.translation_key).exists()


def test_nothing_changed_costs_one_query(article, django_assert_num_queries):
    refresh_kept_statuses()
    with django_assert_num_queries(1):
        assert refresh_kept_statuses() == 0


def test_a_change_noted_during_a_refresh_waits_for_the_next(article, other_article, monkeypatch):
    refresh_kept_statuses()
    compute = kept_statuses._compute

    def compute_then_change(keys, locales):
        compute(keys, locales)
        # Written by another request while this refresh computes: not computed here.
        Page.objects.filter(pk=other_article.pk).update(live=False)

    monkeypatch.setattr(kept_statuses, "_compute", compute_then_change)
    ArticlePage.objects.filter(pk=article.pk).update(title="Kitas pavadinimas", live=False)
    assert refresh_kept_statuses() == 1
    monkeypatch.undo()

    assert list(StatusChange.objects.values_list("translation_key", flat=True)) == [
        other_article.translation_key
    ]
    assert refresh_kept_statuses() == 1
    assert not StatusChange.objects.exists()


def test_a_new_locale_gives_every_article_a_status_there(
    article, other_article, editor_client, settings
):
    refresh_kept_statuses()
    settings.WAGTAIL_CONTENT_LANGUAGES = settings.LANGUAGES = [
        *settings.LANGUAGES,
        ("de", "German"),
    ]
    german = Locale.objects.create(language_code="de")

    response = editor_client.get(REPORT, {"locale": "de", "status": "missing"})

    assert {row.pk for row in response.context["object_list"]} == {article.pk, other_article.pk}
    assert kept(article)[german.pk] == Status.MISSING


@pytest.mark.parametrize("every", [False, True])
def test_the_command_refreshes_or_computes_every_status_again(article, other_article, every):
    refresh_kept_statuses()
    KeptStatus.objects.filter(source_page=other_article).update(status=Status.UP_TO_DATE)
    ArticlePage.objects.filter(pk=article.pk).update(live=False)

    out = io.StringIO()
    with CaptureQueriesContext(connection) as captured:
        call_command("refresh_translation_statuses", *(["--all"] if every else []), stdout=out)

    assert "4 statuses kept" in out.getvalue()
    # The rows it wrote analysed after it (the report and the work queue are planned on
    # them), the tables it read before it.
    analysed = [q["sql"] for q in captured if q["sql"].startswith("ANALYZE")]
    assert analysed[-2:] == [
        f'ANALYZE "{KeptStatus._meta.db_table}"',
        f'ANALYZE "{StatusChange._meta.db_table}"',
    ]
    assert len(analysed) == len(kept_statuses.ANALYSED_TABLES) + 2

    assert kept(article)  # computed again after its change
    other = set(KeptStatus.objects.filter(source_page=other_article).values_list("status"))
    # Only --all mends a row written by hand, which no change noted.
    assert (("missing",) in other) is every


def test_the_report_sorts_by_a_locales_kept_status(
    article, other_article, newsroom, editor_client, django_assert_max_num_queries
):
    submit_for_translation(editor_client, other_article, newsroom.en)
    ordering = f"translation_{newsroom.en.pk}_kept_status"

    rows = editor_client.get(REPORT, {"ordering": ordering}).context["object_list"]
    assert [(row.pk, row.locale_statuses[1].status) for row in rows] == [
        (other_article.pk, Status.IN_PROGRESS),
        (article.pk, Status.MISSING),
    ]
    rows = editor_client.get(REPORT, {"ordering": f"-{ordering}"}).context["object_list"]
    assert [row.pk for row in rows] == [article.pk, other_article.pk]
