"""dispatch_on_commit: a committed transaction never fails because its message could not
be sent; in the embedded default an outbox task is the embedded beat's, not the sender's."""

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from celery import shared_task
from django.db import transaction

from config.celery import app as dojang_celery
from core import embedded_wake, outbox
from core.dispatch import dispatch_on_commit
from tests.support.processes import free_port

RAN: list[int] = []


@shared_task(name="tests.dispatch.record")
def record(value: int) -> None:
    RAN.append(value)


def _fresh_connections() -> None:
    # Celery caches its broker pool and producers on first use; drop them so the next
    # send uses the broker just configured.
    vars(dojang_celery).pop("amqp", None)
    dojang_celery._pool = None  # type: ignore[attr-defined]


@pytest.fixture
def broker_down() -> Iterator[str]:
    """This process sends over a broker that nobody answers (a closed local port)."""
    conf = dojang_celery.conf
    saved = (conf.task_always_eager, conf.broker_url)
    url = f"redis://127.0.0.1:{free_port()}/0"
    conf.update(task_always_eager=False, broker_url=url)
    _fresh_connections()
    yield url
    conf.update(task_always_eager=saved[0], broker_url=saved[1])
    _fresh_connections()


@pytest.fixture
def recorded() -> Iterator[list[int]]:
    RAN.clear()
    yield RAN
    RAN.clear()


@pytest.mark.django_db(transaction=True)
def test_a_commit_stands_when_the_broker_cannot_be_reached(broker_down, caplog) -> None:
    # GIVEN a broker that is down
    # WHEN a transaction that sends a task on commit commits
    with caplog.at_level(logging.ERROR, logger="core.dispatch"), transaction.atomic():
        dispatch_on_commit(record, 7)

    # THEN the commit returns normally; the failed send is logged with the task's name
    messages = [r.getMessage() for r in caplog.records if r.name == "core.dispatch"]
    assert len(messages) == 1
    assert "tests.dispatch.record" in messages[0]
    assert "sweep" in messages[0]


@pytest.fixture
def record_is_an_outbox_task(monkeypatch) -> None:
    monkeypatch.setattr(outbox, "_outboxes", dict(outbox._outboxes))
    outbox.outbox_register(task="tests.dispatch.record", pending=list)


@pytest.fixture
def beat_socket(
    tmp_path: Path, settings, record_is_an_outbox_task
) -> Iterator[embedded_wake.Listener]:
    path = tmp_path / "beat.sock"
    settings.EMBEDDED_BEAT_SOCKET = str(path)
    listener = embedded_wake.Listener(path)
    yield listener
    listener.close()


@pytest.mark.django_db(transaction=True)
def test_in_the_embedded_default_an_outbox_task_wakes_the_beat_instead_of_running(
    beat_socket, recorded
) -> None:
    # GIVEN an embedded beat listening, and an outbox task
    # WHEN a request's transaction sends it
    with transaction.atomic():
        dispatch_on_commit(record, 1)

    # THEN it did not run in the sender; the beat was woken
    assert recorded == []
    assert beat_socket.wait(5) is True


@pytest.mark.django_db(transaction=True)
def test_the_embedded_beat_runs_outbox_tasks_itself(beat_socket, recorded) -> None:
    # GIVEN the same, but sent from within the embedded beat
    with embedded_wake.running_here(), transaction.atomic():
        dispatch_on_commit(record, 2)

    # THEN it ran at once, in process, and nobody was woken
    assert recorded == [2]
    assert beat_socket.wait(0) is False


@pytest.mark.django_db(transaction=True)
def test_without_a_socket_tasks_run_where_they_are_sent(
    recorded, settings, record_is_an_outbox_task
) -> None:
    settings.EMBEDDED_BEAT_SOCKET = ""

    with transaction.atomic():
        dispatch_on_commit(record, 3)

    assert recorded == [3]
