"""The "Translations" report and the article editor's status panel."""

import csv
import io

import openpyxl
import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from wagtail_localize.models import TranslationSource

from news.models import ArticlePage
from news.translation.status import Status, statuses_of

from .helpers import (
    ENGLISH,
    article_body,
    create_article,
    submit_for_translation,
    sync_translations,
    translate_completely,
    translation_of,
)

REPORT = reverse("news_translations_report")
# Beyond seeing that something changed: the changes noted read and deleted; the kept rows
# deleted, computed and written; a savepoint and an advisory lock.
REFRESH_QUERIES = 8


def _republish_with_change(page, value):
    source = ArticlePage.objects.get(pk=page.pk)
    source.body[5].value["rows"][0]["value"] = value
    source.save_revision().publish()


def _article(newsroom, image, number):
    return create_article(
        newsroom.news_lt,
        f"Straipsnis {number}",
        slug=f"straipsnis-{number}",
        lead="Straipsnio įžanga.",
        body=article_body(image),
    )


def _own_text(number):
    return {
        f"Straipsnis {number}": f"Article {number}",
        f"straipsnis-{number}": f"article-{number}",
        "Straipsnio įžanga.": "The lead.",
    }


def _publish(page, newsroom, capture):
    with capture(execute=True):
        translation_of(page, newsroom.en).save_target(publish=True)


@pytest.fixture
def make_articles(newsroom, image, editor_client, django_capture_on_commit_callbacks):
    """``make_articles(start, count)``: articles in every state, in turn:
    missing, in progress, up to date, out of date (source changed), out of date (synced)."""

    def make(start, count):
        articles = {}
        for number in range(start, start + count):
            article = _article(newsroom, image, number)
            state = number % 5
            if state:
                submit_for_translation(editor_client, article, newsroom.en)
            if state >= 2:
                translate_completely(article, newsroom.en, {**ENGLISH, **_own_text(number)})
                _publish(article, newsroom, django_capture_on_commit_callbacks)
            if state >= 3:
                _republish_with_change(article, f"{number} 000")
            if state == 4:
                sync_translations(editor_client, article)
            articles[article.pk] = [
                Status.MISSING,
                Status.IN_PROGRESS,
                Status.UP_TO_DATE,
                Status.OUT_OF_DATE,
                Status.OUT_OF_DATE,
            ][state]
        return articles

    return make


def report_rows(response):
    return {row.pk: row for row in response.context["object_list"]}


def test_every_article_with_its_status_per_locale(make_articles, editor_client):
    expected = make_articles(0, 5)

    response = editor_client.get(REPORT)

    assert response.status_code == 200
    rows = report_rows(response)
    assert set(rows) == set(expected)
    for pk, status in expected.items():
        lithuanian, english = rows[pk].locale_statuses
        assert lithuanian.status == Status.SOURCE
        assert english.status == status, rows[pk].title
    in_progress = next(rows[pk] for pk, s in expected.items() if s == Status.IN_PROGRESS)
    english = in_progress.locale_statuses[1]
    synced = rows[max(pk for pk, s in expected.items() if s == Status.OUT_OF_DATE)]
    with translation.override("en"):
        assert (english.translated, english.label) == (0, "In progress (0%)")
        assert synced.locale_statuses[1].label.startswith("Out of date (9")

    cells = BeautifulSoup(response.content, "html.parser").select("td[data-status]")
    assert sorted(cell["data-status"] for cell in cells) == sorted(
        [Status.SOURCE.value] * 5 + [status.value for status in expected.values()]
    )


def test_up_to_date_again_once_synced_translated_and_published(
    article, english_article, newsroom, editor_client, django_capture_on_commit_callbacks
):
    assert statuses_of(article)[1].status == Status.UP_TO_DATE
    _republish_with_change(article, "300 100")
    assert statuses_of(article)[1].status == Status.OUT_OF_DATE
    sync_translations(editor_client, article)
    with translation.override("en"):
        assert statuses_of(article)[1].label == "Out of date (95%)"

    translate_completely(article, newsroom.en, {**ENGLISH, "300 100": "300,100"})
    assert statuses_of(article)[1].status == Status.OUT_OF_DATE  # translated, not published
    _publish(article, newsroom, django_capture_on_commit_callbacks)
    assert statuses_of(article)[1].status == Status.UP_TO_DATE


@pytest.mark.parametrize(
    ("query", "statuses"),
    [
        ({"status": "missing"}, {Status.MISSING}),
        ({"locale": "en", "status": "out_of_date"}, {Status.OUT_OF_DATE}),
        ({"locale": "en", "status": "up_to_date"}, {Status.UP_TO_DATE}),
        ({"locale": "en"}, set(Status) - {Status.SOURCE}),
        ({"locale": "lt"}, set()),  # every article is written in Lithuanian
    ],
)
def test_filter_by_locale_and_status(query, statuses, make_articles, editor_client):
    expected = make_articles(0, 10)

    response = editor_client.get(REPORT, query)

    assert set(report_rows(response)) == {pk for pk, s in expected.items() if s in statuses}


