"""Real servers on loopback for the edge cache tests and the benchmark: varnishd with
deploy/varnish/default.vcl pointed at a backend port, and the site under gunicorn with the
production settings (its own database, set up by `set_up_site`)."""

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VCL = ROOT / "deploy" / "varnish" / "default.vcl"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port, timeout=15.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise RuntimeError(f"Nothing listens on 127.0.0.1:{port} after {timeout}s")


def vcl_for_backend(backend_port):
    text = VCL.read_text()
    return text.replace('.port = "8000";', f'.port = "{backend_port}";')


@dataclass
class Varnish:
    port: int
    name: str  # varnishd -n: where varnishstat finds this instance

    def counters(self, *names):
        """Current values of MAIN counters, e.g. counters("cache_hit", "cache_miss")."""
        varnishstat = shutil.which("varnishstat") or "/usr/bin/varnishstat"
        fields = [arg for name in names for arg in ("-f", f"MAIN.{name}")]
        out = subprocess.run(
            [varnishstat, "-n", self.name, "-1", "-j", *fields],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        stats = json.loads(out)
        stats = stats.get("counters", stats)
        return {name: stats[f"MAIN.{name}"]["value"] for name in names}


@contextmanager
def varnish(backend_port, memory="64m", parameters=(), prefix=()):
    """varnishd in the foreground on a free loopback port; yields a `Varnish`."""
    varnishd = shutil.which("varnishd") or "/usr/sbin/varnishd"
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="varnish-") as workdir:
        vcl = Path(workdir) / "default.vcl"
        vcl.write_text(vcl_for_backend(backend_port))
        os.chmod(workdir, 0o755)
        command = [
            *prefix,
            varnishd,
            "-F",
            "-f",
            str(vcl),
            "-a",
            f"127.0.0.1:{port}",
            "-n",
            str(Path(workdir) / "n"),
            "-s",
            f"malloc,{memory}",
            "-T",
            "none",
            "-p",
            "ban_lurker_sleep=0.01",
            *(arg for parameter in parameters for arg in ("-p", parameter)),
        ]
        if os.geteuid() == 0:
            command += ["-j", "none"]
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        try:
            try:
                wait_for_port(port)
            except RuntimeError:
                process.kill()
                output = process.communicate()[0].decode(errors="replace")
                raise RuntimeError(f"varnishd did not start:\n{output}") from None
            yield Varnish(port=port, name=str(Path(workdir) / "n"))
        finally:
            process.terminate()
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def production_environment(workdir, **variables):
    """cms.settings.production on loopback over plain HTTP, files under ``workdir``; nothing
    of the suite's own database, cache or purge targets leaks in."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if key
        not in (
            "REDIS_URL",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
            "DATABASE_URL",
            "FRONTEND_CACHE_URL",
            "FRONTEND_CACHE_URLS",
        )
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="false",
        STATIC_ROOT=str(Path(workdir) / "static"),
        MEDIA_ROOT=str(Path(workdir) / "media"),
        LOG_LEVEL="ERROR",
        **variables,
    )
    return environment


def manage(environment, *args):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        check=True,
        capture_output=True,
        text=True,
        timeout=600,
    ).stdout


def set_up_site(environment, script):
    """A deploy's steps and the demo content, then ``script`` (``manage.py shell -c``): the
    JSON its last line prints."""
    for command in (
        ["migrate", "-v0"],
        ["compile_translations"],
        ["load_demo", "-v0"],
        ["collectstatic", "--noinput", "-v0"],
    ):
        manage(environment, *command)
    return json.loads(manage(environment, "shell", "-c", script).strip().splitlines()[-1])


@contextmanager
def running(command, environment, port=None):
    """``command`` (run from the project) until the block ends; waits for ``port``."""
    process = subprocess.Popen(
        command, cwd=ROOT, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        if port:
            wait_for_port(port, timeout=60)
        yield process
    finally:
        process.terminate()
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def gunicorn(environment, workers, port):
    """The site under gunicorn (sync workers) on ``port``, as `running` it."""
    command = [sys.executable, "-m", "gunicorn", "cms.wsgi", "--bind", f"127.0.0.1:{port}"]
    command += ["--workers", str(workers), "--worker-class", "sync"]
    return running(command, environment, port)


# The background worker as its systemd unit runs it (deploy/systemd/), polling often.
DB_WORKER = [sys.executable, "manage.py", "db_worker", "--interval", "0.1"]
DB_WORKER += ["--no-startup-delay", "--no-reload", "--queue-name", "*"]


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirects)


def fetch(url, host=None, method="GET", json_body=None, token=None):
    """(status, headers, body) of one request, redirects and errors included."""
    headers = {"Host": host} if host else {}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    data = None
    if json_body is not None:
        data = json.dumps(json_body).encode()
        headers["Content-Type"] = "application/json"
    request = urllib.request.Request(url, data=data, method=method, headers=headers)
    try:
        with OPENER.open(request, timeout=60) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()
