"""Waking the embedded beat: a datagram on a local socket (EMBEDDED_BEAT_SOCKET).

In the embedded default there is no broker. The web process writes its outbox rows,
and on commit sends one empty datagram to the socket the embedded beat listens on;
the beat wakes and works every pending row. The datagram carries nothing: the rows
are the queue, so a wake that is lost (the beat was down) costs only time, as the
beat drains the outboxes when it starts and every time it wakes anyway.
"""

import logging
import os
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings

logger = logging.getLogger(__name__)

POLL_SECONDS = 2.0
_runs_here = False
_warned = False


def socket_path() -> Path | None:
    value = getattr(settings, "EMBEDDED_BEAT_SOCKET", "")
    return Path(value) if value else None


@contextmanager
def running_here() -> Iterator[None]:
    """Within the block this process is the embedded beat: outbox tasks run in process."""
    global _runs_here
    before, _runs_here = _runs_here, True
    try:
        yield
    finally:
        _runs_here = before


def hand_over() -> bool:
    """True when the work is the embedded beat's: the caller must not run it.

    Not in the beat itself, and not when no socket is configured (the test settings,
    or EMBEDDED_BEAT_SOCKET set empty): then tasks run where they are sent. When the
    beat is not listening the rows wait for it to start.
    """
    path = socket_path()
    if _runs_here or path is None:
        return False
    if not hasattr(socket, "AF_UNIX"):  # pragma: no cover - Windows: the beat polls
        return True
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.setblocking(False)
        try:
            sock.sendto(b"", str(path))
        except BlockingIOError:
            pass  # its buffer is full of wakes: it is awake already
        except OSError as exc:  # not running (no socket, refused), or a path it cannot bind
            _warn_once(path, exc)
    return True


def _warn_once(path: Path, exc: OSError) -> None:
    # A bulk load (seed_demo before `make run` starts the beat) would say it hundreds of times.
    global _warned
    if not _warned:
        _warned = True
        logger.warning(
            "the embedded beat does not answer on %s (%s): the work waits for it to start",
            path,
            type(exc).__name__,
        )


class Listener:
    """The beat's end: bound to the socket; `wait` sleeps until a wake or the timeout."""

    def __init__(self, path: Path | None) -> None:
        self.sock: socket.socket | None = None
        if path is None or not hasattr(socket, "AF_UNIX"):
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists():
            path.unlink()  # left by a beat that was killed
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        try:
            sock.bind(str(path))
        except OSError as exc:
            sock.close()
            logger.error("embedded beat: cannot listen on %s (%s); polling", path, exc)
            return
        os.chmod(path, 0o600)
        self.sock = sock

    def wait(self, seconds: float) -> bool:
        """Sleep up to `seconds`; True when woken. Wakes queued meanwhile are taken too.

        Without a socket (none configured, or it could not be bound) it naps at most
        POLL_SECONDS and answers True, so the outboxes are drained that often instead.
        """
        if self.sock is None:
            time.sleep(min(max(seconds, 0.0), POLL_SECONDS))
            return True
        if seconds > 0:
            self.sock.settimeout(seconds)
        else:
            self.sock.setblocking(False)
        try:
            self.sock.recv(1)
        except (TimeoutError, BlockingIOError):
            return False
        self.sock.setblocking(False)
        try:
            while True:
                self.sock.recv(1)
        except BlockingIOError:
            pass
        return True

    def close(self) -> None:
        if self.sock is not None:
            self.sock.close()
            self.sock = None
