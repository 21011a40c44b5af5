"""The benchmark behind bench/run (README, "Performance").

For each size (articles per language) it builds a PostgreSQL database (migrate + load_demo,
once, as a template; then `generate_articles --count N`), and for every measured URL:

- SQL queries and median/p95 server time through Django's test client (bench/client_timing.py);
- req/s and p50/p99 latency from wrk against gunicorn on loopback (no edge cache), and
  through Varnish (deploy/varnish/default.vcl) in front of that gunicorn;
- the same article's HTML served as a static file by nginx under the same load: every wrk
  figure is also given as a ratio to it;
- through Varnish, a mix of reader traffic over some 570 URLs of both languages while an
  editor publishes: the cache hit ratio, and how soon each publish is visible through the
  cache (bench/client_timing.py --mix, bench/publish_timing.py);
- submitting and syncing 1,000 new articles for translation, on a scratch copy of the
  database (bench/translation_timing.py);
- the admin's views for editors and translators: page editor, explorer, publish, translation
  editor, Translations report (bench/editor_timing.py);
- with `--against REV`, every page's req/s through gunicorn beside another commit's, taken
  in alternation (bench/against.py), and the editors' views' times (bench/editors_against.py).

Results: bench/results/<UTC time>.json and bench/results/latest.json; the table on stdout
(bench/results/latest.md).
"""

import argparse
import datetime
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.against import compare  # noqa: E402
from bench.editors_against import compare_editors  # noqa: E402
from bench.report import against_table, growth, table  # noqa: E402
from bench.servers import (  # noqa: E402
    PG,
    PYTHON,
    REDIS,
    bench_script,
    fetch,
    gunicorn,
    log,
    nginx_static,
    run,
    wrk,
)
from bench.worker import db_worker  # noqa: E402
from tests.caching.edge import varnish  # noqa: E402

RESULTS = ROOT / "bench" / "results"
MIX_SCRIPT = ROOT / "bench" / "load" / "mixed.lua"
# In the reader mix, the readers' load generator and Varnish share the first CPU, as an edge
# cache host would, and leave the other CPUs to the site: saturated by readers on every CPU,
# this small machine would delay the editor's publish, which the mix times, by seconds.
EDGE_HOST = ("taskset", "-c", "0")
# varnishstat counters of cache lookups: hits, and the rest (misses, passes)
LOOKUPS = ("cache_hit", "cache_miss", "cache_hitpass", "cache_hitmiss", "s_pass")


def psql(database, sql):
    out = run(["psql", f"{PG}/{database}", "-Atqc", sql], capture_output=True, text=True).stdout
    return out.strip()


def database_exists(name):
    return psql("postgres", f"SELECT 1 FROM pg_database WHERE datname = '{name}'") == "1"


def manage(database, *args):
    env = {"DATABASE_URL": f"{PG}/{database}", "DJANGO_SETTINGS_MODULE": "bench.settings"}
    run([PYTHON, "manage.py", *args], env=env, stdout=subprocess.DEVNULL)


def build_database(size, rebuild):
    """kaunas_bench_<size>: the demo site plus `size` generated articles per language."""
    base, name = "kaunas_bench_base", f"kaunas_bench_{size}"
    if rebuild or not database_exists(base):
        log("building the template database (migrate, load_demo)")
        psql("postgres", f"DROP DATABASE IF EXISTS {base}")
        psql("postgres", f"CREATE DATABASE {base}")
        manage(base, "migrate", "-v0")
        manage(base, "load_demo", "-v0")
    if not rebuild and database_exists(name):
        log(f"reusing {name}")
        manage(name, "migrate", "-v0")
        manage(name, "refresh_translation_statuses")
    else:
        psql("postgres", f"DROP DATABASE IF EXISTS {name}")
        psql("postgres", f"CREATE DATABASE {name} TEMPLATE {base}")
        manage(name, "migrate", "-v0")  # migrations newer than the template
        started = time.monotonic()
        manage(name, "generate_articles", "--count", str(size), "-v0")
        log(f"generated {size} articles per language in {time.monotonic() - started:.0f}s")
        psql(name, "VACUUM ANALYZE")
        # As an operator would after a bulk import: the first status filter does not wait for
        # it. After ANALYZE: planned on the empty tables' statistics, it took 20 times as long.
        started = time.monotonic()
        manage(name, "refresh_translation_statuses")
        log(f"computed the kept translation statuses in {time.monotonic() - started:.0f}s")
    # What autovacuum does within a minute in production (off on some benchmark machines):
    # the refresh deleted a note for every article, which each later check for notes read
    # past (20 ms a request at 100,000), and index-only scans need the visibility map.
    psql(name, "VACUUM ANALYZE")
    return name


def discover_urls(database):
    """The URLs to measure: an article in the middle of the Lithuanian news, the last page."""
    return bench_script(database, "client_timing.py", "--discover")


def client_timings(database, urls):
    # What rendering costs: responses kept until the next publish would answer from the cache.
    env = {"DATABASE_CONN_MAX_AGE": "600", "REDIS_URL": "", "NEWS_RESPONSE_CACHE": "false"}
    timings = bench_script(database, "client_timing.py", "--repeat", "20", *urls.values(), env=env)
    return dict(zip(urls, timings, strict=True))


