"""Real servers on loopback for the edge cache tests and the benchmark: varnishd with
deploy/varnish/default.vcl pointed at a backend port."""

import json
import os
import shutil
import socket
import subprocess
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

VCL = Path(__file__).resolve().parents[2] / "deploy" / "varnish" / "default.vcl"


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
