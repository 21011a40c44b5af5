"""Preview answers through the real Varnish (deploy/varnish/default.vcl): never stored, so
a token's draft never reaches anyone else, and each request goes to the site."""

import json
import urllib.error
import urllib.request

import pytest

from news.preview.tokens import make_token

from ..caching.edge import varnish
from ..caching.test_edge_cache import need_varnishd
from ..factories import build_site_tree, create_article

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def fetch(port, path):
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}", headers={"Host": "localhost"}
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 (loopback)
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


def test_previews_pass_through_the_edge_cache(live_server):
    need_varnishd()
    tree = build_site_tree()
    article = create_article(tree.news_lt, "Viešas")
    article.save_revision().publish()
    article.title = "Slaptas juodraštis"
    article.save_revision()
    article.refresh_from_db()
    preview = f"/api/v3/preview/?token={make_token(article.pk, article.latest_revision_id)}"
    public = f"/api/v3/articles/{article.pk}/"

    with varnish(int(live_server.url.rsplit(":", 1)[1])) as cache:
        answers = [fetch(cache.port, preview) for _ in range(3)]
        for status, headers, body in answers:
            assert status == 200
            assert headers["Cache-Control"] == "private, no-store"
            assert headers["X-Cache"] == "MISS"
            assert json.loads(body)["title"] == "Slaptas juodraštis"
        # The public API answer is cached as usual, and shows the live title.
        fetch(cache.port, public)
        status, headers, body = fetch(cache.port, public)
        assert headers["X-Cache"] == "HIT" and "Slaptas" not in body
        # Without the token, through the same cache: no draft.
        status, headers, body = fetch(cache.port, "/api/v3/preview/")
        assert status == 401 and "Slaptas" not in body
        counters = cache.counters("cache_hit", "cache_hitmiss", "cache_miss")
    assert counters["cache_hit"] == 1  # only the public answer was ever served from cache
