"""GET /api/audit/events/: administrators and records officers read; nobody else."""

from datetime import datetime

import pytest
from rest_framework.test import APIClient

from audit.hashing import ChainFields, event_hash
from audit.models import AuditEvent
from audit.services import audit_record
from directory.models import Role
from tests.factories.directory import PersonFactory, UserFactory, role_member
from tests.factories.documents import DocumentFactory

pytestmark = pytest.mark.django_db

URL = "/api/audit/events/"


@pytest.fixture
def history():
    """Two documents with events of their own, and one event on no document."""
    first, second = DocumentFactory.create(), DocumentFactory.create()
    audit_record(action="document.submitted", actor=first.drafter.user, document=first)
    audit_record(action="step.approved", actor=None, document=first, client_address="10.1.1.1")
    audit_record(action="document.submitted", actor=second.drafter.user, document=second)
    audit_record(action="rule.changed", actor=None)
    return first, second


def client_for(role: Role | None) -> APIClient:
    person = PersonFactory.create()
    if role is not None:
        role_member(role, person)
    client = APIClient()
    client.force_authenticate(person.user)
    return client


def test_anonymous_is_refused(history) -> None:
    response = APIClient().get(URL)

    assert response.status_code in (401, 403)
    assert response.json()["type"] == "not_authenticated"


@pytest.mark.parametrize("role", [None, Role.FINANCE, Role.MANAGER])
def test_staff_without_the_right_are_refused(history, role: Role | None) -> None:
    list_response = client_for(role).get(URL)
    detail_response = client_for(role).get(f"{URL}1/")

    assert list_response.status_code == 403
    assert list_response.json()["type"] == "permission_denied"
    assert detail_response.status_code == 403


@pytest.mark.parametrize("role", [Role.ADMINISTRATOR, Role.RECORDS_OFFICER])
def test_readers_see_a_documents_events_newest_first(history, role: Role) -> None:
    # GIVEN a reader and a document with two events
    first, _ = history

    # WHEN they ask for that document's events
    response = client_for(role).get(URL, {"document": first.pk})

    # THEN they get exactly those, newest first, with the chain fields to recheck them
    assert response.status_code == 200
    results = response.json()["results"]
    assert [row["action"] for row in results] == ["step.approved", "document.submitted"]
    assert results[0]["client_address"] == "10.1.1.1"
    newest = results[0]
    fields = ChainFields(
        sequence=newest["sequence"],
        created_at=datetime.fromisoformat(newest["created_at"]),
        actor_id=newest["actor"],
        action=newest["action"],
        document_id=newest["document"],
        object_type=newest["object_type"],
        object_id=newest["object_id"],
        version_hash=newest["version_hash"],
        client_address=newest["client_address"],
        data=newest["data"],
        prev_hash=newest["prev_hash"],
    )
    assert event_hash(fields) == newest["hash"]


def test_a_superuser_reads_and_filters_by_action_prefix(history) -> None:
    client = APIClient()
    client.force_authenticate(UserFactory.create(is_superuser=True))

    response = client.get(URL, {"action": "document."})

    assert response.status_code == 200
    assert [row["action"] for row in response.json()["results"]] == ["document.submitted"] * 2


def test_a_bad_filter_names_the_field(history) -> None:
    response = client_for(Role.ADMINISTRATOR).get(URL, {"document": "abc"})

    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "document"


def test_one_event_can_be_read(history) -> None:
    first = AuditEvent.objects.get(sequence=1)

    response = client_for(Role.RECORDS_OFFICER).get(f"{URL}{first.pk}/")

    assert response.status_code == 200
    assert response.json()["sequence"] == 1


def test_the_event_list_takes_a_fixed_number_of_queries(
    django_assert_max_num_queries,
) -> None:
    # GIVEN many events by many actors on many documents
    for _ in range(30):
        document = DocumentFactory.create()
        audit_record(action="document.submitted", actor=document.drafter.user, document=document)
    client = client_for(Role.ADMINISTRATOR)

    # WHEN a full page is listed
    # THEN the queries do not grow with the rows: role check and one page query
    with django_assert_max_num_queries(2):
        response = client.get(URL, {"page_size": 50})
    assert len(response.json()["results"]) == 30


def test_pages_follow_a_cursor(history) -> None:
    client = client_for(Role.ADMINISTRATOR)

    first_page = client.get(URL, {"page_size": 3}).json()
    second_page = client.get(first_page["next"]).json()

    assert [row["sequence"] for row in first_page["results"]] == [4, 3, 2]
    assert [row["sequence"] for row in second_page["results"]] == [1]
