"""Where a document stands (Document.status), written here and nowhere else.

The approval services move a document along its life; each move is one of these,
and any other is refused, so a bug or a race that would, say, recall an approved
document or approve a returned one fails loudly instead of corrupting the record:

- draft -> in progress (submit), in progress -> draft (recall);
- in progress <-> on hold (a step held or released);
- in progress or on hold -> returned (to the drafter), returned -> in progress
  (resubmitted);
- in progress -> approved (the final approval);
- draft, in progress, on hold or returned -> withdrawn.

Approved and withdrawn are final.
"""

from django.utils.translation import gettext_lazy as _

from core.errors import ConflictError
from documents.models import Document, DocumentStatus

S = DocumentStatus
TRANSITIONS: dict[str, frozenset[str]] = {
    S.DRAFT: frozenset({S.IN_PROGRESS, S.WITHDRAWN}),
    S.IN_PROGRESS: frozenset({S.ON_HOLD, S.RETURNED, S.APPROVED, S.DRAFT, S.WITHDRAWN}),
    S.ON_HOLD: frozenset({S.IN_PROGRESS, S.RETURNED, S.WITHDRAWN}),
    S.RETURNED: frozenset({S.IN_PROGRESS, S.WITHDRAWN}),
    S.APPROVED: frozenset(),
    S.WITHDRAWN: frozenset(),
}


def document_status_set(*, document: Document, status: str, fields: tuple[str, ...] = ()) -> None:
    """Move `document` (locked by the caller) to `status` and save it with `fields`.

    Staying where it is is allowed (a hold recomputed); a move the life above does not
    have is refused with ConflictError and nothing is saved.
    """
    if status != document.status and status not in TRANSITIONS[document.status]:
        raise ConflictError(_("The document is no longer in a state that allows this. Reload it."))
    document.status = status
    document.save(update_fields=["status", "updated_at", *fields])
