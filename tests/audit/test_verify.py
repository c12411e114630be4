"""verify_audit: a whole chain verifies; a changed, removed or added row is found."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from audit.models import AuditChainHead
from audit.services import audit_record
from audit.verification import audit_chain_verify
from tests.audit.tampering import raw_sql
from tests.factories.documents import DocumentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def five_events() -> None:
    document = DocumentFactory.create()
    for number, action in enumerate(
        ["document.created", "document.submitted", "step.approved", "step.approved", "done"]
    ):
        audit_record(
            action=action,
            actor=document.drafter.user,
            document=document,
            client_address="192.0.2.1",
            data={"n": number},
        )


def verify() -> tuple[str, CommandError | None]:
    out = io.StringIO()
    try:
        call_command("verify_audit", "--chunk-size", "2", stdout=out)
    except CommandError as error:
        return out.getvalue(), error
    return out.getvalue(), None


def test_an_empty_log_verifies() -> None:
    output, error = verify()

    assert error is None
    assert "OK: 0 events" in output


@pytest.mark.usefixtures("five_events")
def test_a_clean_chain_verifies_across_chunks() -> None:
    # GIVEN five events, read back two at a time
    # WHEN the chain is verified
    output, error = verify()

    # THEN it is reported whole with its count
    assert error is None
    assert "audit chain OK: 5 events verified" in output


@pytest.mark.usefixtures("five_events")
def test_a_changed_row_is_found_with_its_sequence() -> None:
    # GIVEN the third event's data rewritten in the database
    raw_sql("UPDATE audit_auditevent SET data = %s WHERE sequence = 3", ['{"n": 99}'])

    # WHEN the chain is verified
    _, error = verify()

    # THEN the command fails with exit code 1 and names sequence 3
    assert error is not None
    assert error.returncode == 1
    assert "BROKEN at sequence 3" in str(error)
    assert "changed" in str(error)


@pytest.mark.usefixtures("five_events")
def test_a_changed_row_with_a_recomputed_hash_breaks_the_next_link() -> None:
    # GIVEN the second event's actor and hash both rewritten (a careful forger)
    raw_sql("UPDATE audit_auditevent SET hash = %s WHERE sequence = 2", ["f" * 64])

    report = audit_chain_verify(chunk_size=10)

    # THEN the chain breaks at 2 (own hash) — and a forged hash could only move it to 3
    assert report.broken_at == 2


@pytest.mark.usefixtures("five_events")
def test_a_deleted_row_is_found() -> None:
    raw_sql("DELETE FROM audit_auditevent WHERE sequence = 4")

    _, error = verify()

    assert error is not None
    assert "BROKEN at sequence 4" in str(error)
    assert "missing" in str(error)


@pytest.mark.usefixtures("five_events")
def test_a_deleted_tail_is_found_from_the_chain_head() -> None:
    raw_sql("DELETE FROM audit_auditevent WHERE sequence = 5")

    report = audit_chain_verify()

    assert report.broken_at == 5
    assert "missing from the end" in report.problem


@pytest.mark.usefixtures("five_events")
def test_a_row_added_outside_audit_record_is_found() -> None:
    # GIVEN the chain head rolled back by one, as if event 5 had been forged in
    AuditChainHead.objects.update(last_sequence=4)

    report = audit_chain_verify()

    assert report.broken_at == 5
    assert "outside audit_record" in report.problem


@pytest.mark.usefixtures("five_events")
def test_a_removed_chain_head_is_found() -> None:
    AuditChainHead.objects.all().delete()

    report = audit_chain_verify()

    assert not report.ok
    assert "head row is missing" in report.problem
