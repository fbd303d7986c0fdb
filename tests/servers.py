"""Real gunicorn processes for tests that need a fresh process with settings of its own
(another DATABASE_URL or REDIS_URL), and raw HTTP to them: any Host header, no redirects
followed."""

from __future__ import annotations

import contextlib
import http.client
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# What the parent test run's environment must not pass on to the server under test.
_OWN = {"DATABASE_URL", "REDIS_URL", "SECRET_KEY", "DEBUG", "TESTING", "ALLOWED_HOSTS"}


@dataclass(frozen=True)
class Answer:
    status: int
    headers: dict[str, str]
    body: str
    seconds: float


@dataclass
class Server:
    process: subprocess.Popen
    port: int

    def get(self, path: str, *, host: str = "127.0.0.1", timeout: float = 20) -> Answer:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        started = time.monotonic()
        try:
            conn.request("GET", path, headers={"Host": host})
            response = conn.getresponse()
            body = response.read().decode()
        finally:
            conn.close()
        headers = {name.lower(): value for name, value in response.getheaders()}
        return Answer(response.status, headers, body, time.monotonic() - started)

    def workers(self) -> set[int]:
        """The pids of the master's worker processes."""
        pids = set()
        for stat in Path("/proc").glob("[0-9]*/stat"):
            with contextlib.suppress(OSError):
                # "pid (name) state ppid ...": the name may hold spaces, so split after it.
                if int(stat.read_text().rpartition(")")[2].split()[1]) == self.process.pid:
                    pids.add(int(stat.parent.name))
        return pids


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def silent_listener() -> Iterator[int]:
    """A port that takes TCP connections and never says a word: a hung database or cache.
    The kernel completes the handshake for the backlog; nothing ever reads or answers."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(64)
        yield sock.getsockname()[1]


def closed_port() -> int:
    """A port nothing listens on (connections are refused)."""
    return free_port()


@contextlib.contextmanager
def gunicorn(tmp_path: Path, **env: str) -> Iterator[Server]:
    """One gunicorn worker serving the site with production settings (DEBUG off) and `env`
    on top; SQLite in tmp_path unless DATABASE_URL is given."""
    port = free_port()
    environ = {key: value for key, value in os.environ.items() if key not in _OWN}
    environ.update(
        SECRET_KEY="test-only-not-secret",
        DEBUG="0",
        TESTING="1",  # plain HTTP, static files without a manifest
        ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
    )
    environ.update(env)
    log = open(tmp_path / f"gunicorn-{port}.log", "w+")  # noqa: SIM115 (closed below)
    command = [sys.executable, "-m", "gunicorn", "portfolio.wsgi"]
    command += [f"--bind=127.0.0.1:{port}", "--workers=1", "--graceful-timeout=2"]
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        env=environ,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        _wait_for_port(process, port, log)
        server = Server(process, port)
        # The worker loads Django on its first request: load it on one that needs no
        # database, so the tests time only what they are about.
        assert server.get("/robots.txt", timeout=60).status == 200
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def _wait_for_port(process: subprocess.Popen, port: int, log) -> None:
    deadline = time.monotonic() + 60  # a generous start-up on a busy machine
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log.seek(0)
            raise RuntimeError(f"gunicorn exited with {process.returncode}:\n{log.read()}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 1):
            return
        time.sleep(0.2)
    raise RuntimeError("gunicorn did not start listening within 60 s")
