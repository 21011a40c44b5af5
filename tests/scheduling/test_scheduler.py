"""Scheduled publishing happens (issue 13, defect 1): ``manage.py run_scheduler``, a real
process against the test database, publishes a page scheduled in the admin and unpublishes
one at its expiry within its interval, and purges the edge cache as a publish does.

On PostgreSQL the process uses the test database itself; on SQLite (an in-memory test
database) the database is copied to a file for the process and copied back afterwards.
"""

import datetime
import http.server
import os
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from django.db import connection
from django.utils import timezone
from wagtail.models import Page
from wagtail.test.utils.form_data import streamfield

from tests.caching.edge import free_port
from tests.factories import article_form_data, create_article, paragraph_form_value

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.django_db(transaction=True)


class PurgeRecorder(http.server.BaseHTTPRequestHandler):
    """Stands in for Varnish: records the path of every PURGE request."""

    purged = []

    def do_PURGE(self):  # noqa: N802
        self.purged.append(self.path)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def edge_cache():
    PurgeRecorder.purged = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), PurgeRecorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server, PurgeRecorder.purged
    server.shutdown()
    server.server_close()


class DatabaseForProcess:
    """The test database as another process sees it, and a way to read it while it runs."""

    def __init__(self, tmp_path):
        self.vendor = connection.vendor
        if self.vendor == "sqlite":
            self.file = tmp_path / "scheduler.sqlite3"
            self.url = f"sqlite:///{self.file}"
        else:
            settings = connection.settings_dict
            user = settings["USER"] or "postgres"
            password = f":{settings['PASSWORD']}" if settings["PASSWORD"] else ""
            host = settings["HOST"] or "127.0.0.1"
            port = settings["PORT"] or 5432
            self.url = f"postgres://{user}{password}@{host}:{port}/{settings['NAME']}"

    def hand_over(self):
        if self.vendor == "sqlite":
            connection.ensure_connection()
            with sqlite3.connect(self.file) as copy:
                connection.connection.backup(copy)

    def take_back(self):
        if self.vendor == "sqlite":
            with sqlite3.connect(self.file) as copy:
                copy.backup(connection.connection)

    def is_live(self, page_id):
        if self.vendor == "sqlite":
            with sqlite3.connect(self.file, timeout=20) as db:
                row = db.execute("SELECT live FROM wagtailcore_page WHERE id = ?", [page_id])
                return bool(row.fetchone()[0])
        return Page.objects.get(pk=page_id).live


def wait_until(condition, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.25)
    return False


def test_scheduled_publish_and_expiry_happen_on_time(
    tree, admin_client, edge_cache, tmp_path, settings
):
    settings.WAGTAILFRONTENDCACHE = {}
    go_live = timezone.localtime() + datetime.timedelta(seconds=6)
    # Scheduled through the admin's "Publish" with a go-live date, as an editor does.
    body = streamfield([("paragraph", paragraph_form_value("<p>Embargoed until noon.</p>"))])
    data = article_form_data(
        "Embargoed report",
        "embargoed-report",
        body,
        go_live_at=go_live.strftime("%Y-%m-%d %H:%M:%S"),
    )
    response = admin_client.post(
        f"/admin/pages/add/news/articlepage/{tree.news_lt.pk}/", data, follow=True
    )
    assert response.status_code == 200
    scheduled = Page.objects.get(slug="embargoed-report").specific
    assert not scheduled.live
    assert scheduled.scheduled_revision is not None  # shown as SCHEDULED in the admin
    # A live article that is to come down soon.
    expiring = create_article(tree.news_lt, "Event tonight", slug="event-tonight")
    Page.objects.filter(pk=expiring.pk).update(
        expire_at=timezone.now() + datetime.timedelta(seconds=6)
    )

    server, purged = edge_cache
    database = DatabaseForProcess(tmp_path)
    database.hand_over()
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DATABASE_URL": database.url,
        "FRONTEND_CACHE_URL": f"http://127.0.0.1:{server.server_port}",
    }
    process = subprocess.Popen(
        [sys.executable, "manage.py", "run_scheduler", "--interval", "2"],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        time.sleep(1)
        assert process.poll() is None
        assert not database.is_live(scheduled.pk)  # not before its time
        assert database.is_live(expiring.pk)
        assert wait_until(lambda: database.is_live(scheduled.pk), timeout=60)
        published_at = timezone.localtime()
        assert wait_until(lambda: not database.is_live(expiring.pk), timeout=60)
        unpublished_at = timezone.localtime()
        assert wait_until(
            lambda: (
                "/lt/naujienos/embargoed-report/" in purged
                and "/lt/naujienos/event-tonight/" in purged
            ),
            timeout=10,
        )
    finally:
        process.terminate()
        output, _ = process.communicate(timeout=30)
    assert process.returncode == 0, output  # SIGTERM ends it cleanly
    assert "Publishing scheduled pages every 2 s." in output
    assert published_at - go_live < datetime.timedelta(seconds=60)
    assert unpublished_at >= go_live
    assert {"/lt/", "/lt/rss.xml", "/sitemap.xml"} <= set(purged)

    database.take_back()
    scheduled = Page.objects.get(pk=scheduled.pk).specific
    assert scheduled.live and scheduled.scheduled_revision is None
    assert Page.objects.get(pk=expiring.pk).expired
    response = admin_client.get("/lt/naujienos/embargoed-report/")
    assert response.status_code == 200 and b"Embargoed until noon." in response.content
    assert admin_client.get("/lt/naujienos/event-tonight/").status_code == 404


def test_run_scheduler_once_exits(tree, tmp_path):
    database = DatabaseForProcess(tmp_path)
    database.hand_over()
    result = subprocess.run(
        [sys.executable, "manage.py", "run_scheduler", "--once"],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "cms.settings.test",
            "DATABASE_URL": database.url,
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "Publishing scheduled pages" in result.stdout


def test_runserver_starts_the_scheduler_beside_it(tree, tmp_path):
    """The README's run command ends in ``runserver``: the scheduler runs with it, and stops
    with it."""
    database = DatabaseForProcess(tmp_path)
    database.hand_over()
    port = free_port()
    log = tmp_path / "runserver.log"
    with log.open("w") as output:
        process = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
            cwd=ROOT,
            env={
                **os.environ,
                "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
                "DATABASE_URL": database.url,
            },
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            assert wait_until(lambda: "Publishing scheduled pages every" in log.read_text(), 60)
        finally:
            process.terminate()
            process.wait(timeout=30)
    time.sleep(0.5)
    children = subprocess.run(
        ["pgrep", "-s", str(process.pid)], capture_output=True, text=True
    ).stdout.split()
    assert children == []  # the scheduler stopped with the server
