"""Load test: 60 s of mixed reader traffic against gunicorn on PostgreSQL while an editor
publishes every few seconds. Not part of pytest; see README, "Running in production".

    .venv/bin/python -m bench.load.run [--duration 60] [--connections 32] [--workers 4]

1. Creates (or reuses with --reuse-db) the PostgreSQL database LOAD_DATABASE_URL
   (default postgres://postgres@127.0.0.1:5432/kaunas_load), migrates it and loads the
   demo site; collects static files (production storage, hashed names).
2. Starts gunicorn with the production settings (cms.wsgi), Redis as the cache when
   REDIS_URL is set (default redis://127.0.0.1:6379/3), and waits for /healthz.
3. Runs wrk with bench/load/mixed.lua over a weighted mix of home pages, news indexes,
   articles, API listings and details, and search, both languages, for --duration seconds.
   Meanwhile an editor publishes a new revision of an article every --publish-every
   seconds (alternating articles and languages), as the admin's publish action does.
4. Prints the figures (requests/s, latency percentiles, responses by class, publishes) and
   exits non-zero on any 5xx, socket error or timeout, or an unexpected 4xx.
"""

import argparse
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from contextlib import ExitStack
from pathlib import Path

from bench.worker import db_worker

ROOT = Path(__file__).resolve().parents[2]
LUA = Path(__file__).with_name("mixed.lua")
PYTHON = sys.executable


def log(message):
    print(f"[load] {message}", flush=True)


def environment(args, static_root):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "DATABASE_URL": args.database_url,
        "DATABASE_CONN_MAX_AGE": "60",
        "SECRET_KEY": os.environ.get("SECRET_KEY") or secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "STATIC_ROOT": str(static_root),
        "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{args.port}",
        # load_demo's Site: the address wrk requests, so absolute URLs name the server.
        "DEMO_SITE_ADDRESS": f"127.0.0.1:{args.port}",
        "LOG_LEVEL": "WARNING",
    }
    if args.redis_url:
        env["REDIS_URL"] = args.redis_url
    return env


def manage(env, *command):
    subprocess.run([PYTHON, "manage.py", *command], cwd=ROOT, env=env, check=True)


def prepare_database(args, env):
    name = args.database_url.rsplit("/", 1)[1]
    server = args.database_url.rsplit("/", 1)[0] + "/postgres"
    exists = subprocess.run(
        ["psql", server, "-tAc", f"SELECT 1 FROM pg_database WHERE datname = '{name}'"],
        capture_output=True, text=True, check=True,
    ).stdout.strip() == "1"  # fmt: skip
    if exists and not args.reuse_db:
        subprocess.run(["psql", server, "-qc", f'DROP DATABASE "{name}" WITH (FORCE)'], check=True)
        exists = False
    if not exists:
        subprocess.run(["psql", server, "-qc", f'CREATE DATABASE "{name}"'], check=True)
    log(f"migrating and loading the demo site into {name}")
    manage(env, "migrate", "-v0")
    manage(env, "load_demo", "-v0")
    manage(env, "collectstatic", "--noinput", "-v0")


def django_setup(env):
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def load_paths(port):
    """Weighted reader paths: each repeated by how often readers ask for it."""
    from django.urls import NoReverseMatch, reverse
    from django.utils import translation
    from wagtail.models import Site

    from news.models import ArticlePage

    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "127.0.0.1", port
    site.save()
    articles = list(ArticlePage.objects.live().select_related("locale"))
    paths = []
    paths += ["/lt/", "/en/"] * 6
    paths += ["/lt/naujienos/", "/en/news/", "/lt/naujienos/?page=1"] * 3
    for article in articles:
        paths += [article.url] * 3
        paths.append(f"/api/v3/articles/{article.pk}/")
        paths.append(f"/api/v3/articles/{article.pk}/more/")
    paths += [
        "/api/v3/articles/?locale=lt",
        "/api/v3/articles/?locale=en&limit=5",
        "/api/v3/articles/?search=kaunas",
        "/api/v3/home/?locale=en",
        "/lt/rss.xml",
        "/sitemap.xml",
    ] * 2
    for language, words in (
        ("lt", ["Kaunas", "mokymasis", "universitetai"]),
        ("en", ["learning", "city"]),
    ):  # noqa: E501
        with translation.override(language):
            try:
                search = reverse("search")
            except NoReverseMatch:
                continue
        paths += [f"{search}?q={word}" for word in words]
    return paths, articles


