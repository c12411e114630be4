"""An approver edits the content before acting (the change becomes a new version)."""

from typing import Any

from approvals.models import StageKind
from approvals.services.guards import step_check_actor, step_locked
from directory.models import Person
from documents.models import DocumentVersion
from documents.services import document_edit_by_approver


def step_edit_content(
    *, step_id: int, actor: Person, data: dict[str, Any], client_address: str | None = None
) -> DocumentVersion:
    """Edit the document as the owner of an open step; the edit is its own version.

    Only whoever must act now may edit, so the content cannot change under them.
    """
    with step_locked(step_id, actor=actor) as step:
        step_check_actor(step, actor=actor, kinds=tuple(StageKind.values))
        # document_edit_by_approver snapshots the version and records the event.
        return document_edit_by_approver(
            document=step.stage.document, actor=actor, data=data, client_address=client_address
        )
