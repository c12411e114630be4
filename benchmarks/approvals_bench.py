"""Approvals benchmark: the inbox with 100,000 documents, and the approve action.

    python benchmarks/approvals_bench.py [--documents 100000] [--runs 50] [--record]

1. Fills PostgreSQL `dojang_bench` (recreated; or BENCH_DATABASE_URL) with an
   organisation of 500 people and 100,000 documents spread over them, each with its
   line row, 30% still in progress with a viewflow process and an owned task, and 50
   pending steps in the benchmark user's inbox (bulk_create, in batches).
2. Inbox: median latency of GET /api/boxes/to_act/?page_size=50 through the API
   (in-process client) beside the raw SQL of the same count and page queries.
   Goal: within 3x.
3. Approve: median latency of POST /api/tasks/{id}/approve/ (a review step: lock,
   checks, viewflow execution, next stage opened, audit, notification) beside
   viewflow's own bare step on the same database: a minimal Start -> View -> End
   flow with the same lock, whose View task is executed through the activation API.
   Goal: within 2x. Query counts are reported for both, and the time the approve
   spends in the database driver alone (the sum over its queries, without BEGIN and
   COMMIT), which bounds from below what any Python-side work could reach.

With --record the result replaces this benchmark's heading, preamble and table in
docs/performance.md; the reading written below the table stays.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import statistics
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "backend"), str(ROOT)]
HEADING = "## Approvals: inbox and approve (benchmarks/approvals_bench.py)"
# The generated part: the heading, the preamble and the table (the reading after it stays).
SECTION = re.compile(r"^## Approvals: inbox and approve.*?\n(?:\|[^\n]*\n)+", re.M | re.S)
PG_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres"
PG_BENCH_URL = "postgres://postgres@127.0.0.1:5432/dojang_bench"
BARE_MODULE = "workflows.bench_bare"


def database_url() -> str:
    if os.environ.get("BENCH_DATABASE_URL"):
        return os.environ["BENCH_DATABASE_URL"]
    import psycopg

    with psycopg.connect(PG_ADMIN_URL, autocommit=True, connect_timeout=3) as conn:
        conn.execute("DROP DATABASE IF EXISTS dojang_bench")
        conn.execute("CREATE DATABASE dojang_bench")
    return PG_BENCH_URL


def setup_django() -> None:
    os.environ["DATABASE_URL"] = database_url()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    import django
    from django.core.management import call_command

    django.setup()
    from django.conf import settings

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]  # the in-process client
    call_command("migrate", verbosity=0)


def timed(call: Callable[[], Any], runs: int) -> tuple[float, int]:
    """Median milliseconds of `call` and the queries of its last run."""
    median, queries, _database = medians([measure_once(call) for _ in range(runs)])
    return median, queries


def measure_once(call: Callable[[], Any]) -> tuple[float, int, float]:
    """One run of `call`: milliseconds, queries, milliseconds inside the driver."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    spent = [0.0]

    def clock(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        began = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            spent[0] += time.perf_counter() - began

    with CaptureQueriesContext(connection) as context, connection.execute_wrapper(clock):
        start = time.perf_counter()
        call()
        elapsed = time.perf_counter() - start
    return elapsed * 1000, len(context.captured_queries), spent[0] * 1000


def medians(samples: list[tuple[float, int, float]]) -> tuple[float, int, float]:
    return (
        statistics.median(s[0] for s in samples),
        samples[-1][1],
        statistics.median(s[2] for s in samples),
    )


# Data ---------------------------------------------------------------------------


def build_org(people: int) -> tuple[Any, list[Any]]:
    """A team under a division; `people` staff spread over 20 teams; the bench user."""
    from tests.factories.approvals import approval_org
    from tests.factories.directory import PersonFactory, UnitFactory

    org = approval_org()
    teams = [UnitFactory.create(parent=org.chain.division) for _ in range(20)]
    staff = [PersonFactory.create(unit=teams[i % 20]) for i in range(people)]
    return org, staff


def fill(org: Any, staff: list[Any], documents: int, inbox: int) -> None:
    """Bulk-insert documents, their stages and steps, and tasks for open ones."""
    from viewflow.workflow.models import Process, Task
    from viewflow.workflow.status import STATUS

    from approvals.models import ApprovalStage, ApprovalStep
    from documents.models import Document
    from workflows.memo import MemoFlow

    me = org.reviewer
    batch = 5000
    for start in range(0, documents, batch):
        rows = []
        for index in range(start, min(start + batch, documents)):
            drafter = staff[index % len(staff)]
            open_ = index % 10 < 3 or index < inbox
            rows.append(
                Document(
                    kind="memo",
                    status="in_progress" if open_ else "approved",
                    title=f"bench document {index}",
                    drafter=drafter,
                    unit_id=drafter.unit_id,
                    number=None if open_ else f"BENCH-{index:07d}",
                    number_year=None if open_ else 2026,
                    number_sequence=None if open_ else index + 1,
                )
            )
        docs = Document.objects.bulk_create(rows)
        stages = ApprovalStage.objects.bulk_create(
            ApprovalStage(document=d, round=1, order=1, kind="approve") for d in docs
        )
        processes = Process.objects.bulk_create(
            Process(flow_class=MemoFlow, artifact_object_id=d.pk, artifact_content_type_id=None)
            for d in docs
            if d.status == "in_progress"
        )
        process_of = {p.artifact_object_id: p for p in processes}
        steps, tasks = [], []
        for offset, (document, stage) in enumerate(zip(docs, stages, strict=True)):
            index = start + offset
            assignee = me if index < inbox else staff[(index * 7) % len(staff)]
            pending = document.status == "in_progress"
            task = None
            if pending:
                task = Task(
                    process=process_of[document.pk],
                    flow_task=MemoFlow.approve,
                    flow_task_type="HUMAN",
                    status=STATUS.ASSIGNED,
                    owner_id=assignee.user_id,
                )
                tasks.append(task)
            steps.append((stage, assignee, pending, task))
        Task.objects.bulk_create(tasks)
        ApprovalStep.objects.bulk_create(
            ApprovalStep(
                stage=stage,
                assignee=assignee,
                status="pending" if pending else "approved",
                acted_by=None if pending else assignee,
                task=task,
            )
            for stage, assignee, pending, task in steps
        )
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


# Measurements ---------------------------------------------------------------------


def inbox_figures(org: Any, runs: int) -> dict[str, Any]:
    from django.db import connection
    from rest_framework.test import APIClient

    from approvals.selectors import step_box

    client = APIClient()
    client.force_authenticate(org.reviewer.user)
    response = client.get("/api/boxes/to_act/", {"page_size": 50})
    if response.status_code != 200:
        raise SystemExit(f"inbox answered {response.status_code}: {response.content[:300]!r}")
    api_ms, api_queries = timed(lambda: client.get("/api/boxes/to_act/", {"page_size": 50}), runs)

    queryset = step_box(person=org.reviewer, box="to_act")
    page_sql, page_params = queryset[:50].query.sql_with_params()
    count_sql, count_params = queryset.order_by().values("pk").query.sql_with_params()

    def raw() -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*) FROM ({count_sql}) AS box", count_params)  # noqa: S608
            cursor.fetchall()
            cursor.execute(page_sql, page_params)
            cursor.fetchall()

    sql_ms, _ = timed(raw, runs)
    return {
        "api_ms": api_ms,
        "api_queries": api_queries,
        "sql_ms": sql_ms,
        "items": len(response.json()["results"]),
    }


