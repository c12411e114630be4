"""Directory benchmark: LDAP sync of a 20,000-person directory, and people search latency.

    python benchmarks/directory_bench.py [--people 20000] [--searches 300] [--record]

1. Generates a 20,000-person organisation with scripts/generate_demo_ldif.py and loads
   it into a throwaway slapd (scripts/test-slapd).
2. Syncs it into an empty database: wall time and peak RSS (resource.getrusage) of the
   first sync, then wall time and peak Python allocations (tracemalloc) of a second
   sync that finds nothing to change.
3. Searches people by name prefix through the API (GET /api/people/?q=...) and reports
   the median and 95th percentile latency. Goal: median under 50 ms.

The database is PostgreSQL `dojang_bench` on 127.0.0.1 (user postgres), recreated each
run, when reachable (or BENCH_DATABASE_URL); otherwise the embedded PostgreSQL, and the
output says so.
With --record the result replaces this benchmark's section of docs/performance.md.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import statistics
import subprocess
import sys
import time
import tracemalloc
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "backend"), str(ROOT)]
WORK = ROOT / "var" / "bench-directory"
HEADING = "## Directory sync and people search (benchmarks/directory_bench.py)"
SECTION = re.compile(r"^## Directory sync and people search.*?(?=^## |\Z)", re.M | re.S)
PG_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres"
PG_BENCH_URL = "postgres://postgres@127.0.0.1:5432/dojang_bench"
PREFIXES = ["김", "이", "박", "최", "정", "곽", "김민", "이서", "박지", "최수", "김민수", "정하은"]


def database_url() -> tuple[str, str]:
    """(url, description): a fresh PostgreSQL database if reachable, else the embedded one."""
    if os.environ.get("BENCH_DATABASE_URL"):
        return os.environ["BENCH_DATABASE_URL"], "BENCH_DATABASE_URL"
    try:
        import psycopg

        with psycopg.connect(PG_ADMIN_URL, autocommit=True, connect_timeout=3) as conn:
            conn.execute("DROP DATABASE IF EXISTS dojang_bench")
            conn.execute("CREATE DATABASE dojang_bench")
            version = conn.execute("SHOW server_version").fetchone()
    except Exception as exc:  # any failure means: no PostgreSQL service to use here
        from config.embedded_database import database_url as embedded_url

        url = embedded_url(WORK / "postgres")
        return url, f"embedded PostgreSQL (no service: {type(exc).__name__})"
    number = str(version[0]).split()[0] if version else "?"
    return PG_BENCH_URL, f"PostgreSQL {number} (dojang_bench)"


def start_slapd(people: int) -> dict[str, str]:
    ldif = WORK / f"directory-{people}.ldif"
    subprocess.run(  # noqa: S603 - our own scripts, fixed arguments
        [sys.executable, str(ROOT / "scripts" / "generate_demo_ldif.py"), "--people", str(people),
         "-o", str(ldif)],
        check=True,
    )  # fmt: skip
    started = subprocess.run(  # noqa: S603 - our own script, fixed arguments
        [str(ROOT / "scripts" / "test-slapd"), "start", str(WORK / "slapd"), str(ldif)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    server = {}
    for line in started.stdout.splitlines():
        key, _, value = line.removeprefix("export ").partition("=")
        server[key] = value.strip("'")
    return server


def setup_django(server: dict[str, str], url: str) -> None:
    os.environ.update(
        DJANGO_SETTINGS_MODULE="config.settings.local", DEBUG="false", LOG_LEVEL="WARNING",
        DATABASE_URL=url, LDAP_SERVER_URI=server["LDAP_TEST_URI"],
        LDAP_BIND_DN=server["LDAP_TEST_BIND_DN"],
        LDAP_BIND_PASSWORD=server["LDAP_TEST_BIND_PASSWORD"],
        LDAP_BASE_DN=server["LDAP_TEST_BASE_DN"],
    )  # fmt: skip
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    call_command("migrate", verbosity=0)


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _timed(function: Any) -> tuple[Any, float, float]:
    """(result, wall seconds, CPU seconds of this process) of one call."""
    wall, cpu = time.perf_counter(), _cpu()
    result = function()
    return result, time.perf_counter() - wall, _cpu() - cpu


def measure_sync() -> dict[str, Any]:
    from directory.services.sync import directory_sync

    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    first, first_wall, first_cpu = _timed(directory_sync)
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    second, second_wall, second_cpu = _timed(directory_sync)
    assert not second.changed, "the second sync changed something"  # noqa: S101
    tracemalloc.start()  # a third, traced run: tracing slows Python, so it is not timed
    directory_sync()
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "people": first.people.created, "units": first.units.created,
        "first_wall": first_wall, "first_cpu": first_cpu,
        "second_wall": second_wall, "second_cpu": second_cpu,
        "rss_mb": rss_after / 1024, "rss_growth_mb": (rss_after - rss_before) / 1024,
        "peak_mb": peak / 1_000_000,
    }  # fmt: skip


def measure_search(searches: int) -> dict[str, Any]:
    from rest_framework.test import APIClient

    from directory.models import Person

    person = Person.objects.select_related("user").filter(active=True).first()
    assert person is not None  # noqa: S101
    client = APIClient()
    client.force_authenticate(person.user)
    walls, cpus = [], []
    for index in range(searches + 20):
        prefix = PREFIXES[index % len(PREFIXES)]
        response, wall, cpu = _timed(lambda p=prefix: client.get("/api/people/", {"q": p}))
        assert response.status_code == 200, response.content[:200]  # noqa: S101
        if index >= 20:  # the first requests warm caches and connections
            walls.append(wall * 1000)
            cpus.append(cpu * 1000)
    walls.sort()
    return {
        "searches": len(walls), "median_ms": statistics.median(walls),
        "p95_ms": walls[int(len(walls) * 0.95) - 1], "cpu_median_ms": statistics.median(cpus),
        "plan": explain("김민"), "load": os.getloadavg()[0], "cpus": os.cpu_count(),
    }  # fmt: skip


def explain(prefix: str) -> str:
    """The plan of the prefix query (does it use the pattern index?)."""
    from directory.selectors import person_search

    query = person_search(query=prefix)[:25]
    plan = query.explain()
    scans = [
        line.strip()
        for line in plan.splitlines()
        if "Scan" in line and ("on directory_person" in line or "on person_" in line)
    ]
    return " / ".join(line.split("  (cost")[0].removeprefix("->  ") for line in scans)


def report(sync: dict[str, Any], search: dict[str, Any], database: str) -> str:
    goal = "met" if search["median_ms"] < 50 else "NOT met"
    rows = [
        ("directory", f"{sync['people']:,} people, {sync['units']} units (slapd, paged search)"),
        ("first sync (empty database)",
         f"{sync['first_wall']:.1f} s ({sync['first_cpu']:.1f} s CPU)"),
        ("peak RSS after it", f"{sync['rss_mb']:.0f} MB (+{sync['rss_growth_mb']:.0f} MB)"),
        ("second sync (nothing changes)",
         f"{sync['second_wall']:.1f} s ({sync['second_cpu']:.1f} s CPU)"),
        ("peak Python allocations of a sync", f"{sync['peak_mb']:.0f} MB (tracemalloc)"),
        ("people search median",
         f"{search['median_ms']:.1f} ms ({search['cpu_median_ms']:.1f} ms CPU)"),
        ("people search p95", f"{search['p95_ms']:.1f} ms ({search['searches']} searches)"),
    ]  # fmt: skip
    table = "\n".join(f"| {name} | {value} |" for name, value in rows)
    return (
        f"{HEADING}\n\n"
        "A generated organisation in a throwaway slapd, synced into an empty database; then\n"
        "people searched by name prefix through the API (`GET /api/people/?q=`, 25 a page,\n"
        f"prefixes such as 김, 김민, 김민수). Goal: search median under 50 ms ({goal}).\n\n"
        f"Measured {datetime.now(UTC):%Y-%m-%d} on {database}, {search['cpus']} CPUs, "
        f"load average {search['load']:.1f} while searching.\n\n"
        f"| measure | result |\n| --- | --- |\n{table}\n\n"
        "Wall time is what a user waits on this shared machine; CPU time is this process\n"
        "alone (PostgreSQL's share excluded), what a dedicated server would spend.\n"
        f"How PostgreSQL reads people for a prefix (김민): `{search['plan']}`.\n"
    )


def record(text: str) -> None:
    path = ROOT / "docs" / "performance.md"
    current = path.read_text(encoding="utf-8") if path.exists() else "# Performance\n"
    if SECTION.search(current):
        updated = SECTION.sub(lambda _: text.rstrip("\n") + "\n\n", current)
    else:
        updated = current.rstrip("\n") + "\n\n" + text
    path.write_text(updated.rstrip("\n") + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--people", type=int, default=20000)
    parser.add_argument("--searches", type=int, default=300)
    parser.add_argument("--record", action="store_true")
    args = parser.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    url, database = database_url()
    print(f"database: {database}")
    server = start_slapd(args.people)
    try:
        setup_django(server, url)
        sync = measure_sync()
        search = measure_search(args.searches)
    finally:
        subprocess.run(  # noqa: S603 - our own script, fixed arguments
            [str(ROOT / "scripts" / "test-slapd"), "stop", str(WORK / "slapd")], check=False
        )
    text = report(sync, search, database)
    print(text)
    if args.record:
        record(text)


if __name__ == "__main__":
    main()
