"""Editors and translators are never served from a cache: the admin's busiest views cost a
fixed number of queries, however many articles there are (issue 16). Each view is measured
with one article in the news index, then with 40 more: the count must not change, and stays
within the budget measured when it was set. The bench (bench/run) prints their times."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail_localize.models import TranslationSource

from tests.factories import create_article
from tests.page_form import page_form_data

pytestmark = pytest.mark.django_db

BUDGETS = {
    "page editor": 49,
    "explorer": 38,  # wagtail-localize's buttons asked 2 queries per row (listing_buttons)
    "publish": 136,
    "translation editor": 47,  # wagtail-localize asked 3 queries a segment (segment_queries)
}


def count_queries(request):
    request()  # warm: the session, content types, permissions
    with CaptureQueriesContext(connection) as captured:
        response = request()
    assert response.status_code in (200, 302), response.status_code
    return len(captured)


def assert_flat_and_within_budget(view, newsroom, request):
    before = count_queries(request)
    for number in range(40):
        create_article(newsroom.news_lt, f"Papildoma naujiena {number}")
    after = count_queries(request)

    assert after == before, f"{view}: {before} queries with 1 article, {after} with 41"
    assert after <= BUDGETS[view], f"{view}: {after} queries, budget {BUDGETS[view]}"


def test_page_editor(newsroom, article, editor_client):
    url = reverse("wagtailadmin_pages:edit", args=[article.pk])
    assert_flat_and_within_budget("page editor", newsroom, lambda: editor_client.get(url))


def test_explorer_of_the_news_index(newsroom, article, editor_client):
    url = reverse("wagtailadmin_explore", args=[newsroom.news_lt.pk])
    assert_flat_and_within_budget("explorer", newsroom, lambda: editor_client.get(url))


def test_explorer_keeps_the_translation_buttons(newsroom, article, english_article, editor_client):
    other = create_article(newsroom.news_lt, "Dar neišversta")
    response = editor_client.get(reverse("wagtailadmin_explore", args=[newsroom.news_lt.pk]))
    html = response.content.decode()

    translate = reverse("wagtail_localize:submit_page_translation", args=[other.pk])
    assert translate in html  # no English edition yet
    assert reverse("wagtail_localize:submit_page_translation", args=[article.pk]) not in html
    source = TranslationSource.objects.get(
        object_id=article.translation_key, locale_id=article.locale_id
    )
    # The translated article can be synced; the new one has nothing to sync yet.
    assert html.count("/admin/localize/update/") == 1
    assert reverse("wagtail_localize:update_translations", args=[source.pk]) in html


def test_publish(newsroom, article, editor_client):
    url = reverse("wagtailadmin_pages:edit", args=[article.pk])
    assert_flat_and_within_budget(
        "publish", newsroom, lambda: editor_client.post(url, page_form_data(article))
    )


def test_translation_editor(newsroom, english_article, translator_client):
    url = reverse("wagtailadmin_pages:edit", args=[english_article.pk])
    assert_flat_and_within_budget(
        "translation editor", newsroom, lambda: translator_client.get(url)
    )
