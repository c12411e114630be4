"""Real processes for the fault tests: a Redis server, a web server, the embedded beat.

Each is started in its own process group (kill -9 takes its children too) against the
test database of the running test, and stopped by its pid only. A service that cannot
be started fails the test under CI=true and skips it elsewhere (tests.support.services).
"""

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from django.db import connection

from tests.support.services import ROOT, service_missing


def database_url(name: str | None = None) -> str:
    """The URL of the test database this test runs on (or of database ``name`` on the
    same server), for another process; a Unix socket (the embedded server) included."""
    db = connection.settings_dict
    credentials = quote(db["USER"], safe="") + (
        f":{quote(db['PASSWORD'], safe='')}" if db["PASSWORD"] else ""
    )
    socket_dir = db.get("OPTIONS", {}).get("host", "")
    database = name or db["NAME"]
    if socket_dir:
        return f"postgres://{credentials}@/{database}?host={quote(socket_dir)}"
    return f"postgres://{credentials}@{db['HOST']}:{db['PORT'] or 5432}/{database}"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for(condition: Callable[[], bool], *, seconds: float, every: float = 0.25) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(every)
    return condition()


def django_env(tmp_path: Path, **settings: str) -> dict[str, str]:
    """The environment of a Dojang process on this test's database, without a broker
    unless `settings` names one."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"CELERY_BROKER_URL", "CELERY_RESULT_BACKEND", "EMBEDDED_BEAT_SOCKET"}
    }
    from django.conf import settings as django_settings

    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.test",
        PYTHONPATH=f"{ROOT / 'backend'}{os.pathsep}{ROOT}",
        DATABASE_URL=database_url(),
        SIGNING_DIR=str(django_settings.SIGNING_DIR),
        MEDIA_ROOT=str(django_settings.MEDIA_ROOT),
        DOJANG_VAR_DIR=str(tmp_path / "var"),
    )
    env.update(settings)
    return env


@dataclass
class Process:
    name: str
    popen: "subprocess.Popen[bytes]"
    log: Path

    def kill(self) -> None:
        """kill -9 of the process and its group."""
        if self.popen.poll() is None:
            os.killpg(self.popen.pid, signal.SIGKILL)
        self.popen.wait(timeout=20)

    def stop(self) -> None:
        if self.popen.poll() is not None:
            return
        os.killpg(self.popen.pid, signal.SIGTERM)
        try:
            self.popen.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.kill()

    def tail(self) -> str:
        return self.log.read_text(errors="replace")[-4000:] if self.log.exists() else ""


@contextmanager
def started(
    name: str, command: list[str], *, env: dict[str, str], tmp_path: Path
) -> Iterator[Process]:
    """Run `command` from backend/ until the block ends (or the test kills it)."""
    log = tmp_path / f"{name}.log"
    with log.open("wb") as out:
        popen = subprocess.Popen(
            command, cwd=ROOT / "backend", env=env, stdout=out, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
    process = Process(name=name, popen=popen, log=log)
    try:
        yield process
    finally:
        process.stop()


def manage(*args: str) -> list[str]:
    return [sys.executable, "manage.py", *args]


def celery_worker(name: str, *queues: str) -> list[str]:
    command = [sys.executable, "-m", "celery", "-A", "config", "worker", "-c", "1"]
    return [*command, "-Q", ",".join(queues), "-n", f"{name}@%h", "--without-gossip"]


def gunicorn(port: int) -> list[str]:
    return [
        sys.executable, "-m", "gunicorn", "config.wsgi:application",
        "--bind", f"127.0.0.1:{port}", "--workers", "1", "--threads", "8", "--timeout", "300",
    ]  # fmt: skip


class RedisServer:
    """A redis-server of the test's own on a free port, without persistence."""

    def __init__(self, directory: Path) -> None:
        binary = shutil.which("redis-server")
        if binary is None:
            service_missing("redis-server is not installed")
        self.binary = binary
        self.directory = directory
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.popen: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        command = [self.binary, "--port", str(self.port), "--bind", "127.0.0.1"]
        command += ["--save", "", "--appendonly", "no", "--dir", str(self.directory)]
        self.popen = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
        )
        if not wait_for(self.answers, seconds=20):
            service_missing(f"redis-server on port {self.port} did not start")

    def answers(self) -> bool:
        import redis

        try:
            return bool(redis.Redis.from_url(self.url, socket_connect_timeout=1).ping())
        except redis.RedisError:
            return False

    def kill(self) -> None:
        if self.popen is not None and self.popen.poll() is None:
            self.popen.send_signal(signal.SIGKILL)
            self.popen.wait(timeout=20)


def api_post(base: str, path: str, *, token: str, timeout: float = 300) -> tuple[int, Any]:
    """POST to a running server's API with a token; its status and JSON body."""
    request = urllib.request.Request(  # noqa: S310 - a local test server
        f"{base}{path}", method="POST", data=b"{}",
        headers={"Authorization": f"Token {token}", "Content-Type": "application/json"},
    )  # fmt: skip
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, error.read()[:500]


def answers_http(base: str) -> bool:
    try:
        with urllib.request.urlopen(f"{base}/healthz", timeout=2) as response:  # noqa: S310
            return bool(response.status == 200)
    except (urllib.error.URLError, OSError):
        return False