def bare_flow() -> Any:
    """Start -> View -> End with the approval flows' lock, importable by reference."""
    import types

    from viewflow import this
    from viewflow.workflow import nodes
    from viewflow.workflow.base import Flow

    from workflows.nodes import ApprovalTask, approval_lock

    module = types.ModuleType(BARE_MODULE)
    sys.modules[BARE_MODULE] = module

    def owner(activation: Any) -> Any:
        return activation.process.data["owner"]

    namespace = {
        "__module__": BARE_MODULE,
        "lock_impl": approval_lock,
        "start": nodes.StartHandle(this.start_process).Next(this.task),
        "task": ApprovalTask().Assign(this.owner).Next(this.end),
        "end": nodes.End(),
        "start_process": lambda self, activation, user: activation.process,
        "owner": lambda self, activation: _user(activation),
    }
    flow_class = type("BareFlow", (Flow,), namespace)
    module.BareFlow = flow_class  # type: ignore[attr-defined]
    return flow_class


_BENCH_USER: list[Any] = []


def _user(activation: Any) -> Any:
    return _BENCH_USER[0]


def approve_figures(org: Any, runs: int) -> dict[str, Any]:
    from rest_framework.test import APIClient

    from tests.factories.approvals import open_step, submit

    documents = [submit(org) for _ in range(runs)]
    steps = iter([open_step(d, org.reviewer).pk for d in documents])
    client = APIClient()
    client.force_authenticate(org.reviewer.user)

    def approve() -> None:
        response = client.post(f"/api/tasks/{next(steps)}/approve/")
        if response.status_code != 200:
            raise SystemExit(f"approve answered {response.status_code}: {response.content[:300]!r}")

    flow_class = bare_flow()
    _BENCH_USER.append(org.reviewer.user)
    processes = [flow_class.start.run(user=org.reviewer.user) for _ in range(runs)]
    tasks = iter([p.task_set.get(flow_task=flow_class.task) for p in processes])

    def bare() -> None:
        task = next(tasks)
        with task.activation() as activation:
            activation.start(None)
            activation.execute()

    # Alternating, so that both meet the same moments of a shared machine.
    ours, theirs = [], []
    for _ in range(runs):
        ours.append(measure_once(approve))
        theirs.append(measure_once(bare))
    api_ms, api_queries, api_db_ms = medians(ours)
    bare_ms, bare_queries, bare_db_ms = medians(theirs)
    return {
        "api_ms": api_ms,
        "api_queries": api_queries,
        "api_db_ms": api_db_ms,
        "bare_ms": bare_ms,
        "bare_queries": bare_queries,
        "bare_db_ms": bare_db_ms,
    }


