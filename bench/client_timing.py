"""SQL queries and server time of one URL through Django's test client (bench/run).

Run with DJANGO_SETTINGS_MODULE=bench.settings and DATABASE_URL; prints JSON:
{"url": ..., "status": ..., "queries": n, "median_ms": ..., "p95_ms": ...}
The first requests warm the caches (renditions, fragment caches, site root paths); then
`--repeat` timed requests.
"""

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402


def measure(client, url, repeat):
    for _ in range(3):
        response = client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    queries = len(captured)  # now: every request start clears the query log
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return {
        "url": url,
        "status": response.status_code,
        "bytes": len(response.content),
        "queries": queries,
        "median_ms": round(statistics.median(times), 2),
        "p95_ms": round(times[min(len(times) - 1, int(len(times) * 0.95))], 2),
        "times_ms": [round(t, 3) for t in times],
    }


def discover():
    """The URLs bench/run measures, in the Lithuanian edition."""
    import math

    from django.conf import settings
    from wagtail.models import Locale

    from news.api.paging import Cursor
    from news.models import ArticlePage, NewsIndexPage

    lt = Locale.objects.get(language_code="lt")
    index = NewsIndexPage.objects.filter(locale=lt).order_by("path").first()
    articles = ArticlePage.objects.child_of(index).published_in(lt)
    count = articles.count()
    middle = articles[count // 2]
    last_page = max(1, math.ceil(count / settings.NEWS_PAGE_SIZE))
    newest_first = articles.order_by("-publication_date", "-pk")
    before_last = newest_first[max(0, count - settings.NEWS_PAGE_SIZE - 1)]
    cursor = Cursor("-publication_date", before_last.publication_date, before_last.pk).encode()
    index_url = index.get_url()
    return {
        "home": index.get_parent().get_url(),
        "index_first": index_url,
        "index_last": f"{index_url}?page={last_page}",
        "article": middle.get_url(),
        "more_news": f"/api/v3/articles/{middle.pk}/more/",
        "api_article": f"/api/v3/articles/{middle.pk}/",
        "api_listing": "/api/v3/articles/?locale=lt",
        "api_listing_last": f"/api/v3/articles/?locale=lt&cursor={cursor}",
        "search": "/lt/paieska/?q=mokykla",
    }


def reader_mix(articles_per_language=200):
    """Paths of the edge cache's traffic mix (bench/run): readers of both languages on home
    pages, index pages, many articles, feeds, the API and search."""
    from wagtail.models import Locale

    from news.models import ArticlePage, NewsIndexPage

    paths = []
    for locale in Locale.objects.filter(language_code__in=["lt", "en"]):
        index = NewsIndexPage.objects.filter(locale=locale).order_by("path").first()
        articles = ArticlePage.objects.child_of(index).published_in(locale)
        ids = list(articles.values_list("pk", flat=True))
        ids = ids[:: max(1, len(ids) // articles_per_language)][:articles_per_language]
        picked = list(articles.filter(pk__in=ids))
        index_url = index.get_url()
        paths += [index.get_parent().get_url(), index_url, f"/{locale.language_code}/rss.xml"]
        paths += [f"{index_url}?page={n}" for n in range(2, 6)]
        paths += [article.get_url() for article in picked]
        paths += [f"/api/v3/articles/{article.pk}/" for article in picked[::4]]
        paths += [f"/api/v3/articles/{article.pk}/more/" for article in picked[::8]]
        paths.append(f"/api/v3/articles/?locale={locale.language_code}")
    paths += ["/lt/paieska/?q=mokykla", "/en/search/?q=school"]
    return paths


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("urls", nargs="*")
    parser.add_argument("--repeat", type=int, default=40)
    parser.add_argument("--discover", action="store_true", help="print the URLs to measure")
    parser.add_argument("--mix", action="store_true", help="print the edge cache's mix")
    args = parser.parse_args()
    if args.discover:
        print(json.dumps(discover()))
        return
    if args.mix:
        print(json.dumps(reader_mix()))
        return
    client = Client(HTTP_HOST="localhost")
    print(json.dumps([measure(client, url, args.repeat) for url in args.urls]))


if __name__ == "__main__":
    main()
