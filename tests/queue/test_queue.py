"""The background queue in process: purges retried until the cache answers (each cache of
several on its own), bounded retries recorded as failed, the admin's report, and tasks a
killed worker left running."""

import datetime
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from news.queue.purge import purge_urls_task

from ..caching.edge import free_port
from ..factories import create_article


class PurgeLog(list):
    pass


def purge_server(port, log, status=200):
    class Handler(BaseHTTPRequestHandler):
        def do_PURGE(self):
            log.append((self.headers["Host"], self.path))
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture
def cache_port(settings):
    port = free_port()
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{port}",
        }
    }
    return port


def make_due():
    DBTaskResult.objects.filter(status=TaskResultStatus.READY).update(
        run_after=timezone.now() - datetime.timedelta(seconds=1)
    )


def test_a_purge_waits_in_the_queue_and_is_retried_until_the_cache_answers(
    tree,
    cache_port,
    database_queue,
    settings,
):
    settings.TASKS_RETRY_DELAYS = [60, 60, 60]
    article = create_article(tree.news_lt, "Valymas")
    article.title = "Valymas 2"
    article.save_revision().publish()
    # Enqueued in the publishing transaction: a row of the queue, not yet run.
    queued = DBTaskResult.objects.get(task_path="news.queue.purge.purge_urls_task")
    assert queued.status == TaskResultStatus.READY
    urls = queued.args_kwargs["kwargs"]["urls"]
    assert article.get_full_url() in urls

    database_queue()  # nothing listens on the cache's port
    retried = DBTaskResult.objects.filter(task_path=queued.task_path, status="READY").get()
    assert retried.run_after > timezone.now() + datetime.timedelta(seconds=30)
    assert retried.args_kwargs["kwargs"]["attempt"] == 2

    log = PurgeLog()
    server = purge_server(cache_port, log)
    try:
        make_due()
        database_queue()
    finally:
        server.shutdown()
        server.server_close()
    assert ("localhost", article.url) in log
    assert len(log) == len(urls)
    assert not DBTaskResult.objects.filter(status=TaskResultStatus.FAILED).exists()


def test_a_cache_that_fails_keeps_no_other_stale_and_alone_is_retried(
    tree, database_queue, settings
):
    """Two hosts' caches (FRONTEND_CACHE_URLS): the one that answers is purged at once."""
    settings.TASKS_RETRY_DELAYS = [60, 60]
    up, down = free_port(), free_port()
    locations = [f"http://127.0.0.1:{down}", f"http://127.0.0.1:{up}"]
    settings.WAGTAILFRONTENDCACHE = {
        location: {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": location,
        }
        for location in locations
    }
    urls = ["http://localhost/lt/", "http://localhost/en/"]
    up_log, down_log = PurgeLog(), PurgeLog()
    servers = [purge_server(up, up_log)]
    try:
        purge_urls_task.enqueue(urls=urls)
        database_queue()  # nothing listens on the first cache's port
        assert sorted(up_log) == [("localhost", "/en/"), ("localhost", "/lt/")]
        retry = DBTaskResult.objects.get(status=TaskResultStatus.READY)
        assert retry.args_kwargs["kwargs"]["backends"] == [locations[0]]

        servers.append(purge_server(down, down_log))
        make_due()
        database_queue()
    finally:
        for server in servers:
            server.shutdown()
            server.server_close()
    assert sorted(down_log) == [("localhost", "/en/"), ("localhost", "/lt/")]
    assert len(up_log) == 2  # not purged again
    assert not DBTaskResult.objects.exclude(status=TaskResultStatus.SUCCESSFUL).exists()


def test_after_the_last_retry_a_task_is_recorded_as_failed_and_reported(
    tree,
    cache_port,
    database_queue,
    settings,
    client,
    django_user_model,
):
    settings.TASKS_RETRY_DELAYS = [0, 0]
    purge_urls_task.enqueue(urls=["http://localhost/lt/"])
    database_queue()

    attempts = DBTaskResult.objects.filter(task_path="news.queue.purge.purge_urls_task")
    assert attempts.count() == 3
    failed = attempts.get(status=TaskResultStatus.FAILED)
    assert "PurgeFailed" in failed.exception_class_path

    client.force_login(django_user_model.objects.create_superuser("root", "r@example.com", "pw"))
    report = client.get(reverse("queue_tasks_report"))
    assert report.status_code == 200
    html = report.content.decode()
    assert "purge_urls_task" in html and "PurgeFailed" in html
    # The attempts that scheduled a retry are listed with the error that made them retry.
    done = client.get(reverse("queue_tasks_report"), {"status": "SUCCESSFUL", "p": "x"})
    assert done.content.decode().count("Connection refused") == 2
    assert client.get(reverse("queue_tasks_report"), {"status": "nonsense"}).status_code == 200


def test_only_administrators_see_the_report(client, django_user_model, db):
    user = django_user_model.objects.create_user("editor", password="pw")
    client.force_login(user)
    assert client.get(reverse("queue_tasks_report")).status_code in (302, 403)


def test_tasks_a_killed_worker_left_running_are_made_ready_again(tree, database_queue):
    result = purge_urls_task.enqueue(urls=["http://localhost/lt/"])
    row = DBTaskResult.objects.get(pk=result.id)
    row.claim("killed-worker")
    DBTaskResult.objects.filter(pk=row.pk).update(
        started_at=timezone.now() - datetime.timedelta(hours=1)
    )
    fresh = purge_urls_task.enqueue(urls=["http://localhost/en/"])
    DBTaskResult.objects.get(pk=fresh.id).claim("live-worker")

    call_command("requeue_stale_tasks", "--older-than", "600")

    assert DBTaskResult.objects.get(pk=row.pk).status == TaskResultStatus.READY
    assert DBTaskResult.objects.get(pk=fresh.id).status == TaskResultStatus.RUNNING


@pytest.mark.parametrize("status", [503, 405])  # 405: Varnish refusing this host's PURGE
def test_without_a_worker_tasks_run_at_once(
    tree, settings, cache_port, django_capture_on_commit_callbacks, status
):
    """The immediate backend (development, the test suite): after the commit, a purge that
    fails is retried at once, a bounded number of times, and the publish still succeeds."""
    settings.TASKS_RETRY_DELAYS = [0]
    log = PurgeLog()
    server = purge_server(cache_port, log, status=status)
    article = create_article(tree.news_lt, "Be darbininko")
    try:
        with django_capture_on_commit_callbacks(execute=True):
            article.save_revision().publish()
    finally:
        server.shutdown()
        server.server_close()
    article.refresh_from_db()
    assert article.live
    # The attempt and its one retry, each stopped at the first URL the cache refused.
    assert len(log) == 2 and log[0] == log[1] == ("localhost", "/api/v3/*")
    assert not DBTaskResult.objects.exists()
