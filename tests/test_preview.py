"""Live preview on the development database (issue 13, defect 6): SQLite runs in WAL mode
with a busy timeout, so a preview waits for a writer instead of failing, and a preview that
does fail on the database says so instead of answering 500."""

import sqlite3
import threading
import time

import pytest
from django.conf import settings
from django.db import OperationalError
from django.db.backends.sqlite3.base import DatabaseWrapper
from wagtail.admin.models import FormState
from wagtail.test.utils.form_data import streamfield

from news.models import ArticlePage

from .factories import article_form_data, paragraph_form_value, soup


@pytest.mark.django_db
def test_sqlite_runs_in_wal_mode_and_waits_for_a_writer(tmp_path):
    dj_options = settings.DATABASES["default"].get("OPTIONS", {})
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
        pytest.skip("the SQLite options apply to SQLite only")
    assert dj_options["transaction_mode"] == "IMMEDIATE" and dj_options["timeout"] >= 10
    path = tmp_path / "dev.sqlite3"
    wrapper = DatabaseWrapper({**settings.DATABASES["default"], "NAME": str(path)})
    with wrapper.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"
        cursor.execute("CREATE TABLE t (x int)")
    # Another process holds the write lock for a second: this one waits, then writes.
    other = sqlite3.connect(path, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    other.execute("INSERT INTO t VALUES (1)")
    threading.Timer(1.0, other.commit).start()
    started = time.monotonic()
    with wrapper.cursor() as cursor:
        cursor.execute("INSERT INTO t VALUES (2)")
        cursor.execute("SELECT count(*) FROM t")
        assert cursor.fetchone()[0] == 2
    assert time.monotonic() - started >= 0.5
    wrapper.close()
    other.close()


@pytest.fixture
def article(tree, admin_client):
    body = streamfield([("paragraph", paragraph_form_value("<p>Preview me.</p>"))])
    response = admin_client.post(
        f"/admin/pages/add/news/articlepage/{tree.news_lt.pk}/",
        article_form_data("Previewed", "previewed", body),
    )
    assert response.status_code == 302
    return ArticlePage.objects.get(slug="previewed"), body


def test_a_failed_preview_says_so(article, admin_client, monkeypatch):
    page, body = article
    url = f"/admin/pages/{page.pk}/edit/preview/"
    data = article_form_data("Previewed again", "previewed", body)

    def locked(*args, **kwargs):
        raise OperationalError("database is locked")

    monkeypatch.setattr(FormState.objects, "update_or_create_by_instance", locked)
    response = admin_client.post(url, data)
    assert response.status_code == 503
    assert response.json()["is_valid"] is False and response.json()["is_available"] is False
    error = response.json()["error"]  # in the admin's language (Lithuanian by default)
    assert "database was busy" in error or "duomenų bazė buvo užimta" in error

    monkeypatch.setattr(FormState.objects, "for_preview", locked)
    response = admin_client.get(url + "?in_preview_panel=true")
    assert response.status_code == 503
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    heading = soup(response).select_one("[role=alert] h1").get_text(strip=True)
    assert heading in ("Preview failed", "Peržiūra nepavyko")

    monkeypatch.undo()
    response = admin_client.post(url, data)
    assert response.status_code == 200 and response.json()["is_valid"] is True
    assert b"Previewed again" in admin_client.get(url).content
