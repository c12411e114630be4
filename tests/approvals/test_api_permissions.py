"""Who may call each approvals endpoint: anonymous, someone off the line, a line member
who is not the task's owner, and the owner (or drafter)."""

import pytest
from rest_framework.test import APIClient

from audit.models import AuditEvent
from tests.factories.approvals import approval_org, open_step, submit
from tests.factories.directory import PersonFactory

pytestmark = pytest.mark.django_db

TASK_ACTIONS = {
    "approve": {"comment": "ok"},
    "return": {"reason": "보완"},
    "hold": {"reason": "확인"},
    "release": {},
    "agree": {},
    "disagree": {"comment": "반대"},
    "edit": {"content": {"title": "x"}},
    "post-approve": {},
}
DOCUMENT_ACTIONS = {
    "submit": {},
    "recall": {},
    "resubmit": {},
    "withdraw": {"reason": "취소"},
}


@pytest.fixture
def submitted():
    org = approval_org()
    return org, submit(org)


@pytest.mark.parametrize("action", TASK_ACTIONS)
def test_task_actions_refuse_anonymous_and_outsiders(client_as, submitted, action):
    org, document = submitted
    step = open_step(document, org.reviewer)
    url = f"/api/tasks/{step.pk}/{action}/"
    events = AuditEvent.objects.count()

    assert APIClient().post(url, TASK_ACTIONS[action], format="json").status_code in (401, 403)
    outsider = PersonFactory.create()
    assert client_as(outsider).post(url, TASK_ACTIONS[action], format="json").status_code == 404
    # the final approver is on the line and sees the document, but it is not their turn
    response = client_as(org.approver).post(url, TASK_ACTIONS[action], format="json")
    assert response.status_code in (403, 409)
    assert AuditEvent.objects.count() == events  # nothing was recorded


def test_the_task_owner_may_approve_and_the_detail_lists_their_actions(client_as, submitted):
    org, document = submitted
    step = open_step(document, org.reviewer)
    detail = client_as(org.reviewer).get(f"/api/tasks/{step.pk}/")
    assert detail.status_code == 200
    assert detail.json()["actions"] == ["approve", "return", "hold", "edit"]
    assert client_as(org.approver).get(f"/api/tasks/{step.pk}/").json()["actions"] == []
    assert client_as(PersonFactory.create()).get(f"/api/tasks/{step.pk}/").status_code == 404
    assert client_as(org.reviewer).post(f"/api/tasks/{step.pk}/approve/").status_code == 200
    # a second approval of the same task is a conflict
    assert client_as(org.reviewer).post(f"/api/tasks/{step.pk}/approve/").status_code == 409


@pytest.mark.parametrize("action", DOCUMENT_ACTIONS)
def test_document_actions_are_the_drafters(client_as, submitted, action):
    org, document = submitted
    url = f"/api/documents/{document.pk}/{action}/"
    body = DOCUMENT_ACTIONS[action]
    assert APIClient().post(url, body, format="json").status_code in (401, 403)
    assert client_as(PersonFactory.create()).post(url, body, format="json").status_code == 404
    assert client_as(org.reviewer).post(url, body, format="json").status_code == 403


def test_a_login_without_a_staff_record_is_refused(submitted):
    from tests.factories.directory import UserFactory

    client = APIClient()
    client.force_authenticate(UserFactory.create())
    assert client.get("/api/boxes/to_act/").status_code == 403
