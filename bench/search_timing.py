"""Site search with few and with many matches: the whole search page (the count and the
first page of ranked results) through Django's test client, on two PostgreSQL databases,
such as those bench/run builds (`generate_articles` makes a fifth of the Lithuanian
articles match "mokykla": some 200 of 1,000 per language, 20,000 of 100,000).

    bench/search_timing.py kaunas_bench_1000 kaunas_bench_100000

Prints JSON: for each database the query's matches, the page's SQL queries and median ms,
and the median ms of the search alone (the count and the first page's articles, as the
page runs them, without the template); `--repeat` requests a round, `--rounds` rounds
alternating between the databases. `ratio` and `search_ratio`: the second database's
medians against the first's.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.paginator import Paginator  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import translation  # noqa: E402
from wagtail.models import Locale, PageQuerySet  # noqa: E402

from bench.servers import PG, PYTHON, log  # noqa: E402
from news.models import ArticlePage  # noqa: E402
from news.search.backend import search_backend  # noqa: E402
from news.search.views import search_articles  # noqa: E402


def measure(query, language, repeat):
    """On the database of DATABASE_URL: the query's matches and the search page's cost."""
    # Every match, counted as Wagtail's search counts them: what the page no longer does.
    articles = ArticlePage.objects.live().filter(locale=Locale.objects.get(language_code=language))
    matches = search_backend(language).search(
        query, PageQuerySet.public(articles), operator="and", order_by_relevance=False
    )
    with translation.override(language):
        url = f"{reverse('search')}?q={query}"
    client = Client(HTTP_HOST="localhost")
    for _ in range(3):  # warm: the site's own caches, the database's buffers
        response = client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    queries = len(captured)  # now: every request start clears the query log
    page_times, search_times = [], []
    for _ in range(repeat):
        started = time.perf_counter()
        client.get(url)
        page_times.append((time.perf_counter() - started) * 1000)
        # The search alone, as the page runs it: the count and the first page's articles.
        started = time.perf_counter()
        results = search_articles(query, language, ArticlePage.objects.for_listing())
        list(Paginator(results, settings.NEWS_PAGE_SIZE).page(1))
        search_times.append((time.perf_counter() - started) * 1000)
    return {
        "url": url,
        "status": response.status_code,
        "matches": matches.count(),
        "queries": queries,
        "times_ms": [round(t, 3) for t in page_times],
        "search_times_ms": [round(t, 3) for t in search_times],
    }


def measure_on(database, args):
    env = {
        **os.environ,
        "DATABASE_URL": f"{PG}/{database}",
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DATABASE_CONN_MAX_AGE": "600",
    }
    command = [PYTHON, __file__, "--measure", f"--query={args.query}"]
    command += [f"--language={args.language}", f"--repeat={args.repeat}"]
    out = subprocess.run(command, check=True, cwd=ROOT, env=env, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("databases", nargs="*", help="few matches, then many")
    parser.add_argument("--query", default="mokykla")
    parser.add_argument("--language", default="lt")
    parser.add_argument("--repeat", type=int, default=15, help="requests a round")
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--measure", action="store_true", help="(internal) one database")
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.query, args.language, args.repeat)))
        return
    if len(args.databases) != 2:
        parser.error("name two databases: the one with few matches, then the one with many")

    rounds = {database: [] for database in args.databases}
    for number in range(args.rounds):
        for database in args.databases:
            log(f"search on {database}, round {number + 1}/{args.rounds}")
            rounds[database].append(measure_on(database, args))
    figures = []
    for database, measured in rounds.items():
        page = statistics.median(t for one in measured for t in one["times_ms"])
        search = statistics.median(t for one in measured for t in one["search_times_ms"])
        first = measured[0]
        figures.append(
            {
                "database": database,
                **{key: first[key] for key in ("url", "status", "matches", "queries")},
                "median_ms": round(page, 1),
                "search_median_ms": round(search, 1),
            }
        )
    few, many = figures
    print(
        json.dumps(
            {
                "query": args.query,
                "few": few,
                "many": many,
                "ratio": round(many["median_ms"] / few["median_ms"], 2),
                "search_ratio": round(many["search_median_ms"] / few["search_median_ms"], 2),
            }
        )
    )


if __name__ == "__main__":
    main()