def translation_timings(database, count):
    """Submit and sync `count` new articles on a scratch copy of `database`."""
    scratch = f"{database}_translation"
    psql("postgres", f"DROP DATABASE IF EXISTS {scratch}")
    psql("postgres", f"CREATE DATABASE {scratch} TEMPLATE {database}")
    try:
        # Redis, as production: the listing version each publish changes is not a SQL query.
        env = {"REDIS_URL": REDIS}
        return bench_script(scratch, "translation_timing.py", "--count", str(count), env=env)
    finally:
        psql("postgres", f"DROP DATABASE IF EXISTS {scratch}")


def merge_timings(rounds):
    """One figure per URL from several rounds: every round's times together."""
    merged = {}
    for key in rounds[0]:
        times = sorted(t for timing in rounds for t in timing[key]["times_ms"])
        merged[key] = {
            **{k: v for k, v in rounds[0][key].items() if k != "times_ms"},
            "median_ms": round(statistics.median(times), 2),
            "p95_ms": round(times[min(len(times) - 1, int(len(times) * 0.95))], 2),
            "samples": len(times),
        }
    return merged


def client_rounds(databases, urls_by_size, rounds):
    """Test client timings of every size in alternating rounds, so that each size sees the
    same load on a machine whose load changes (the sizes are compared with each other)."""
    collected = {size: [] for size in databases}
    for number in range(rounds):
        for size, database in databases.items():
            log(f"{size}: test client, round {number + 1}/{rounds}")
            collected[size].append(client_timings(database, urls_by_size[size]))
    return {size: merge_timings(timings) for size, timings in collected.items()}


def add_editor_timings(results, databases, rounds):
    """The admin's views for editors and translators (bench/editor_timing.py) at every size,
    in alternating rounds as client_rounds() takes them, added to each result as "editors".
    Publishing adds a revision of the demo article to the database at each request."""
    env = {"DATABASE_CONN_MAX_AGE": "600", "REDIS_URL": "", "NEWS_RESPONSE_CACHE": "false"}
    collected = {size: [] for size in databases}
    for number in range(rounds):
        for size, database in databases.items():
            log(f"{size}: editors and translators, round {number + 1}/{rounds}")
            collected[size].append(
                bench_script(database, "editor_timing.py", "--repeat", "10", env=env)
            )
    for result in results:
        rounds_of_size = collected[result["size"]]
        result["editors"] = merge_timings(rounds_of_size)
        for key, figures in result["editors"].items():
            cpu = [timing[key]["cpu_median_ms"] for timing in rounds_of_size]
            figures["cpu_median_ms"] = round(statistics.median(cpu), 2)


def reader_mix(backend_port, database, article_id, args):
    """Readers and an editor at once, through Varnish: wrk over the reader mix (each URL
    fetched once before, as a warm cache would hold it) while the editor publishes changes
    to an article (bench/publish_timing.py), which purges the pages that show it. Varnish and
    wrk run on the first CPU (`EDGE_HOST`).

    Returns the readers' rate, the cache hit ratio over the run (purged pages miss again)
    and, per publish, how soon it was visible through the cache.
    """
    paths = bench_script(database, "client_timing.py", "--mix")
    with varnish(backend_port, memory="256m", prefix=EDGE_HOST) as edge:
        for path in paths:
            fetch(edge.port, path)
        return mix_through(edge, paths, database, article_id, args)


