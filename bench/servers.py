"""The processes the benchmark measures and loads: gunicorn, nginx, wrk, and its own scripts
(bench/bench.py)."""

import datetime
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from tests.caching.edge import free_port, wait_for_port

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python") if (ROOT / ".venv").exists() else sys.executable
PG = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
REDIS = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/7")
NGINX_TEMPLATE = ROOT / "deploy" / "nginx" / "bench-static.conf"
HOST = "localhost"  # the demo Site's hostname (DEMO_SITE_ADDRESS in bench/settings.py)


def log(message):
    print(f"[bench {datetime.datetime.now():%H:%M:%S}] {message}", file=sys.stderr, flush=True)


def run(command, env=None, cwd=ROOT, **kwargs):
    return subprocess.run(command, check=True, cwd=cwd, env={**os.environ, **(env or {})}, **kwargs)


def bench_script(database, script, *args, env=None, root=ROOT):
    """Run one of bench/*.py on a database; returns the JSON it prints last. ``root``: the
    checkout it runs from, whose code it imports (another commit's worktree:
    bench/editors_against.py)."""
    env = {
        "DATABASE_URL": f"{PG}/{database}",
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        **(env or {}),
    }
    # Its errors go to the log: a failed step says why.
    out = run(
        [PYTHON, f"bench/{script}", *args], env=env, cwd=root, stdout=subprocess.PIPE, text=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


@contextmanager
def process(command, port, env=None, cwd=ROOT):
    proc = subprocess.Popen(
        command,
        cwd=cwd,
        env={**os.environ, **(env or {})},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        try:
            wait_for_port(port, timeout=30)
        except RuntimeError:
            proc.kill()
            raise RuntimeError(
                f"{command[0]} did not start: {proc.communicate()[1].decode()[-2000:]}"
            ) from None
        yield proc
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def gunicorn(database, workers, root=ROOT, env=None):
    """gunicorn serving the checkout at ``root`` (this one, or another commit's worktree:
    bench/against.py) on a free port, with the benchmark's settings and ``env``."""
    port = free_port()
    env = {
        "PYTHONPATH": str(root),
        "DATABASE_URL": f"{PG}/{database}",
        "DATABASE_CONN_MAX_AGE": "600",
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "REDIS_URL": REDIS,
        "FRONTEND_CACHE_URLS": "",
        "FRONTEND_CACHE_URL": "",
        **(env or {}),
    }
    command = [
        str(Path(PYTHON).parent / "gunicorn"),
        "cms.wsgi:application",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--access-logfile",
        "/dev/null",
        "--error-logfile",
        "-",
        "--log-level",
        "error",
    ]
    return port, process(command, port, env, cwd=root)


@contextmanager
def nginx_static(html):
    """nginx serving `html` at /article.html on a free port (deploy/nginx/bench-static.conf)."""
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="nginx-bench-") as prefix:
        www = Path(prefix) / "www"
        www.mkdir()
        (www / "article.html").write_bytes(html)
        (Path(prefix) / "logs").mkdir()
        conf = Path(prefix) / "nginx.conf"
        conf.write_text(
            NGINX_TEMPLATE.read_text()
            .replace("@PORT@", str(port))
            .replace("@ROOT@", str(www))
            .replace("@PREFIX@", prefix)
        )
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        with process([nginx, "-p", prefix, "-c", str(conf)], port):
            yield port


def fetch(port, path):
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers={"Host": HOST})
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
        return response.status, response.read(), dict(response.headers)


LATENCY = re.compile(r"^\s+(50|99)(?:\.000)?%\s+([\d.]+)(us|ms|s)\s*$", re.MULTILINE)
RATE = re.compile(r"^Requests/sec:\s+([\d.]+)", re.MULTILINE)
NON_2XX = re.compile(r"Non-2xx or 3xx responses:\s+(\d+)")
UNIT_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wrk(port, path, duration, connections, threads, script=None, env=None, prefix=()):
    out = run(
        [
            *prefix,
            shutil.which("wrk") or "/usr/bin/wrk",
            f"-t{threads}",
            f"-c{connections}",
            f"-d{duration}s",
            "--latency",
            "-H",
            f"Host: {HOST}",
            *(["--script", str(script)] if script else []),
            f"http://127.0.0.1:{port}{path}",
        ],
        env=env,
        capture_output=True,
        text=True,
    ).stdout
    latencies = {pct: float(value) * UNIT_MS[unit] for pct, value, unit in LATENCY.findall(out)}
    errors = NON_2XX.search(out)
    return {
        "rps": float(RATE.search(out).group(1)),
        "p50_ms": round(latencies.get("50", float("nan")), 3),
        "p99_ms": round(latencies.get("99", float("nan")), 3),
        "non_2xx": int(errors.group(1)) if errors else 0,
    }
