"""How soon a publish is visible through the edge cache (bench/run).

Run with DJANGO_SETTINGS_MODULE=bench.settings, DATABASE_URL and REDIS_URL of the site that
gunicorn serves behind Varnish, and FRONTEND_CACHE_URLS pointing at that Varnish (so publishing
purges it, as in production). bench/run runs it while readers load the cache. For each
round, after --pause seconds and with the article cached at the edge: an
editor's change to its lead is published (a new revision, as the admin's Publish does), then
the article is fetched through Varnish until the change shows. The article's own text is
published again at the end.

Prints JSON: publish_ms (the publish, purges included) and visible_ms (from the start of the
publish to the first response through the cache that shows the change), per round.
"""

import argparse
import json
import os
import sys
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django  # noqa: E402

django.setup()

from news.models import ArticlePage  # noqa: E402

HOST = "localhost"  # the demo Site's hostname: purges name it
GIVE_UP_S = 10


def fetch(port, path):
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers={"Host": HOST})
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
        return response.headers.get("X-Cache"), response.read().decode()


def publish_lead(article, lead):
    article.lead = lead
    article.save_revision().publish()


def measure(edge_port, article_id, rounds, pause):
    article = ArticlePage.objects.get(pk=article_id)
    original, path = article.lead, article.url
    figures = []
    # A first publish loads what a long-running server process holds already (templates,
    # connections, caches): the rounds time an editor's publish on a warm server.
    publish_lead(article, original)
    print("ready", flush=True)  # bench/run starts the readers now
    ready = time.perf_counter()
    try:
        for number in range(rounds):
            time.sleep(pause)
            fetch(edge_port, path)
            assert fetch(edge_port, path)[0] == "HIT", "the article is not cached at the edge"
            marker = f"Atnaujinta {number + 1}-ą kartą, {time.time():.0f}."
            started = time.perf_counter()
            publish_lead(article, f"{original} {marker}")
            published = time.perf_counter()
            while marker not in fetch(edge_port, path)[1]:
                if time.perf_counter() - started > GIVE_UP_S:
                    raise RuntimeError(f"not visible through the cache after {GIVE_UP_S}s")
                time.sleep(0.005)
            visible = time.perf_counter()
            figures.append(
                {
                    "at_s": round(started - ready, 2),
                    "publish_ms": round((published - started) * 1000, 1),
                    "visible_ms": round((visible - started) * 1000, 1),
                }
            )
    finally:
        publish_lead(article, original)
    return figures


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edge-port", type=int, required=True)
    parser.add_argument("--article", type=int, required=True, help="id of the article")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--pause", type=float, default=0, help="seconds before each round")
    args = parser.parse_args()
    print(json.dumps(measure(args.edge_port, args.article, args.rounds, args.pause)))


if __name__ == "__main__":
    main()
