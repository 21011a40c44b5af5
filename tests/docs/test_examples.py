"""docs/headless.md's runnable examples, run against the real site: the webhook receiver
gets a signed publish, the preview route renders a draft from the API."""

import importlib.util
import threading
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from news.preview.tokens import make_token
from news.webhooks.models import WebhookEndpoint

from ..factories import build_site_tree, create_article
from ..webhooks.signing_helpers import post_signed

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"


def load(name):
    spec = importlib.util.spec_from_file_location(f"docs_example_{name}", EXAMPLES / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def serve(server):
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.mark.django_db
def test_the_webhook_receiver_example(django_capture_on_commit_callbacks):
    example = load("webhook_receiver")
    events = []
    server = serve(example.make_server(0, "example-secret", events.append))
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        tree = build_site_tree()
        WebhookEndpoint.objects.create(
            name="Example", url=url, secret="example-secret", events=["article.published"]
        )
        article = create_article(tree.news_lt, "Pavyzdys")
        with django_capture_on_commit_callbacks(execute=True):
            article.save_revision().publish()
        assert [(e["event"], e["page_id"]) for e in events] == [("article.published", article.pk)]

        # A forged or replayed request is refused; a repeat of a delivery is not handled twice.
        assert post_signed(url, b'{"event":"x"}', "wrong-secret") == 401
        assert post_signed(url, b'{"event":"x"}', "example-secret", timestamp=1) == 401
        body = b'{"event":"article.published","page_id":1}'
        assert post_signed(url, body, "example-secret", delivery_id="same") == 204
        assert post_signed(url, body, "example-secret", delivery_id="same") == 204
        assert len(events) == 2
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_preview_route_example(live_server):
    example = load("preview_route")
    tree = build_site_tree()
    article = create_article(tree.news_lt, "Viešas pavadinimas")
    article.save_revision().publish()
    article.title = "Juodraštis <su ženklais>"
    article.save_revision()
    article.refresh_from_db()
    server = serve(example.make_server(0, live_server.url))
    base = f"http://127.0.0.1:{server.server_address[1]}/preview"
    token = make_token(article.pk, article.latest_revision_id)
    try:
        with urllib.request.urlopen(f"{base}?content_type=news.articlepage&token={token}") as page:
            html = page.read().decode()
            assert page.headers["Cache-Control"] == "private, no-store"
        assert "<h1>Juodraštis &lt;su ženklais&gt;</h1>" in html

        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(f"{base}?content_type=news.articlepage&token=forged")
        assert refused.value.code == 401
        assert "valid preview token" in refused.value.read().decode()
    finally:
        server.shutdown()
        server.server_close()
