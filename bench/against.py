"""`bench/run --against REV`: the pages served by this checkout and by another commit, side
by side, through gunicorn on the same database, taken in alternation so that both see the
same load (this machine's load changes from minute to minute; a ratio of two runs taken
minutes apart says little).

Three servers, each with the benchmark's settings and workers, on the same database and
Redis (each with its own key prefix): REV (a detached worktree of it, with its UI
translations compiled), this checkout as it runs in production, and this checkout with
``NEWS_RESPONSE_CACHE=false``: every request rendered, so that what rendering itself gained
is shown apart from what the kept responses (news/caching/responses.py) gained. Each round
runs wrk once on every page of every server, in an order that turns round each time.
"""

import statistics
import subprocess
import tempfile
from contextlib import ExitStack, contextmanager
from pathlib import Path

from bench.servers import PYTHON, ROOT, fetch, gunicorn, log, run, wrk


@contextmanager
def checkout(rev):
    """A detached worktree of ``rev``, removed afterwards."""
    path = Path(tempfile.mkdtemp(prefix="bench-against-"))
    run(["git", "worktree", "add", "--detach", "--force", str(path), rev], capture_output=True)
    try:
        run(
            [PYTHON, "manage.py", "compile_translations"],
            cwd=path,
            env={"PYTHONPATH": str(path), "DJANGO_SETTINGS_MODULE": "cms.settings.dev"},
            stdout=subprocess.DEVNULL,
        )
        yield path
    finally:
        run(["git", "worktree", "remove", "--force", str(path)], capture_output=True)


def servers(stack, database, rev, workers):
    """{name: port} of the three servers (see the module docstring), started in ``stack``."""
    other = stack.enter_context(checkout(rev))
    media = {"MEDIA_ROOT": str(ROOT / "media")}  # the database's images, for every checkout
    plans = {
        rev: (other, {}),
        "this": (ROOT, {}),
        "this, rendering": (ROOT, {"NEWS_RESPONSE_CACHE": "false"}),
    }
    ports = {}
    for number, (name, (root, env)) in enumerate(plans.items()):
        env = {**media, **env, "CACHE_KEY_PREFIX": f"bench-against-{number}"}
        port, server = gunicorn(database, workers, root=root, env=env)
        stack.enter_context(server)
        ports[name] = port
    return ports


def compare(database, urls, rev, args):
    """Median req/s of every page on each server over ``args.against_rounds`` rounds, and the
    ratio of each of this checkout's servers to REV's."""
    with ExitStack() as stack:
        ports = servers(stack, database, rev, args.workers)
        for port in ports.values():
            for path in urls.values():
                status, _body, _headers = fetch(port, path)
                if status != 200:
                    raise RuntimeError(f"{path} answered {status} on port {port}")
        rates = {key: {name: [] for name in ports} for key in urls}
        order = list(ports.items())
        for number in range(args.against_rounds):
            log(f"against {rev}: round {number + 1}/{args.against_rounds}")
            for key, path in urls.items():
                for name, port in order:
                    figures = wrk(port, path, args.duration, args.connections, args.threads)
                    rates[key][name].append(figures["rps"])
            order.reverse()
    result = {"rev": rev, "servers": list(ports), "rounds": args.against_rounds, "pages": {}}
    for key, by_server in rates.items():
        medians = {name: statistics.median(values) for name, values in by_server.items()}
        result["pages"][key] = {
            "rps": {name: round(value, 1) for name, value in medians.items()},
            "runs": by_server,
            "ratio": {
                name: round(value / medians[rev], 2)
                for name, value in medians.items()
                if name != rev
            },
        }
    return result