def report(documents: int, inbox: dict[str, Any], approve: dict[str, Any]) -> str:
    machine = f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}"
    load = os.getloadavg()[0]
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        version = cursor.fetchone()[0].split()[0]
    return (
        f"{HEADING}\n\n"
        f"`python benchmarks/approvals_bench.py` on {machine}, PostgreSQL {version}, "
        f"{datetime.now(UTC):%Y-%m-%d}, load average {load:.1f}. Medians; in-process "
        "API client (no HTTP server), so the figures are Django + DRF + the database.\n\n"
        "| measure | ours | baseline | ratio | goal |\n| --- | --- | --- | --- | --- |\n"
        f"| inbox, {inbox['items']} items of {documents:,} documents | "
        f"{inbox['api_ms']:.1f} ms ({inbox['api_queries']} queries) | raw SQL of the same "
        f"count + page {inbox['sql_ms']:.1f} ms | {inbox['api_ms'] / inbox['sql_ms']:.1f}x | "
        "3x |\n"
        f"| approve a review step | {approve['api_ms']:.1f} ms ({approve['api_queries']} "
        f"queries) | bare viewflow step {approve['bare_ms']:.1f} ms "
        f"({approve['bare_queries']} queries) | "
        f"{approve['api_ms'] / approve['bare_ms']:.1f}x | 2x |\n"
        f"| approve: time in the database only | {approve['api_db_ms']:.1f} ms | bare step's "
        f"{approve['bare_db_ms']:.1f} ms (its whole time {approve['bare_ms']:.1f} ms) | "
        f"{approve['api_db_ms'] / approve['bare_ms']:.1f}x of the bare step's whole time | |\n"
    )


def record(text: str) -> None:
    path = ROOT / "docs" / "performance.md"
    current = path.read_text() if path.exists() else "# Performance\n\n"
    if SECTION.search(current):
        current = SECTION.sub(lambda _match: text, current, count=1)
    else:
        current = current.rstrip("\n") + "\n\n" + text
    path.write_text(current)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--people", type=int, default=500)
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--record", action="store_true")
    args = parser.parse_args()
    setup_django()
    started = time.perf_counter()
    org, staff = build_org(args.people)
    fill(org, staff, args.documents, inbox=50)
    print(f"filled {args.documents:,} documents in {time.perf_counter() - started:.0f} s")
    inbox = inbox_figures(org, args.runs)
    approve = approve_figures(org, args.runs)
    text = report(args.documents, inbox, approve)
    print(text)
    if args.record:
        record(text)


if __name__ == "__main__":
    main()
