"""The documents app's write services (keyword-only, typed, `<entity>_<action>`).

Other apps import from here, never from the modules below, so the modules can be
rearranged without breaking callers.
"""

from documents.services.attachments import attachment_add, attachment_delete
from documents.services.budget import budget_check_available, budget_commit
from documents.services.drafts import (
    document_edit_by_approver,
    draft_create,
    draft_delete,
    draft_update,
)
from documents.services.numbering import document_number_assign
from documents.services.personnel import personnel_apply, personnel_apply_due
from documents.services.versions import canonical_content, content_hash, version_snapshot

__all__ = [
    "attachment_add",
    "attachment_delete",
    "budget_check_available",
    "budget_commit",
    "canonical_content",
    "content_hash",
    "document_edit_by_approver",
    "document_number_assign",
    "draft_create",
    "draft_delete",
    "draft_update",
    "personnel_apply",
    "personnel_apply_due",
    "version_snapshot",
]
