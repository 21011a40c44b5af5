"""news_translation 0003: the kept statuses take their source's title, and the page triggers
watch titles; migrated on a database whose statuses were kept before it, and back."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from wagtail.models import Page

from news.translation.kept_statuses import refresh_kept_statuses
from news.translation.models import KeptStatus, StatusChange
from news.translation.status import Status
from tests.factories import create_article

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("news_translation", "0002_status_change_triggers")]
TITLES = [("news_translation", "0003_kept_source_titles")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)


def kept_titles():
    return dict(
        KeptStatus.objects.filter(status=Status.SOURCE).values_list("source_page", "source_title")
    )


def test_kept_rows_take_their_titles_and_renames_are_noted(tree):
    articles = [create_article(tree.news_lt, title) for title in ("Sportas", "Kultūra")]
    refresh_kept_statuses()

    migrate(BEFORE)
    Page.objects.filter(pk=articles[0].pk).update(title="Be pastabos")
    with connection.cursor() as cursor:  # the model of 0002 has no title column
        cursor.execute("SELECT COUNT(*) FROM news_translation_statuschange")
        assert cursor.fetchone() == (0,)  # a title alone was not watched

    migrate(TITLES)
    assert kept_titles() == {articles[0].pk: "Be pastabos", articles[1].pk: "Kultūra"}
    assert not StatusChange.objects.exists()  # copied, not computed again

    Page.objects.filter(pk=articles[1].pk).update(title="Menas")
    assert list(StatusChange.objects.values_list("translation_key", flat=True)) == [
        articles[1].translation_key
    ]
    refresh_kept_statuses()
    assert kept_titles()[articles[1].pk] == "Menas"
