"""Past one host (deploy/README.md): two application hosts on this machine, as two would run.

Each host is a gunicorn (production settings, two workers: memory of its own) with a Varnish
in front of it; the hosts share PostgreSQL and Redis, both Varnishes are purge targets
(FRONTEND_CACHE_URLS), and a db_worker runs the queue. Every page and API response is
cached in both Varnishes first; then an editor publishes an edit through one host, unpublishes
an article through the other and moves a third into another news index. Within a bounded
time no Varnish and no gunicorn may serve what was there before: whatever host the change
came through, every cache forgot it. PostgreSQL only (SQLite is one host's file).
"""

import html
import json
import tempfile
import time
from contextlib import ExitStack

import psycopg
import pytest
import redis
from django.db import connection
from django_tasks_db.models import DBTaskResult
from psycopg import sql

from .edge import (
    DB_WORKER,
    fetch,
    free_port,
    gunicorn,
    production_environment,
    running,
    set_up_site,
    varnish,
)
from .test_edge_cache import need_varnishd

# The hosts share a database of their own; the suite's test database only has to exist.
pytestmark = pytest.mark.django_db

REDIS_URL = "redis://127.0.0.1:6379/7"  # a database of this test's own: flushed
HOST = "localhost"  # the demo Site's address (DEMO_SITE_ADDRESS): purges name it
FRESH_WITHIN = 60  # seconds: the worker polls every 0.1 s, purges take milliseconds
NEW_TITLE = "Atnaujinta antraštė iš kito serverio"

SET_UP = """
import json
from django.contrib.auth import get_user_model
from wagtail.models import APIToken
from home.models import HomePage
from news.models import ArticlePage, NewsIndexPage
user = get_user_model().objects.create_superuser("ops", "ops@example.com", "pw")
home = HomePage.objects.get(locale__language_code="lt")
archive = home.add_child(instance=NewsIndexPage(title="Archyvas", slug="archyvas"))
archive.save_revision().publish()
newest = ArticlePage.objects.live().filter(locale__language_code="lt").order_by(
    "-publication_date", "-pk")[:3]
print(json.dumps({
    "token": APIToken.create_token(user=user, name="ops")[1],
    "index": NewsIndexPage.objects.get(locale=home.locale, slug="naujienos").url,
    "archive": {"id": archive.pk, "url": archive.url},
    "articles": [{"id": a.pk, "title": a.title, "url": a.url} for a in newest],
}))
"""


def shows(body, title):
    return title in body or html.escape(title) in body