def test_articles_are_read_from_the_page_table_alone(make_articles, editor_client):
    # Joined with the article table, a status filter made PostgreSQL loop over it for every
    # row (news.translation.kept_statuses.article_sources): 23 s at 10,000 articles.
    make_articles(0, 5)
    with CaptureQueriesContext(connection) as captured:
        response = editor_client.get(REPORT, {"locale": "en", "status": "out_of_date"})
    assert len(report_rows(response)) == 2
    assert not [query for query in captured if "news_articlepage" in query["sql"]]


def test_export_as_csv_and_xlsx(make_articles, editor_client):
    expected = make_articles(0, 5)
    headings = [
        "Article",
        "Source locale",
        "Lithuanian: status",
        "Lithuanian: segments translated (%)",
        "Lithuanian: filled by translation memory",
        "Lithuanian: machine translated, to review",
        "English: status",
        "English: segments translated (%)",
        "English: filled by translation memory",
        "English: machine translated, to review",
    ]

    response = editor_client.get(REPORT, {"export": "csv", "status": "out_of_date"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv"
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0] == headings
    assert len(rows) - 1 == sum(1 for s in expected.values() if s == Status.OUT_OF_DATE)
    assert {row[6].split(" (")[0] for row in rows[1:]} == {"Out of date"}
    assert {row[2] for row in rows[1:]} == {"Source"}

    response = editor_client.get(REPORT, {"export": "xlsx"})
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    sheet = list(workbook.active.values)
    assert list(sheet[0]) == headings
    assert sorted(row[0] for row in sheet[1:]) == sorted(
        ArticlePage.objects.filter(pk__in=expected).values_list("title", flat=True)
    )


def test_a_fixed_number_of_queries_however_many_articles(
    make_articles, editor_client, django_assert_max_num_queries
):
    make_articles(0, 5)
    editor_client.get(REPORT)  # warm up the session and the content types, count the articles
    with CaptureQueriesContext(connection) as captured:
        editor_client.get(REPORT)
    # Counted now: the log it reads is emptied at the start of every request.
    small = len(captured)  # one of them sees that no kept status needs computing again
    assert 5 <= small <= 13

    make_articles(5, 20)
    assert ArticlePage.objects.count() == 25 + 20  # and their English translations

    # The kept statuses of the articles changed are computed again, a fixed number of
    # queries however many changed (news.translation.kept_statuses); the articles are
    # counted once more (they changed), then the count is kept.
    with django_assert_max_num_queries(small + REFRESH_QUERIES + 1):
        response = editor_client.get(REPORT)
    assert len(report_rows(response)) == 25
    with django_assert_max_num_queries(small):
        editor_client.get(REPORT)
    # Under a status filter too, until a status changes.
    by_status = {"locale": "en", "status": "out_of_date"}
    with django_assert_max_num_queries(small + 1):
        response = editor_client.get(REPORT, by_status)
    assert len(report_rows(response)) == 10
    with django_assert_max_num_queries(small):
        editor_client.get(REPORT, by_status)
    with django_assert_max_num_queries(small):
        b"".join(editor_client.get(REPORT, {"export": "csv"}).streaming_content)


def test_in_the_reports_menu_instead_of_wagtail_localize_report(editor_client):
    dashboard = editor_client.get(reverse("wagtailadmin_home")).content.decode()
    assert REPORT in dashboard
    assert reverse("wagtail_localize:translations_report") not in dashboard


def test_not_for_users_without_page_permissions(db, django_user_model, client):
    user = django_user_model.objects.create_user("reader", "reader@example.com", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.get(REPORT)
    assert (response.status_code, response.url) == (302, reverse("wagtailadmin_home"))


def _panel(client, page):
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").select_one("[data-translation-status]")


def test_the_article_editor_shows_the_same_status(
    article, newsroom, editor_client, translator_client
):
    panel = _panel(editor_client, article)
    english = panel.select_one('[data-locale="en"]')
    assert english["data-status"] == "missing"
    # (issue 13: the link pre-ticks the language to translate into)
    assert (
        english.find("a", string="Translate")["href"]
        == reverse("wagtail_localize:submit_page_translation", args=[article.pk])
        + "?select_locale=en"
    )

    submit_for_translation(editor_client, article, newsroom.en)
    translate_completely(article, newsroom.en)
    english = _panel(editor_client, article).select_one('[data-locale="en"]')
    assert english["data-status"] == "in_progress"
    assert "In progress (100%)" in english.get_text()

    _republish_with_change(article, "300 100")
    english_page = translation_of(article, newsroom.en).get_target_instance()
    english_page.save_revision().publish()  # say it was published, then the source changed
    _republish_with_change(article, "300 200")
    english = _panel(editor_client, article).select_one('[data-locale="en"]')
    assert english["data-status"] == "out_of_date"
    source = TranslationSource.objects.get(
        object_id=article.translation_key, locale_id=article.locale_id
    )
    sync = reverse("wagtail_localize:update_translations", args=[source.pk])
    assert english.find("a", string="Sync translations")["href"].startswith(sync)


def test_no_panel_when_creating_an_article(newsroom, editor_client):
    url = reverse("wagtailadmin_pages:add", args=["news", "articlepage", newsroom.news_lt.pk])
    response = editor_client.get(url)
    assert response.status_code == 200
    assert b"data-translation-status" not in response.content
