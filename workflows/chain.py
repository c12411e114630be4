"""The approval chain every document flow shares: stages in order, then approval.

    start -> activate_stage -> route_stage --returned to drafter--> revise
                                           --consult stage--------> consult_split =>
                          consult (one per consultee, in parallel) => consult_join
                                           --final approval-------> approve
                                           --review---------------> review
                                           --line complete--------> finalize (per flow)
    review, approve, consult_join, revise -> activate_stage (the loop over stages)

The stage loop needs no pointer: after every step `activate_stage` opens the first
stage of the current round that still has waiting steps (none when the document was
returned or its line is complete), which is also how a return to the previous step
(전단계 반려) re-opens an earlier stage; `route_stage` then sends the token to what is
open, to the drafter, or to the end of the line. A return to the drafter, a
recall and a resubmission all meet at `revise`, the drafter's task, so "revise and
send again" is one path whatever sent the document back.

The people are not in the flow: the stages and steps (approvals.models) say who is
on the line; each human task carries `{"step_id": ...}` and the step records the
task. Nodes call services; gateways use the named predicates below.
"""

from typing import Any

from viewflow import this
from viewflow.workflow import nodes

from approvals.models import StageKind
from approvals.selectors import RoundState, round_state
from approvals.services.stages import stage_open, step_owner, step_task_link, step_task_owner
from documents.models import Document, DocumentStatus
from workflows.nodes import ApprovalTask, Function, SplitEach, Switch, execution_memo

# One action passes several nodes in a row (activate_stage, route_stage, then the
# new task's data and owner); each used to read the line again. The first
# reads it once into the execution memo; open_stage updates it with the steps it
# opened, and link_step drops it, so the next gateway sees the line as it is now.
# The owners of the steps open_stage opened are kept there too.
ROUND = "approval_round_state"
OWNERS = "approval_step_owners"


def document_id_of(activation: Any) -> int:
    """The document a process routes (Process.artifact points at it)."""
    return int(activation.process.artifact_object_id)


def line_of(activation: Any) -> RoundState:
    """The current round as this execution last read it."""
    memo = execution_memo(activation)
    if ROUND not in memo:
        memo[ROUND] = round_state(document_id=document_id_of(activation))
    state: RoundState = memo[ROUND]
    return state


def line_changed(activation: Any) -> None:
    """Forget the line read so far: the next gateway reads it again."""
    execution_memo(activation).pop(ROUND, None)


# Gateways' predicates -------------------------------------------------------


def is_consult_stage(activation: Any) -> bool:
    return line_of(activation).current_stage_kind() == StageKind.CONSULT


def is_final_stage(activation: Any) -> bool:
    return line_of(activation).current_stage_kind() == StageKind.APPROVE


def is_returned_to_drafter(activation: Any) -> bool:
    return line_of(activation).document_status == DocumentStatus.RETURNED


def is_review_stage(activation: Any) -> bool:
    return line_of(activation).current_stage_kind() == StageKind.REVIEW


def is_line_complete(activation: Any) -> bool:
    """Every step of the round has been acted on: nothing open, nothing waiting."""
    line = line_of(activation)
    return line.current_stage_kind() is None and line.next_stage_id() is None


# Task data and owners ---------------------------------------------------------


def pending_step_data(activation: Any) -> dict[str, int]:
    """Task data of the single open step of a review or final-approval stage."""
    return pending_steps(activation)[0]


def pending_steps(activation: Any) -> list[dict[str, int]]:
    """Task data of every open step of a consultation stage, one task each."""
    return [{"step_id": pk} for pk in line_of(activation).pending_step_ids()]


def task_owner(activation: Any) -> Any:
    step_id = activation.task.data["step_id"]
    owners: dict[int, Any] = execution_memo(activation).get(OWNERS, {})
    if step_id in owners:
        return owners[step_id]
    return step_task_owner(step_id=step_id)


def drafter_user(activation: Any) -> Any:
    return (
        Document.objects.select_related("drafter__user")
        .get(pk=document_id_of(activation))
        .drafter.user
    )


def _human(title: str) -> ApprovalTask:
    node = ApprovalTask()
    node.Annotation(title=title)
    return node


class ApprovalChain:
    """Nodes of the shared chain; a flow mixes this in and defines `finalize`.

    Node names are stored in viewflow's tables: renaming one needs a data migration.
    """

    start = nodes.StartHandle(this.start_process).Next(this.activate_stage)
    activate_stage = Function(this.open_stage).Next(this.route_stage)
    # route_stage used to be two gateways (route_step chose final or review) behind a
    # third after each step (after_step); their old tasks load as viewflow's Obsolete
    # node. No default: a line in no known state stops the action with an error.
    route_stage = (
        Switch()
        .Case(this.revise, is_returned_to_drafter)
        .Case(this.consult_split, is_consult_stage)
        .Case(this.approve, is_final_stage, task_data=pending_step_data)
        .Case(this.review, is_review_stage, task_data=pending_step_data)
        .Case(this.finalize, is_line_complete)
    )
    review = _human("Review").Assign(task_owner).onCreate(this.link_step).Next(this.activate_stage)
    approve = (
        _human("Final approval")
        .Assign(task_owner)
        .onCreate(this.link_step)
        .Next(this.activate_stage)
    )
    consult_split = SplitEach().Next(this.consult, data_source=pending_steps)
    consult = (
        _human("Consultation").Assign(task_owner).onCreate(this.link_step).Next(this.consult_join)
    )
    consult_join = nodes.Join().Next(this.activate_stage)
    revise = _human("Revise").Assign(drafter_user).Next(this.activate_stage)

    def start_process(self, activation: Any, document: Document) -> Any:
        activation.process.artifact = document
        return activation.process

    def open_stage(self, activation: Any) -> None:
        """Open the next stage, if the line goes on (not returned, not complete)."""
        line = line_of(activation)
        stage_id = line.next_stage_id()
        if stage_id is None or line.document_status == DocumentStatus.RETURNED:
            return
        steps = stage_open(document_id=document_id_of(activation), stage_id=stage_id)
        memo = execution_memo(activation)
        memo[ROUND] = line.with_opened(step.pk for step in steps)
        memo[OWNERS] = {step.pk: step_owner(step).user for step in steps}

    def link_step(self, activation: Any) -> None:
        step_task_link(task=activation.task)
        line_changed(activation)
