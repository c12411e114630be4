"""The suite really uses the services CI starts: a worker over Redis, a bind to slapd."""

import os
import subprocess
import sys
import time
from pathlib import Path

import ldap
import pytest
from celery import Celery

ROOT = Path(__file__).resolve().parent.parent.parent


def test_a_task_round_trips_through_a_real_worker_over_redis(redis_broker_url: str) -> None:
    # GIVEN a real Celery worker process consuming from Redis on a queue of its own
    queue = f"test-roundtrip-{os.getpid()}-{time.monotonic_ns()}"
    env = {
        **os.environ,
        "CELERY_BROKER_URL": redis_broker_url,
        "CELERY_RESULT_BACKEND": redis_broker_url,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "PYTHONPATH": f"{ROOT / 'backend'}{os.pathsep}{ROOT}",
    }
    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "config",
            "worker",
            "-Q",
            queue,
            "-c",
            "1",
            "--pool",
            "solo",
            "--without-heartbeat",
            "--without-gossip",
            "--without-mingle",
        ],
        cwd=ROOT / "backend",
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    client = Celery(broker=redis_broker_url, backend=redis_broker_url, set_as_current=False)
    try:
        # WHEN a task is sent by name through the broker
        result = client.send_task("core.ping", args=["dojang"], queue=queue)
        # THEN the worker runs it and the answer comes back through Redis
        assert result.get(timeout=60) == "pong:dojang"
    finally:
        worker.terminate()
        try:
            worker.wait(timeout=20)
        except subprocess.TimeoutExpired:
            worker.kill()


def test_binds_to_the_slapd_that_ci_started(ci_ldap: dict[str, str]) -> None:
    conn = ldap.initialize(ci_ldap["uri"])
    conn.set_option(ldap.OPT_NETWORK_TIMEOUT, 5)
    conn.simple_bind_s(ci_ldap["bind_dn"], ci_ldap["bind_password"])

    assert conn.whoami_s() == f"dn:{ci_ldap['bind_dn']}"
    entries = conn.search_s(ci_ldap["base_dn"], ldap.SCOPE_BASE)
    assert entries[0][0] == ci_ldap["base_dn"]
    with pytest.raises(ldap.INVALID_CREDENTIALS):
        ldap.initialize(ci_ldap["uri"]).simple_bind_s(ci_ldap["bind_dn"], "wrong-password")