class Editor(threading.Thread):
    """Publishes a new revision of an article every few seconds, as the admin does."""

    def __init__(self, articles, every):
        super().__init__(daemon=True)
        self.articles = articles
        self.every = every
        self.stop = threading.Event()
        self.published = 0
        self.failures = []

    def run(self):
        from django.contrib.auth import get_user_model
        from django.db import close_old_connections

        editor = get_user_model().objects.filter(is_superuser=True).first()
        number = 0
        while not self.stop.wait(self.every):
            article = self.articles[number % len(self.articles)].specific_class.objects.get(
                pk=self.articles[number % len(self.articles)].pk
            )
            number += 1
            try:
                article.lead = re.sub(r" \(\d+\)$", "", article.lead) + f" ({number})"
                article.save_revision(user=editor, log_action=True).publish(user=editor)
                self.published += 1
            except Exception as error:  # noqa: BLE001 - reported at the end
                self.failures.append(repr(error))
            finally:
                close_old_connections()


def wait_for_health(port, server, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit("gunicorn exited; see its log")
        try:
            request = urllib.request.Request(f"http://127.0.0.1:{port}/healthz")
            with urllib.request.urlopen(request, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise SystemExit("gunicorn did not become healthy")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--duration", type=int, default=60)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--port", type=int, default=0, help="Default: a free port.")
    parser.add_argument("--publish-every", type=float, default=3.0)
    parser.add_argument("--reuse-db", action="store_true", help="Keep an existing database.")
    parser.add_argument(
        "--database-url",
        default=os.environ.get(
            "LOAD_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/kaunas_load"
        ),
    )
    parser.add_argument(
        "--redis-url", default=os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/3")
    )
    args = parser.parse_args()
    if not args.port:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            args.port = probe.getsockname()[1]
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed (apt-get install wrk)")

    static_root = Path(tempfile.mkdtemp(prefix="kaunas-static-"))
    env = environment(args, static_root)
    prepare_database(args, env)
    django_setup(env)
    paths, articles = load_paths(args.port)
    paths_file = static_root / "paths.txt"
    paths_file.write_text("\n".join(paths) + "\n")

    gunicorn_log = static_root / "gunicorn.log"
    log(f"starting gunicorn ({args.workers} workers) on 127.0.0.1:{args.port}")
    with open(gunicorn_log, "w") as server_log:
        server = subprocess.Popen(
            [PYTHON, "-m", "gunicorn", "cms.wsgi", "--bind", f"127.0.0.1:{args.port}",
             "--workers", str(args.workers), "--worker-class", "gthread", "--threads", "4",
             "--timeout", "30", "--graceful-timeout", "10"],
            cwd=ROOT, env=env, stdout=server_log, stderr=subprocess.STDOUT,
        )  # fmt: skip
    editor = Editor(articles, args.publish_every)
    # The tasks of the editor's publishes (Wagtail's reference index) run on the queue.
    worker = ExitStack()
    worker.enter_context(db_worker(env))
    try:
        wait_for_health(args.port, server)
        log(f"{len(paths)} weighted paths; wrk for {args.duration}s, {args.connections} "
            f"connections; an editor publishes every {args.publish_every}s")  # fmt: skip
        editor.start()
        result = subprocess.run(
            ["wrk", "-t", str(args.threads), "-c", str(args.connections),
             "-d", f"{args.duration}s", "--timeout", "10s", "--latency", "-s", str(LUA),
             f"http://127.0.0.1:{args.port}"],
            env={**os.environ, "LOAD_PATHS": str(paths_file)},
            capture_output=True, text=True, check=True,
        )  # fmt: skip
    finally:
        editor.stop.set()
        editor.join(timeout=10)
        worker.close()
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)

    print(result.stdout)
    match = re.search(r"LOAD_RESULT (.*)", result.stdout)
    figures = dict(item.split("=") for item in match.group(1).split())
    rps = re.search(r"Requests/sec:\s+([\d.]+)", result.stdout).group(1)
    server_errors = [
        line for line in gunicorn_log.read_text().splitlines() if '"level": "ERROR"' in line
    ]
    print("== Load test ==")
    print(f"duration           {args.duration} s, {args.connections} connections")
    print(f"requests           {figures['requests']} ({rps}/s)")
    print(f"latency            p50 {figures['p50_ms']} ms, p90 {figures['p90_ms']} ms, "
          f"p99 {figures['p99_ms']} ms, max {figures['max_ms']} ms")  # fmt: skip
    print(f"responses          2xx {figures['ok']}, 3xx {figures['redirect']}, "
          f"4xx {figures['client']}, 5xx {figures['server']}")  # fmt: skip
    print(f"socket errors      {figures['socket_errors']}, timeouts {figures['timeouts']}")
    print(f"editor publishes   {editor.published} (failures: {len(editor.failures)})")
    print(f"server error logs  {len(server_errors)}")
    failed = (
        int(figures["server"]) or int(figures["socket_errors"]) or int(figures["timeouts"])
        or int(figures["client"]) or editor.failures or server_errors or not editor.published
    )  # fmt: skip
    for line in (editor.failures + server_errors)[:10]:
        print(f"  {line[:300]}")
    print("RESULT", "FAIL" if failed else "PASS")
    if failed:
        print(f"gunicorn's log: {gunicorn_log}")
    else:
        shutil.rmtree(static_root, ignore_errors=True)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
