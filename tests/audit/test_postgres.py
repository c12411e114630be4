"""PostgreSQL: the trigger refuses changes, and concurrent writers never fork the chain."""

import threading

import pytest
from django.db import IntegrityError, connection, connections, transaction

from audit.models import AuditEvent
from audit.services import audit_record
from audit.verification import audit_chain_verify


@pytest.mark.django_db
@pytest.mark.parametrize(
    "sql",
    ["UPDATE audit_auditevent SET action = 'forged'", "DELETE FROM audit_auditevent"],
)
def test_the_database_refuses_to_change_or_delete_events(sql: str) -> None:
    # GIVEN a recorded event
    audit_record(action="document.created", actor=None)

    # WHEN raw SQL tries to change or remove it
    with pytest.raises(IntegrityError, match="append-only"), transaction.atomic():
        connection.cursor().execute(sql)

    # THEN the event is still there, unchanged
    assert list(AuditEvent.objects.values_list("action", flat=True)) == ["document.created"]


@pytest.mark.django_db(transaction=True)
def test_concurrent_writers_make_one_unbroken_chain() -> None:
    # GIVEN eight threads, each with its own database connection
    threads, per_thread = 8, 15
    start = threading.Barrier(threads)
    errors: list[BaseException] = []

    def writer(number: int) -> None:
        try:
            start.wait()
            for step in range(per_thread):
                with transaction.atomic():
                    audit_record(action="step.approved", actor=None, data={"t": number, "s": step})
        except BaseException as exc:  # the assertion below reports it
            errors.append(exc)
        finally:
            connections.close_all()

    # WHEN they all record events at once
    workers = [threading.Thread(target=writer, args=(n,)) for n in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()

    # THEN every event is numbered 1..N once, and the chain verifies end to end
    assert errors == []
    total = threads * per_thread
    sequences = list(AuditEvent.objects.order_by("sequence").values_list("sequence", flat=True))
    assert sequences == list(range(1, total + 1))
    report = audit_chain_verify()
    assert report.ok, report.problem
    assert report.checked == total
