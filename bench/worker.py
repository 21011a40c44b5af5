"""The background worker beside the benchmark's servers: with the production settings,
purges and Wagtail's tasks are queued (README, "Running in production"), so publishing
becomes visible through the edge cache only once a worker has run the purge."""

import signal
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


@contextmanager
def db_worker(env):
    """`manage.py db_worker` with ``env`` (the site's), polling every 50 ms; stopped after."""
    process = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--interval", "0.05"]
        + ["--no-startup-delay", "--no-reload", "--queue-name", "*", "-v", "0"],
        cwd=ROOT,
        env=env,
    )
    try:
        yield process
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
