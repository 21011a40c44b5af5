"""The Translations report's count, kept between requests (news.translation.report_count), and
its pages (news.listings.paginator): exact after every change of what it counts, for an
editor and a translator, on every page, under filters."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.actions.convert_alias import ConvertAliasPageAction
from wagtail.models import Page
from wagtail_localize.models import TranslationSource

from news.models import ArticlePage
from news.translation.reports import TranslationsReportView
from news.translation.status import field_prefix
from tests.factories import create_article

from .helpers import submit_for_translation

REPORT = reverse("news_translations_report")
PAGE_SIZE = 5
TITLES = ["Apie miestą", "Kultūra", "Sportas"]  # several articles each: ties in the order


@pytest.fixture(autouse=True)
def small_pages(monkeypatch):
    monkeypatch.setattr(TranslationsReportView, "paginate_by", PAGE_SIZE)


@pytest.fixture
def articles(newsroom, editor_client):
    """Twelve Lithuanian articles, two of them translated into English, one a draft."""
    made = [create_article(newsroom.news_lt, TITLES[number % 3]) for number in range(11)]
    made.append(create_article(newsroom.news_lt, "Juodraštis", live=False))
    for article in made[:2]:
        submit_for_translation(editor_client, article, newsroom.en)
    return made


def report(client, **query):
    response = client.get(REPORT, query)
    assert response.status_code == 200
    return response


def listed(client, **query):
    """(the count the report shows, the rows of every page of it, in turn)."""
    paginator = report(client, **query).context["paginator"]
    rows = []
    for number in paginator.page_range:
        response = report(client, p=number, **query)
        assert response.context["page_obj"].number == number
        rows += [row.pk for row in response.context["object_list"]]
    return paginator.count, rows


def counted(client, **query):
    """The count the report shows, and whether it counted the articles to show it."""
    with CaptureQueriesContext(connection) as captured:
        response = report(client, **query)
    recounted = any(query["sql"].startswith("SELECT COUNT(") for query in captured)
    return response.context["paginator"].count, recounted


def test_every_article_once_in_title_order_on_every_page(articles, editor_client):
    count, rows = listed(editor_client)

    expected = ArticlePage.objects.filter(pk__in=[article.pk for article in articles])
    assert rows == list(expected.order_by("title", "pk").values_list("pk", flat=True))
    assert count == 12

    count, rows = listed(editor_client, ordering="-title")  # the id still breaks ties
    assert rows == list(expected.order_by("-title", "pk").values_list("pk", flat=True))


def test_a_translator_sees_the_live_articles_counted(articles, translator_client):
    count, rows = listed(translator_client)

    assert count == len(rows) == len(set(rows)) == 11  # not the Lithuanian draft
    assert articles[-1].pk not in rows


def test_the_count_is_kept_until_what_it_counts_changes(articles, newsroom, editor_client):
    assert counted(editor_client) == (12, True)
    assert counted(editor_client) == (12, False)

    create_article(newsroom.news_lt, "Naujas juodraštis", live=False)
    assert counted(editor_client) == (13, True)

    Page.objects.get(pk=articles[3].pk).delete()
    assert counted(editor_client) == (12, True)

    alias = articles[4].create_alias(parent=newsroom.events_lt, update_slug="kopija")
    assert counted(editor_client) == (12, True)  # an alias is not an article of its own
    ConvertAliasPageAction(alias).execute(skip_permission_checks=True)
    assert counted(editor_client) == (13, True)

    # Its translation goes with it; the English draft is still no article of its own (its
    # Lithuanian edition is), but the report cannot know that without counting.
    TranslationSource.objects.get(object_id=articles[0].translation_key).delete()
    assert counted(editor_client) == (13, True)
    assert counted(editor_client) == (13, False)


def test_articles_built_in_bulk_without_signals_are_counted(articles, editor_client):
    assert counted(editor_client) == (12, True)

    call_command("generate_articles", count=3, no_search_index=True, verbosity=0)

    assert counted(editor_client) == (15, True)


def test_publishing_and_unpublishing_change_a_translators_count(
    articles, translator_client, editor_client
):
    assert counted(translator_client) == (11, True)
    assert counted(translator_client) == (11, False)
    draft = ArticlePage.objects.get(pk=articles[-1].pk)

    draft.save_revision().publish()
    assert counted(translator_client) == (12, True)
    assert counted(editor_client)[0] == 12

    ArticlePage.objects.get(pk=draft.pk).unpublish()
    assert counted(translator_client) == (11, True)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"locale": "en"}, 12),  # every Lithuanian article is translated (or not) into English
        ({"locale": "lt"}, 0),
        ({"status": "missing"}, 10),
        ({"locale": "en", "status": "in_progress"}, 2),
    ],
)
def test_filtered_the_count_is_exact(articles, editor_client, query, expected):
    count, rows = listed(editor_client, **query)
    assert count == len(rows) == len(set(rows)) == expected


def test_a_status_filter_is_counted_again_when_a_status_changes(
    articles, newsroom, editor_client, translator_client
):
    query = {"status": "missing"}
    assert counted(editor_client, **query) == (10, True)
    assert counted(editor_client, **query) == (10, False)
    # Each viewer's own: a translator does not see the Lithuanian draft.
    assert counted(translator_client, **query) == (9, True)
    assert counted(translator_client, **query) == (9, False)

    submit_for_translation(editor_client, articles[2], newsroom.en)
    assert counted(editor_client, **query) == (9, True)
    assert counted(editor_client, **query) == (9, False)
    # A status that changes without a row added or deleted: the English edition published.
    in_progress = {"locale": "en", "status": "in_progress"}
    assert counted(editor_client, **in_progress) == (3, True)
    english = Page.objects.get(translation_key=articles[2].translation_key, locale=newsroom.en)
    english.specific.save_revision().publish()
    assert counted(editor_client, **in_progress) == (2, True)


def _queries(client, **query):
    with CaptureQueriesContext(connection) as captured:
        report(client, **query)
    return len(captured)


def test_the_last_page_costs_what_the_first_does(articles, newsroom, editor_client):
    create_article(newsroom.news_lt, "Dar viena", live=False)
    create_article(newsroom.news_lt, "Ir dar viena", live=False)
    create_article(newsroom.news_lt, "Paskutinė", live=False)  # 15: three full pages
    report(editor_client)  # warm: the session, content types, the count

    first = _queries(editor_client)
    assert _queries(editor_client, p=3) == first
    assert _queries(editor_client, p=2) == first + 1  # its keys, then its rows


def _key_reads(client, **query):
    """The SQL that read the ids of the page's rows (a middle page reads them first)."""
    with CaptureQueriesContext(connection) as captured:
        report(client, **query)
    return [q["sql"] for q in captured if "OFFSET" in q["sql"]]


