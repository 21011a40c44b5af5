"""An unpublished article leaves every gunicorn worker's pages at once.

Production settings without REDIS_URL, on a file SQLite database, under gunicorn with three
workers: every worker renders the home page and "More news" (cached fragments keyed on the
listing version), an editor unpublishes the newest article through the API, and then no
worker may serve its title. With a per-process cache (Django's local memory, the old
default) only the worker that handled the unpublish saw the new version.
"""

import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from .edge import fetch, free_port, gunicorn, production_environment, set_up_site

# The site under gunicorn has a database of its own; the test database only has to exist
# (the suite's session fixtures read it).
pytestmark = pytest.mark.django_db

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


@pytest.fixture(scope="module")
def site_under_gunicorn():
    with tempfile.TemporaryDirectory(prefix="workers-") as workdir:
        environment = production_environment(
            workdir, DATABASE_URL=f"sqlite:///{workdir}/db.sqlite3"
        )
        facts = set_up_site(environment, SET_UP)
        port = free_port()
        with gunicorn(environment, WORKERS, port):
            yield {"base": f"http://127.0.0.1:{port}", **facts}


def _get(url):
    return fetch(url)[2]


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

    status, _headers, _body = fetch(
        f"{site['base']}/api/v3/pages/{site['newest']['id']}/actions/unpublish/",
        method="POST",
        json_body={},
        token=site["token"],
    )
    assert status == 200
    time.sleep(0.5)

    for url in pages:
        stale = [body for body in _from_every_worker(url) if title in body]
        assert not stale, f"{len(stale)} responses from {url} still show {title!r}"