def mix_through(edge, paths, database, article_id, args):
    env = {
        **os.environ,
        "DATABASE_URL": f"{PG}/{database}",
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "REDIS_URL": REDIS,
        "FRONTEND_CACHE_URLS": f"http://127.0.0.1:{edge.port}",
    }
    rounds = 5
    pause = args.mix_duration / (rounds + 1)  # the publishes fall within the readers' run
    # The purges of the publishes are queued: a worker runs them (bench/worker.py).
    with tempfile.NamedTemporaryFile("w", suffix=".paths") as listing, db_worker(env):
        listing.write("\n".join(paths) + "\n")
        listing.flush()
        before = edge.counters(*LOOKUPS)
        editor = subprocess.Popen(
            [
                PYTHON,
                "bench/publish_timing.py",
                f"--edge-port={edge.port}",
                f"--article={article_id}",
                f"--rounds={rounds}",
                f"--pause={pause:.2f}",
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            text=True,
        )
        if editor.stdout.readline().strip() != "ready":
            raise RuntimeError("bench/publish_timing.py did not start")
        figures = wrk(
            edge.port,
            "/",
            args.mix_duration,
            args.connections,
            args.threads,
            script=MIX_SCRIPT,
            env={"LOAD_PATHS": listing.name},
            prefix=EDGE_HOST,
        )
        out, _err = editor.communicate(timeout=120)
        if editor.returncode:
            raise RuntimeError("bench/publish_timing.py failed")
        time.sleep(1)  # varnishd's threads publish their counters when idle
        after = edge.counters(*LOOKUPS)
    seen = {name: after[name] - before[name] for name in LOOKUPS}
    lookups = sum(seen.values())
    return {
        **figures,
        "urls": len(paths),
        "counters": seen,
        "hit_ratio": round(seen["cache_hit"] / lookups, 5) if lookups else None,
        "publishes": json.loads(out.strip().splitlines()[-1]),
    }


def bench_size(size, args, database, urls, client):
    run(["redis-cli", "-u", REDIS, "flushdb"], stdout=subprocess.DEVNULL)
    load = {}
    with ExitStack() as stack:
        port, server = gunicorn(database, args.workers)
        stack.enter_context(server)
        for path in urls.values():
            status, _body, _headers = fetch(port, path)
            if status != 200:
                raise RuntimeError(f"{path} answered {status}")
        _status, article_html, _headers = fetch(port, urls["article"])
        edge = stack.enter_context(varnish(port, memory="256m"))
        edge_port = edge.port
        static_port = stack.enter_context(nginx_static(article_html))
        # The baseline before and after the rest: the machine's load may change meanwhile.
        static_runs = [
            wrk(static_port, "/article.html", args.duration, args.connections, args.threads)
        ]
        for key, path in urls.items():
            log(f"{size}: wrk {key}")
            fetch(edge_port, path)
            load[key] = {
                "gunicorn": wrk(port, path, args.duration, args.connections, args.threads),
                "varnish": wrk(edge_port, path, args.duration, args.connections, args.threads),
            }
            _s, _b, headers = fetch(edge_port, path)
            load[key]["varnish"]["x_cache"] = headers.get("X-Cache")
        static_runs.append(
            wrk(static_port, "/article.html", args.duration, args.connections, args.threads)
        )
        log(f"{size}: readers and an editor through the edge cache")
        article_id = re.search(r"/articles/(\d+)/", urls["api_article"]).group(1)
        mix = reader_mix(port, database, article_id, args)
    static = {
        name: round(sum(run[name] for run in static_runs) / len(static_runs), 3)
        for name in ("rps", "p50_ms", "p99_ms")
    }
    static["runs"] = static_runs
    for figures in load.values():
        for target in ("gunicorn", "varnish"):
            rps = figures[target]["rps"]
            figures[target]["rps_ratio_to_static"] = round(rps / static["rps"], 4)
            figures[target]["p50_ratio_to_static"] = round(
                figures[target]["p50_ms"] / static["p50_ms"], 2
            )
    log(f"{size}: submitting and syncing {args.translations} articles for translation")
    translation = translation_timings(database, args.translations)
    against = against_editors = None
    if args.against:
        against = compare(database, urls, args.against, args)
        against_editors = compare_editors(database, args.against, args.against_rounds)
    return {
        "size": size,
        "urls": urls,
        "client": client,
        "load": load,
        "static": static,
        "edge_mix": mix,
        "translation": translation,
        "against": against,
        "against_editors": against_editors,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000", help="articles per language")
    parser.add_argument("--with-100k", action="store_true", help="also 100,000")
    parser.add_argument("--rebuild", action="store_true", help="rebuild the databases")
    parser.add_argument("--duration", type=int, default=5, help="seconds of wrk per figure")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=4, help="test client rounds per size")
    parser.add_argument("--workers", type=int, default=(os.cpu_count() or 1) * 2 + 1)
    parser.add_argument("--mix-duration", type=int, default=20, help="seconds of reader mix")
    parser.add_argument(
        "--translations", type=int, default=1000, help="articles submitted for translation"
    )
    parser.add_argument(
        "--against", metavar="REV", help="also serve every page and editor view from commit REV"
    )
    parser.add_argument("--against-rounds", type=int, default=3, help="rounds of --against")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",") if size]
    if args.with_100k and 100_000 not in sizes:
        sizes.append(100_000)
    for tool in ("psql", "wrk", "nginx", "varnishd", "redis-cli"):
        if not (shutil.which(tool) or Path(f"/usr/sbin/{tool}").exists()):
            sys.exit(f"bench needs {tool} (apt-get install postgresql-client wrk nginx varnish)")

    databases = {size: build_database(size, args.rebuild) for size in sizes}
    urls = {size: discover_urls(database) for size, database in databases.items()}
    clients = client_rounds(databases, urls, args.rounds)
    results = [bench_size(size, args, databases[size], urls[size], clients[size]) for size in sizes]
    add_editor_timings(results, databases, args.rounds)
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    meta = {
        "time": stamp,
        "cpus": os.cpu_count(),
        "gunicorn_workers": args.workers,
        "wrk": {
            "duration_s": args.duration,
            "connections": args.connections,
            "threads": args.threads,
        },
    }
    payload = {"meta": meta, "results": results}
    RESULTS.mkdir(exist_ok=True)
    for name in (f"{stamp}.json", "latest.json"):
        (RESULTS / name).write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
    text = table(results) + "\n" + growth(results) + against_table(results)
    (RESULTS / "latest.md").write_text(text.strip() + "\n")
    print(text)


if __name__ == "__main__":
    main()
