"""Site search at scale: a query's first page of results, ranked every match against ranked
among the newest that can be shown (news/search/ranking.py), on the database of
DATABASE_URL (bench/run builds them; `generate_articles` makes a fifth of the Lithuanian
articles match "mokykla").

Prints JSON: {"query": ..., "matches": n, "rank_all_ms": ..., "newest_ranked_ms": ...}, the
medians of `--repeat` searches each, taken in alternation.
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

from django.conf import settings  # noqa: E402
from wagtail.models import Locale, PageQuerySet  # noqa: E402
from wagtail.search.backends import get_search_backend  # noqa: E402

from news.models import ArticlePage  # noqa: E402
from news.search.backend import config_for_language  # noqa: E402
from news.search.ranking import NewestMatchesRanked  # noqa: E402
from news.search.views import MAX_SEARCH_PAGES  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--query", default="mokykla")
    parser.add_argument("--language", default="lt")
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()

    config = config_for_language(args.language)
    backend = get_search_backend(**({"SEARCH_CONFIG": config} if config else {}))
    locale = Locale.objects.get(language_code=args.language)
    queryset = PageQuerySet.public(ArticlePage.objects.for_listing().live().filter(locale=locale))
    size = settings.NEWS_PAGE_SIZE

    def rank_all():
        return list(backend.search(args.query, queryset, operator="and")[:size])

    def newest_ranked():
        # The count is cached as the search page caches it (until the next publish).
        ranked = NewestMatchesRanked(
            backend, args.query, queryset, MAX_SEARCH_PAGES * size, count_key="bench-search"
        )
        return list(ranked[:size])

    timings = {rank_all: [], newest_ranked: []}
    for search in timings:
        search()  # warm
    for _ in range(args.repeat):
        for search, times in timings.items():
            started = time.perf_counter()
            search()
            times.append((time.perf_counter() - started) * 1000)
    matches = backend.search(args.query, queryset, operator="and").count()
    print(
        json.dumps(
            {
                "query": args.query,
                "matches": matches,
                "rank_all_ms": round(statistics.median(timings[rank_all]), 1),
                "newest_ranked_ms": round(statistics.median(timings[newest_ranked]), 1),
            }
        )
    )


if __name__ == "__main__":
    main()
