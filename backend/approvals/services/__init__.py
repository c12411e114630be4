"""The approval actions (writes). Every one is keyword-only, audited, and runs under
the document's flow lock; see each module for the rule it enforces."""

from approvals.services.deadlines import deadlines_scan, timers_fire_due
from approvals.services.edit import step_edit_content
from approvals.services.proxy import (
    line_reassign_after_directory_change,
    post_approve,
    proxies_follow_absences,
)
from approvals.services.recall import document_recall, document_withdraw
from approvals.services.steps import (
    consult_respond,
    step_approve,
    step_hold,
    step_release,
    step_return,
)
from approvals.services.submit import document_resubmit, document_submit

__all__ = [
    "consult_respond",
    "deadlines_scan",
    "document_recall",
    "document_resubmit",
    "document_submit",
    "document_withdraw",
    "line_reassign_after_directory_change",
    "post_approve",
    "proxies_follow_absences",
    "step_approve",
    "step_edit_content",
    "step_hold",
    "step_release",
    "step_return",
    "timers_fire_due",
]
