"""Budget request (예산 집행 품의): approval commits the amount to its budget line.

Example: the Parks Division asks to spend 12,000,000 KRW from budget line
"2026-PARK-0301" on saplings. On submission the line must still have that much
uncommitted (checked by the submit service); the budget division consults as the
mandatory consultation; when the division head approves, the amount is committed
to the line (`commit_budget`) and the request is numbered (`finalize`).

Why it is shaped so: the commitment and the number belong to the final approval
itself. Both nodes run in the final approver's transaction under the flow lock and
`budget_commit` locks the budget line row, so two approvals that together would
overcommit a line cannot both succeed: the second is refused and rolled back
whole, its step stays pending, and the approver sees which field is at fault.
"""

from typing import Any

from viewflow import this
from viewflow.workflow import nodes
from viewflow.workflow.base import Flow

from approvals.services.stages import document_finalize
from documents.models import Document
from documents.services import budget_commit
from workflows.chain import ApprovalChain, document_id_of
from workflows.nodes import Function, approval_lock


class BudgetFlow(ApprovalChain, Flow):
    """Budget request approval

    A budget request passes its line; the final approval commits the amount and
    numbers the request.
    """

    lock_impl = approval_lock

    finalize = Function(this.commit_budget).Next(this.number_document)
    number_document = Function(this.approve_document).Next(this.end)
    end = nodes.End()

    def commit_budget(self, activation: Any) -> None:
        budget_commit(document=Document.objects.get(pk=document_id_of(activation)))

    def approve_document(self, activation: Any) -> None:
        document_finalize(document_id=document_id_of(activation))