@pytest.mark.parametrize("ordering", ["title", "-title"])
def test_a_middle_page_of_every_article_skips_rows_in_the_kept_titles_alone(
    articles, editor_client, ordering
):
    (key_read,) = _key_reads(editor_client, p=2, ordering=ordering)

    assert 'FROM "news_translation_keptstatus"' in key_read
    assert "wagtailcore_page" not in key_read  # no row of the page table checked


@pytest.mark.parametrize("query", ["by_status", {"locale": "en"}])
def test_other_orders_and_filters_skip_rows_in_the_listing(
    articles, newsroom, editor_client, query
):
    if query == "by_status":
        query = {"ordering": f"-{field_prefix(newsroom.en)}kept_status"}
    (key_read,) = _key_reads(editor_client, p=2, **query)

    assert 'FROM "wagtailcore_page"' in key_read


def test_a_translator_skips_rows_in_the_listing_that_hides_drafts(articles, translator_client):
    (key_read,) = _key_reads(translator_client, p=2)

    assert 'FROM "wagtailcore_page"' in key_read
    assert articles[-1].pk not in listed(translator_client)[1]


def test_a_renamed_article_moves_to_its_new_place_on_every_page(articles, editor_client):
    expected = ArticlePage.objects.filter(pk__in=[article.pk for article in articles])

    def in_title_order(ordering):
        return list(expected.order_by(ordering, "pk").values_list("pk", flat=True))

    # From the first page into the middle one (between "Kultūra" and "Sportas").
    renamed = ArticlePage.objects.get(pk=articles[0].pk)
    renamed.title = "Lietuva"
    renamed.save_revision().publish()
    assert renamed.pk in [row.pk for row in report(editor_client, p=2).context["object_list"]]
    assert listed(editor_client)[1] == in_title_order("title")

    # The title alone written without Wagtail (raw SQL, a bulk update): the database's
    # triggers note it too.
    Page.objects.filter(pk=articles[3].pk).update(title="Miestas")
    assert listed(editor_client)[1] == in_title_order("title")
    assert listed(editor_client, ordering="-title")[1] == in_title_order("-title")
