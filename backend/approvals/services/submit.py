"""Sending a document on its line: the first submission and every resubmission.

A submission validates the line against the rules (line_validate), writes the stages
and steps of a new round (line_set), snapshots the content (version_snapshot), checks
the budget of a budget request, and hands the document to its flow: a new process
for the first round, the drafter's revise task for the later ones.
"""

from typing import Any

from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from approvals import progress
from approvals.engine import flow_class_for, process_for, process_locked, task_execute
from approvals.line import LineSpec, StageSpec, line_set, line_validate
from approvals.models import ApprovalStep, Reference, StageKind
from approvals.services.guards import require_drafter, require_status
from approvals.services.recording import action_record, people_notify, references_of
from core.errors import ConflictError, InvalidInput
from directory.models import Person
from documents.models import Document, DocumentKind, DocumentStatus, DocumentVersion
from documents.services import budget_check_available, draft_update, version_snapshot
from documents.services.status import document_status_set


def line_of_round(*, document: Document, round: int) -> LineSpec:
    """The line a round ran on, as a spec to send the next round on the same people.

    A stage re-opened by a return to the previous step holds several rows per
    position; each position (`order`) counts once, with its latest assignee.
    """
    stages = []
    for stage in document.stages.filter(round=round).order_by("order"):
        latest: dict[int, int] = {}
        for order, assignee_id in stage.steps.order_by("order", "id").values_list(
            "order", "assignee_id"
        ):
            latest[order] = assignee_id
        stages.append(StageSpec(kind=StageKind(stage.kind), assignee_ids=tuple(latest.values())))
    references = Reference.objects.filter(document=document).values_list("person_id", flat=True)
    return LineSpec(stages=tuple(stages), reference_ids=tuple(references))


def _units_record(*, document: Document, round: int) -> None:
    """Note each step's assignee's unit, where a successor is found if they move."""
    unit = Person.objects.filter(pk=OuterRef("assignee_id")).values("unit_id")[:1]
    ApprovalStep.objects.filter(
        stage__document=document, stage__round=round, assignee_unit__isnull=True
    ).update(assignee_unit=Subquery(unit))


def _round_prepare(
    *, document: Document, actor: Person, spec: LineSpec, round: int, reason: str
) -> DocumentVersion:
    _require_disclosure_choice(document)
    line_validate(document=document, spec=spec)
    # One transaction: a version check or the budget check refusing the document must
    # not leave this round's line behind, or the next submission would find it set.
    with transaction.atomic():
        line_set(document=document, spec=spec, round=round)
        _units_record(document=document, round=round)
        version = version_snapshot(document=document, reason=reason, actor=actor)
        if document.kind == DocumentKind.BUDGET:
            budget_check_available(document=document)
        document.refresh_from_db()
        document.submitted_at = timezone.now()
        document_status_set(
            document=document, status=DocumentStatus.IN_PROGRESS, fields=("submitted_at",)
        )
    return version


def _require_disclosure_choice(document: Document) -> None:
    """No silent default: the drafter says open, partial or closed before it goes."""
    if not document.proposed_disclosure_level:
        raise InvalidInput(
            {
                "proposed_disclosure_level": [
                    _("Choose whether the document is open, partially open or closed.")
                ]
            }
        )


def document_submit(
    *,
    document: Document,
    actor: Person,
    spec: LineSpec | None,
    idempotency_key: str | None = None,
    client_address: str | None = None,
) -> Document:
    """Submit a draft on `spec` (the line the drafter picked or accepted).

    A recalled document is a draft with an open revise task: submitting it again is a
    resubmission (a new round). With the same `idempotency_key` as the submission
    that started the process, nothing happens again and the document is returned.
    """
    require_drafter(document, actor=actor)
    process = process_for(document_id=document.pk)
    if (
        process is not None
        and idempotency_key
        and process.data.get("submit_key") == idempotency_key
    ):
        return Document.objects.get(pk=document.pk)
    if process is not None:
        return document_resubmit(
            document=document, actor=actor, data=None, spec=spec, client_address=client_address
        )
    require_status(document, DocumentStatus.DRAFT)
    if spec is None:
        raise InvalidInput({"line": [_("An approval line is required.")]})
    version = _round_prepare(
        document=document, actor=actor, spec=spec, round=1, reason=DocumentVersion.Reason.SUBMITTED
    )
    flow_class = flow_class_for(kind=document.kind)
    process = flow_class.start.run(document=document)
    if idempotency_key:
        process.data["submit_key"] = idempotency_key
        process.save(update_fields=["data"])
    action_record(
        action="document.submitted", actor=actor, document=document,
        client_address=client_address, data={"version": version.number, "round": 1},
    )  # fmt: skip
    _references_notify(document, actor=actor)
    return Document.objects.get(pk=document.pk)


def _references_notify(document: Document, *, actor: Person) -> None:
    people_notify(
        recipients=references_of(document),
        kind="referenced",
        document=document,
        context={"actor_name": actor.name},
    )


def _revise_task(process: Any) -> Any:
    task = process.task_set.filter(flow_task=process.flow_class.revise, status="ASSIGNED").first()
    if task is None:
        raise ConflictError(_("The document is not waiting for revision."))
    return task


def document_resubmit(
    *,
    document: Document,
    actor: Person,
    data: dict[str, Any] | None,
    spec: LineSpec | None = None,
    client_address: str | None = None,
) -> Document:
    """Send a returned or recalled document again, as a new round on its line.

    `data` (with the `lock_version` the drafter edited) revises the draft first;
    `spec` changes the line, by default the people of the last round are asked again.
    """
    require_drafter(document, actor=actor)
    require_status(document, DocumentStatus.RETURNED, DocumentStatus.DRAFT)
    process = process_for(document_id=document.pk)
    if process is None:
        raise ConflictError(_("The document has not been submitted yet."))
    with process_locked(process):
        task = _revise_task(process)
        if data:
            fields = dict(data)
            if "lock_version" not in fields:
                raise InvalidInput({"lock_version": [_("This field is required.")]})
            lock_version = int(fields.pop("lock_version"))
            draft_update(document=document, actor=actor, lock_version=lock_version, data=fields)
            document.refresh_from_db()
        round = progress.current_round(document_id=document.pk) + 1
        spec = spec or line_of_round(document=document, round=round - 1)
        version = _round_prepare(
            document=document, actor=actor, spec=spec, round=round,
            reason=DocumentVersion.Reason.RESUBMITTED,
        )  # fmt: skip
        task_execute(task=task, user=actor.user)
        action_record(
            action="document.resubmitted", actor=actor, document=document,
            client_address=client_address, data={"version": version.number, "round": round},
        )  # fmt: skip
        _references_notify(document, actor=actor)
    return Document.objects.get(pk=document.pk)