def shared_services():
    """(base URL of PostgreSQL, Redis client), or skip."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: hosts share a database server, never a SQLite file")
    db = connection.settings_dict
    client = redis.Redis.from_url(REDIS_URL)
    try:
        client.ping()
    except redis.RedisError as error:
        pytest.skip(f"needs Redis at {REDIS_URL}: {error}")
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    base = f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
    return base, client


def on_server(base, *statements):
    with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
        for statement in statements:
            admin.execute(statement)


def drop(name):
    return sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))


@pytest.fixture(scope="module")
def two_hosts():
    need_varnishd()
    postgres, cache = shared_services()
    # Beside the suite's database: its name without pytest-django's "test_".
    name = connection.settings_dict["NAME"].removeprefix("test_") + "_site"
    on_server(postgres, drop(name), sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    cache.flushdb()
    app_ports = [free_port(), free_port()]
    try:
        with tempfile.TemporaryDirectory(prefix="hosts-") as workdir, ExitStack() as stack:
            # Each host's Varnish in front of its own gunicorn (started below: Varnish only
            # needs the backend when a request comes).
            edges = [stack.enter_context(varnish(port)) for port in app_ports]
            environment = production_environment(
                workdir,
                DATABASE_URL=f"{postgres}/{name}",
                REDIS_URL=REDIS_URL,
                FRONTEND_CACHE_URLS=",".join(f"http://127.0.0.1:{e.port}" for e in edges),
                DEMO_SITE_ADDRESS=HOST,
            )
            facts = set_up_site(environment, SET_UP)
            for port in app_ports:
                stack.enter_context(gunicorn(environment, 2, port))
            stack.enter_context(running(DB_WORKER, environment))
            yield {
                **facts,
                "database": f"{postgres}/{name}",
                "edges": [f"http://127.0.0.1:{e.port}" for e in edges],
                "apps": [f"http://127.0.0.1:{port}" for port in app_ports],
            }
    finally:
        cache.flushdb()
        on_server(postgres, drop(name))


def expectations(site, changed):
    """(path, check of (status, body)) for every page and API response the changes touch:
    the state before them, or after them (``changed``)."""
    edited, unpublished, moved = site["articles"]
    moved_url = site["archive"]["url"] + moved["url"].rstrip("/").rsplit("/", 1)[1] + "/"
    title = NEW_TITLE if changed else edited["title"]
    listing_shows = [(title, True), (unpublished["title"], not changed)]
    unpublished_shown = [(unpublished["title"], True)]

    def page(*shown, gone=False):
        def check(status, body):
            if gone:
                return status in (301, 302, 404, 410)
            return status == 200 and all(shows(body, t) == want for t, want in shown)

        return check

    return [
        ("/lt/", page(*listing_shows, (moved["url"], not changed))),
        (site["index"], page(*listing_shows, (moved["title"], not changed))),
        (site["archive"]["url"], page((moved["title"], changed))),
        (edited["url"], page((title, True))),
        (unpublished["url"], page(*unpublished_shown, gone=changed)),
        (moved["url"], page((moved["title"], True), gone=changed)),
        (moved_url, page((moved["title"], True), gone=not changed)),
        (f"/api/v3/articles/{edited['id']}/", page((title, True))),
        (f"/api/v3/articles/{unpublished['id']}/", page(*unpublished_shown, gone=changed)),
        (f"/api/v3/articles/{moved['id']}/", page((moved_url if changed else moved["url"], True))),
        ("/api/v3/articles/?locale=lt", page(*listing_shows)),
    ]


def stale_answers(site, changed):
    """(server, path) of every answer that does not match the expectations."""
    return [
        (base, path)
        for base in [*site["edges"], *site["apps"]]
        for path, check in expectations(site, changed)
        if not check(*answer(base, path))
    ]


def answer(base, path):
    status, headers, body = fetch(base + path, host=HOST)
    if "json" in headers.get("Content-Type", "") and status == 200:
        body = json.dumps(json.loads(body), ensure_ascii=False)  # titles as they are
    return status, body


def tasks(site, *statuses):
    """How many of the queue's tasks have one of ``statuses``."""
    with psycopg.connect(site["database"]) as db:
        query = sql.SQL("SELECT count(*) FROM {} WHERE status = ANY(%s)").format(
            sql.Identifier(DBTaskResult._meta.db_table)
        )
        return db.execute(query, [list(statuses)]).fetchone()[0]


def wait_for(condition, timeout=FRESH_WITHIN):
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"{condition.__doc__} not within {timeout}s"
        time.sleep(0.2)


def test_no_host_and_no_cache_serves_stale_content(two_hosts):
    site = two_hosts
    edited, unpublished, moved = site["articles"]

    def settled():
        """The set-up's purges done"""
        return not tasks(site, "READY", "RUNNING")

    wait_for(settled)
    assert not stale_answers(site, changed=False)
    for edge in site["edges"]:  # every answer now comes from each Varnish's cache
        for path, _check in expectations(site, changed=False):
            status, headers, _body = fetch(edge + path, host=HOST)
            assert status != 200 or headers.get("X-Cache") == "HIT", (edge, path)

    # Writes go through the hosts' edges (Varnish passes requests with a token).
    host_a, host_b = site["edges"]
    writes = [
        (host_a, f"/api/v3/pages/{edited['id']}/", "PATCH")
        + ({"title": NEW_TITLE, "meta": {"action": "publish"}},),
        (host_b, f"/api/v3/pages/{unpublished['id']}/actions/unpublish/", "POST", {}),
        (host_a, f"/api/v3/pages/{moved['id']}/actions/move/", "POST")
        + ({"destination_id": site["archive"]["id"], "position": "last-child"},),
    ]
    for base, path, method, body in writes:
        status, _headers, text = fetch(
            base + path, host=HOST, method=method, json_body=body, token=site["token"]
        )
        assert status == 200, (path, status, text[:500])

    started = time.monotonic()
    stale = stale_answers(site, changed=True)
    while stale and time.monotonic() - started < FRESH_WITHIN:
        time.sleep(0.2)
        stale = stale_answers(site, changed=True)
    assert not stale, f"stale after {FRESH_WITHIN}s: {stale}"
    wait_for(settled)
    assert not tasks(site, "FAILED")  # both caches answered every purge
    print(f"every host and cache fresh {time.monotonic() - started:.1f}s after the changes")
