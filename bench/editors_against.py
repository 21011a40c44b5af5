"""`bench/run --against REV`, the admin's side: the editors' and translators' views
(bench/editor_timing.py) timed on this checkout and on another commit, on the same database,
in alternation so that both see the same load.

Both run this checkout's bench/editor_timing.py through Django's test client, REV's copy of
it in REV's worktree (bench/against.py's ``checkout``), so that it imports REV's code and
settings. Both with the benchmark's Redis, each under its own key prefix, and this
checkout's media. Each round runs editor_timing once per checkout, in an order that turns
round each time; a view's figure is the median of the rounds' medians.

REV runs on a database migrated by this checkout: a view that fails there (publishing, which
writes, is the likeliest) is reported with its error, and the other views are compared.

On its own, on an existing benchmark database:

    .venv/bin/python bench/editors_against.py --database kaunas_bench_1000 --against REV
"""

import argparse
import json
import shutil
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.against import checkout  # noqa: E402
from bench.report import editors_against_table  # noqa: E402
from bench.servers import REDIS, bench_script, log  # noqa: E402

REPEAT = 10  # timed requests of each view per round and checkout
SCRIPT = Path("bench") / "editor_timing.py"


def compare_editors(database, rev, rounds, views=()):
    """Each editor view's median ms on REV and on this checkout over ``rounds`` alternating
    rounds, its SQL queries, and the ratio of REV's time to this checkout's (2.0: this
    checkout takes half the time). ``views``: only these (editor_timing's names)."""
    with checkout(rev) as other:
        shutil.copy(ROOT / SCRIPT, other / SCRIPT)
        roots = {rev: other, "this": ROOT}
        envs = {
            name: {
                "DATABASE_CONN_MAX_AGE": "600",
                "REDIS_URL": REDIS,
                "CACHE_KEY_PREFIX": f"bench-against-editors-{number}",
                "MEDIA_ROOT": str(ROOT / "media"),  # the database's images, for every checkout
            }
            for number, name in enumerate(roots)
        }
        collected = {name: [] for name in roots}
        order = list(roots)
        for number in range(rounds):
            log(f"against {rev}: editors and translators, round {number + 1}/{rounds}")
            for name in order:
                options = ("--repeat", str(REPEAT), "--keep-going", *views)
                collected[name].append(
                    bench_script(database, SCRIPT.name, *options, env=envs[name], root=roots[name])
                )
            order.reverse()
    return {
        "rev": rev,
        "checkouts": list(roots),
        "rounds": rounds,
        "repeat": REPEAT,
        "views": {key: summary(key, rev, collected) for key in collected["this"][0]},
    }


def summary(key, rev, collected):
    """One view's figures on each checkout (or the error it failed with there)."""
    view = {"median_ms": {}, "cpu_median_ms": {}, "queries": {}, "runs_ms": {}, "errors": {}}
    for name, timings in collected.items():
        errors = [timing[key]["error"] for timing in timings if "error" in timing[key]]
        if errors:
            view["errors"][name] = errors[0]
            continue
        view["runs_ms"][name] = [timing[key]["median_ms"] for timing in timings]
        view["median_ms"][name] = round(statistics.median(view["runs_ms"][name]), 2)
        # The Django process's own CPU time: steadier than the wall time on a shared machine.
        view["cpu_median_ms"][name] = round(
            statistics.median(timing[key]["cpu_median_ms"] for timing in timings), 2
        )
        view["queries"][name] = statistics.median_low(timing[key]["queries"] for timing in timings)
    if not view["errors"]:
        view["ratio"] = round(view["median_ms"][rev] / view["median_ms"]["this"], 2)
        view["cpu_ratio"] = round(view["cpu_median_ms"][rev] / view["cpu_median_ms"]["this"], 2)
    return view


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--database", required=True, help="a benchmark database migrated by this checkout"
    )
    parser.add_argument("--against", required=True, metavar="REV", help="the commit to compare")
    parser.add_argument("--against-rounds", type=int, default=3, help="alternating rounds")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("views", nargs="*", help="only these views (default: all)")
    args = parser.parse_args()
    comparison = compare_editors(args.database, args.against, args.against_rounds, args.views)
    if args.json:
        args.json.write_text(json.dumps(comparison, indent=2) + "\n")
    print(editors_against_table(comparison))


if __name__ == "__main__":
    main()
