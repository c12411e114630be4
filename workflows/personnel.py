"""Personnel action (인사발령): approved, then applied to the directory on its date.

Example: HR drafts the transfer of a 주무관 to the Parks Division effective
1 March. The line runs as for any document and the final approval numbers it. If
1 March has come, the transfer is applied at once; otherwise the flow waits on a
database timer (`wait_effective_date`) that the Celery beat sweep fires at local
midnight of 1 March, then applies it (`apply_action`).

Why it is shaped so: the approval and the change to the directory are separate
moments. A viewflow Timer keeps the due moment in the database (it survives a
broker flush and a restart), the wait shows on the process diagram, and
`personnel_apply` is idempotent, so a timer fired twice changes nothing twice.
"""

from datetime import datetime
from typing import Any

from django.utils import timezone
from viewflow import this
from viewflow.workflow import nodes
from viewflow.workflow.base import Flow

from approvals.services.personnel import personnel_action_apply, personnel_effective_at
from approvals.services.stages import document_finalize
from workflows.chain import ApprovalChain, document_id_of
from workflows.nodes import Function, If, approval_lock


def is_effective_now(activation: Any) -> bool:
    """True when the action's effective date has come (local time)."""
    return personnel_effective_at(document_id=document_id_of(activation)) <= timezone.now()


def effective_moment(activation: Any) -> datetime:
    return personnel_effective_at(document_id=document_id_of(activation))


class PersonnelFlow(ApprovalChain, Flow):
    """Personnel action approval

    A personnel action passes its line, is numbered, and is applied to the directory
    on its effective date.
    """

    lock_impl = approval_lock

    finalize = Function(this.approve_document).Next(this.check_effective_date)
    check_effective_date = (
        If(is_effective_now).Then(this.apply_action).Else(this.wait_effective_date)
    )
    wait_effective_date = nodes.Timer(effective_moment).Next(this.apply_action)
    apply_action = Function(this.apply_personnel).Next(this.end)
    end = nodes.End()

    def approve_document(self, activation: Any) -> None:
        document_finalize(document_id=document_id_of(activation))

    def apply_personnel(self, activation: Any) -> None:
        personnel_action_apply(document_id=document_id_of(activation))
