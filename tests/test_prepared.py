"""news.prepared: a fixed raw query prepared once per PostgreSQL connection, the same rows as
the query itself, on SQLite the query itself."""

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from news import prepared
from news.translation.status import statuses_of

pytestmark = pytest.mark.django_db

# A literal % beside the parameters, as Django writes it.
TITLES = (
    'SELECT "id", "title" FROM "wagtailcore_page" '
    'WHERE "title" LIKE %s || \'%%\' AND "depth" >= %s ORDER BY "path"'
)

ARTICLE_DEPTH = 4  # root, home, news index, article


def titles(query):
    return [(page.pk, page.title) for page in query]


def run(*params):
    with CaptureQueriesContext(connection) as captured:
        rows = titles(prepared.raw(Page.objects, TITLES, list(params)))
    return rows, [query["sql"] for query in captured]


def test_the_rows_of_the_query_itself(article_factory):
    article_factory("lt", "Kaunas learns")
    article_factory("lt", "Kaunas reads")
    article_factory("lt", "Vilnius")
    expected = titles(Page.objects.raw(TITLES, ["Kaunas", ARTICLE_DEPTH]))
    assert [title for _pk, title in expected] == ["Kaunas learns", "Kaunas reads"]
    # Past PostgreSQL's five custom plans: the kept generic plan answers the same.
    for _ in range(7):
        assert run("Kaunas", ARTICLE_DEPTH)[0] == expected
    vilnius = titles(Page.objects.raw(TITLES, ["Vilnius", ARTICLE_DEPTH]))
    assert run("Vilnius", ARTICLE_DEPTH)[0] == vilnius != []


only_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="prepared on PostgreSQL only"
)


# Transactional: closing the connection must not end a test's wrapping transaction.
@only_postgresql
@pytest.mark.django_db(transaction=True)
def test_prepared_once_per_connection():
    connection.close()  # a new session: nothing prepared in it yet
    _rows, first = run("Kaunas", 2)
    _rows, second = run("Kaunas", 2)
    assert [sql.split()[0] for sql in first] == ["PREPARE", "EXECUTE"]
    assert [sql.split()[0] for sql in second] == ["EXECUTE"]
    assert "$2" in first[0] and "'%'" in first[0]

    connection.close()
    _rows, again = run("Kaunas", 2)
    assert [sql.split()[0] for sql in again] == ["PREPARE", "EXECUTE"]


@only_postgresql
@pytest.mark.django_db(transaction=True)
def test_a_statement_prepared_in_a_rolled_back_transaction_is_still_there():
    connection.close()
    with pytest.raises(RuntimeError), transaction.atomic():
        run("Kaunas", 2)
        raise RuntimeError("rolled back")
    rows, queries = run("Kaunas", 2)
    assert [sql.split()[0] for sql in queries] == ["EXECUTE"]
    assert rows == titles(Page.objects.raw(TITLES, ["Kaunas", 2]))


def test_the_translation_status_of_a_page_is_read_through_it(article_factory, monkeypatch):
    article = article_factory()
    read = []
    monkeypatch.setattr(
        prepared, "raw", lambda manager, sql, params: read.append(sql) or manager.raw(sql, params)
    )
    statuses = statuses_of(article)
    assert len(read) == 1
    assert [status.locale.language_code for status in statuses] == ["lt", "en"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's JIT")
def test_postgresql_does_not_compile_the_sites_queries_to_machine_code():
    # cms/settings/base.py: the Translations report's count spent longer compiling than running.
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone() == ("off",)
