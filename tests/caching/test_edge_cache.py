"""The real Varnish (deploy/varnish/default.vcl) in front of a live Django server: anonymous
pages come from the cache, and a publish is visible through it at once (news/caching/purge.py)."""

import datetime
import os
import shutil
import urllib.request

import pytest

from ..factories import create_article
from .edge import varnish

# Transactional (the live server reads what the test writes); migration data (locales) is
# restored for each test.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

HOST = "localhost"  # the Site's hostname in tests/conftest.py: purges name it


def need_varnishd():
    if shutil.which("varnishd") or os.path.exists("/usr/sbin/varnishd"):
        return
    message = "varnishd not found: install Debian's package (`apt-get install varnish`)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{message}; the edge cache test is mandatory in CI.")
    pytest.skip(f"{message} to run the edge cache test.")


@pytest.fixture
def edge(live_server, settings):
    need_varnishd()
    backend_port = int(live_server.url.rsplit(":", 1)[1])
    with varnish(backend_port) as cache:
        port = cache.port
        settings.WAGTAILFRONTENDCACHE = {
            "varnish": {
                "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
                "LOCATION": f"http://127.0.0.1:{port}",
            }
        }

        def get(path, **headers):
            request = urllib.request.Request(
                f"http://127.0.0.1:{port}{path}", headers={"Host": HOST, **headers}
            )
            with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
                return response.headers.get("X-Cache"), response.read().decode()

        yield get


def test_publishing_shows_through_the_edge_cache_at_once(edge, tree):
    def make(title, day):
        return create_article(tree.news_lt, title, date=datetime.date(2024, 1, day))

    old = make("Senas straipsnis", 1)
    article = make("Pirmoji antraštė", 2)
    path = article.url

    assert edge(path)[0] == "MISS"
    state, html = edge(path)
    assert state == "HIT" and "Pirmoji antraštė" in html
    edge("/lt/naujienos/")
    edge("/lt/naujienos/?page=1")
    assert edge(old.url)[0] in ("MISS", "HIT")
    assert edge(old.url)[0] == "HIT"

    # An editor changes the title and publishes: the next reader sees it.
    article.title = "Antroji antraštė"
    article.save_revision().publish()
    state, html = edge(path)
    assert state == "MISS" and "Antroji antraštė" in html
    assert "Antroji antraštė" in edge("/lt/naujienos/")[1]
    assert "Antroji antraštė" in edge("/lt/naujienos/?page=1")[1]
    # "More news" under the other article lists the new title too.
    assert "Antroji antraštė" in edge(old.url)[1]

    # Unpublished: gone from the index and from "More news" at once.
    article.refresh_from_db()
    article.unpublish()
    assert "Antroji antraštė" not in edge("/lt/naujienos/")[1]
    assert "Antroji antraštė" not in edge(old.url)[1]


def test_editors_are_never_served_from_the_cache(edge, tree):
    article = create_article(tree.news_lt, "Straipsnis", date=datetime.date(2024, 1, 1))
    edge(article.url)
    assert edge(article.url)[0] == "HIT"
    assert edge(article.url, Cookie="sessionid=abc")[0] == "MISS"
    # Other cookies do not split the cache.
    assert edge(article.url, Cookie="_ga=1")[0] == "HIT"
