"""audit_record: one event per call, numbered without gaps, each linked to the one before."""

import pytest
from django.db import transaction

from audit.hashing import GENESIS_HASH, event_hash
from audit.models import AppendOnlyError, AuditEvent
from audit.services import audit_record
from tests.factories.directory import PersonFactory, UserFactory
from tests.factories.documents import DocumentFactory

pytestmark = pytest.mark.django_db


def test_the_first_event_starts_the_chain() -> None:
    # GIVEN an empty log and a person acting on a document
    person = PersonFactory.create(name="김결재")
    document = DocumentFactory.create(drafter=person)

    # WHEN an action is recorded
    event = audit_record(
        action="document.submitted",
        actor=person.user,
        document=document,
        version_hash="a" * 64,
        client_address="10.0.0.7",
        data={"round": 1},
    )

    # THEN it is number 1, links to the genesis hash and names who acted
    event.refresh_from_db()
    assert event.sequence == 1
    assert event.prev_hash == GENESIS_HASH
    assert event.actor_name == "김결재"
    assert event.document_id == document.pk
    assert event.client_address == "10.0.0.7"
    assert event.hash == event_hash(event.chain_fields())


def test_each_event_links_to_the_previous_one() -> None:
    # GIVEN one recorded event
    first = audit_record(action="document.created", actor=None)

    # WHEN two more are recorded
    second = audit_record(action="step.approved", actor=UserFactory.create())
    third = audit_record(action="step.returned", actor=None, data={"reason": "보완 필요"})

    # THEN the numbers run on and each event names the hash of the one before
    assert [first.sequence, second.sequence, third.sequence] == [1, 2, 3]
    assert second.prev_hash == first.hash
    assert third.prev_hash == second.hash


def test_a_user_without_a_person_is_named_by_username() -> None:
    user = UserFactory.create(username="sysadmin")

    event = audit_record(action="rule.changed", actor=user)

    assert event.actor_name == "sysadmin"


def test_the_target_object_is_recorded_by_type_and_id() -> None:
    target = PersonFactory.create()

    event = audit_record(action="absence.created", actor=None, target=target)

    assert (event.object_type, event.object_id) == ("directory.person", str(target.pk))


def test_data_is_stored_as_it_was_hashed() -> None:
    # GIVEN data with values JSON has no type for (a date)
    import datetime

    event = audit_record(
        action="personnel.applied", actor=None, data={"effective": datetime.date(2025, 3, 1)}
    )

    # WHEN the event is read back
    stored = AuditEvent.objects.get(pk=event.pk)

    # THEN the stored value is the string that was hashed and the hash still matches
    assert stored.data == {"effective": "2025-03-01"}
    assert event_hash(stored.chain_fields()) == stored.hash


def test_an_ipv6_address_survives_the_round_trip() -> None:
    event = audit_record(action="document.viewed", actor=None, client_address="2001:DB8:0::1")

    stored = AuditEvent.objects.get(pk=event.pk)

    assert stored.client_address == "2001:db8::1"
    assert event_hash(stored.chain_fields()) == stored.hash


def test_a_rolled_back_action_leaves_no_event_and_no_gap() -> None:
    # GIVEN an action whose transaction rolls back after recording
    audit_record(action="document.created", actor=None)

    def failing_action() -> None:
        with transaction.atomic():
            audit_record(action="document.submitted", actor=None)
            raise RuntimeError("the action failed")

    with pytest.raises(RuntimeError):
        failing_action()

    # WHEN the next action is recorded
    event = audit_record(action="document.submitted", actor=None)

    # THEN it takes the number the rolled back one would have had
    assert event.sequence == 2
    assert AuditEvent.objects.count() == 2


@pytest.mark.parametrize("action", ["", "x" * 65])
def test_an_action_name_must_be_given_and_short(action: str) -> None:
    with pytest.raises(ValueError, match="dotted name"):
        audit_record(action=action, actor=None)


def test_an_event_cannot_be_changed_through_the_model() -> None:
    event = audit_record(action="document.created", actor=None)

    event.action = "document.approved"
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        event.delete()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.filter(pk=event.pk).update(action="document.approved")
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.all().delete()

    assert AuditEvent.objects.get(pk=event.pk).action == "document.created"
