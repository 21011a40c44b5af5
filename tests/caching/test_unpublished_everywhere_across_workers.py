"""An unpublished article leaves every gunicorn worker's pages at once.

Production settings without REDIS_URL, on a file SQLite database, under gunicorn with three
workers: every worker renders the home page and "More news" (cached fragments keyed on the
listing version), an editor unpublishes the newest article through the API, and then no
worker may serve its title. With a per-process cache (Django's local memory, the old
default) only the worker that handled the unpublish saw the new version.
"""

import json
import os
import secrets
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from .edge import free_port, wait_for_port

# The site under gunicorn has a database of its own; the test database only has to exist
# (the suite's session fixtures read it).
pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
WORKERS = 3

SET_UP = """
import json
from wagtail.models import APIToken
from django.contrib.auth import get_user_model
from news.models import ArticlePage
user = get_user_model().objects.create_superuser("ops", "ops@example.com", "pw")
articles = list(ArticlePage.objects.live().filter(locale__language_code="lt")
                .order_by("-publication_date", "-pk"))
print(json.dumps({
    "token": APIToken.create_token(user=user, name="ops")[1],
    "newest": {"id": articles[0].pk, "title": articles[0].title},
    "other_url": articles[-1].url,
}))
"""


def _environment(workdir):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in ("REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE", "DATABASE_URL")
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        DATABASE_URL=f"sqlite:///{workdir}/db.sqlite3",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="false",
        STATIC_ROOT=str(Path(workdir) / "static"),
        MEDIA_ROOT=str(Path(workdir) / "media"),
        LOG_LEVEL="ERROR",
    )
    return environment


def _manage(environment, *args):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        check=True,
        capture_output=True,
        text=True,
        timeout=600,
    ).stdout


@pytest.fixture(scope="module")
def site_under_gunicorn():
    with tempfile.TemporaryDirectory(prefix="workers-") as workdir:
        environment = _environment(workdir)
        for command in (
            ["migrate", "-v0"],
            ["compile_translations"],
            ["load_demo", "-v0"],
            ["collectstatic", "--noinput", "-v0"],
        ):
            _manage(environment, *command)
        facts = json.loads(_manage(environment, "shell", "-c", SET_UP).strip().splitlines()[-1])
        port = free_port()
        gunicorn = [sys.executable, "-m", "gunicorn", "cms.wsgi", "--bind", f"127.0.0.1:{port}"]
        process = subprocess.Popen(
            [*gunicorn, "--workers", str(WORKERS), "--worker-class", "sync"],
            cwd=ROOT,
            env=environment,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            wait_for_port(port, timeout=60)
            yield {"base": f"http://127.0.0.1:{port}", **facts}
        finally:
            process.terminate()
            process.wait(30)


def _get(url):
    with urllib.request.urlopen(url, timeout=60) as response:  # noqa: S310 - loopback
        return response.read().decode()


def _from_every_worker(url, rounds=4):
    """Many requests at once, so that every worker answers some."""
    with ThreadPoolExecutor(WORKERS * 2) as pool:
        return list(pool.map(_get, [url] * (WORKERS * 2 * rounds)))


def test_no_worker_serves_an_unpublished_title(site_under_gunicorn):
    site = site_under_gunicorn
    title = site["newest"]["title"]
    pages = [f"{site['base']}/lt/", f"{site['base']}{site['other_url']}"]
    for url in pages:  # every worker has the fragments cached, with the title
        assert all(title in body for body in _from_every_worker(url)), url

    request = urllib.request.Request(  # noqa: S310 - loopback
        f"{site['base']}/api/v3/pages/{site['newest']['id']}/actions/unpublish/",
        data=b"{}",
        method="POST",
        headers={"Authorization": f"Bearer {site['token']}", "Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
        assert response.status == 200
    time.sleep(0.5)

    for url in pages:
        stale = [body for body in _from_every_worker(url) if title in body]
        assert not stale, f"{len(stale)} responses from {url} still show {title!r}"
