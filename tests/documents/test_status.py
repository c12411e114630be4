"""Document.status moves only along the document's life (documents.services.status)."""

import pytest

from approvals.services import document_recall, step_approve
from core.errors import ConflictError
from documents.models import Document, DocumentStatus
from documents.services.status import TRANSITIONS, document_status_set
from tests.factories.approvals import approval_org, open_step, submit

pytestmark = pytest.mark.django_db


def _approved() -> Document:
    org = approval_org()
    document = submit(org)
    step_approve(step_id=open_step(document, org.reviewer).pk, actor=org.reviewer)
    step_approve(step_id=open_step(document, org.approver).pk, actor=org.approver)
    document.refresh_from_db()
    assert document.status == DocumentStatus.APPROVED
    return document


@pytest.mark.parametrize("status", [s for s in DocumentStatus.values if s != "approved"])
def test_an_approved_document_moves_nowhere(status: str) -> None:
    # GIVEN a document approved through its line
    document = _approved()

    # WHEN anything tries to move it / THEN it is refused and the row is unchanged
    with pytest.raises(ConflictError):
        document_status_set(document=Document.objects.get(pk=document.pk), status=status)
    assert Document.objects.get(pk=document.pk).status == DocumentStatus.APPROVED


def test_a_recalled_document_is_a_draft_again_and_may_not_jump_to_approved() -> None:
    org = approval_org()
    document = submit(org)
    document_recall(document=document, actor=org.drafter)
    document.refresh_from_db()
    assert document.status == DocumentStatus.DRAFT

    with pytest.raises(ConflictError):
        document_status_set(document=document, status=DocumentStatus.APPROVED)
    assert Document.objects.get(pk=document.pk).status == DocumentStatus.DRAFT


def test_every_status_has_its_moves_and_the_final_ones_have_none() -> None:
    assert set(TRANSITIONS) == set(DocumentStatus.values)
    assert TRANSITIONS[DocumentStatus.WITHDRAWN] == frozenset()
    assert TRANSITIONS[DocumentStatus.APPROVED] == frozenset()
