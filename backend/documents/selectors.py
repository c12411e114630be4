"""Reading documents: who may see which (need-to-know), and a document's timeline."""

from datetime import datetime
from typing import Any

from django.db.models import F, Q, QuerySet
from django.utils.translation import gettext as _

from approvals.line_heads import unit_head, unit_subtree_ids
from approvals.models import ApprovalStep, Reference
from audit.models import AuditEvent
from directory.models import Person, Role, Unit
from documents.models import BudgetLine, BudgetRequest, Document, DocumentStatus

SEES_EVERYTHING = (Role.RECORDS_OFFICER, Role.ADMINISTRATOR)


def _headed_unit_ids(person: Person) -> set[int]:
    """The units `person` heads (their own, if they are its head) and all below them."""
    if person.position is None or not person.position.is_head:
        return set()
    head = unit_head(person.unit)
    if head is None or head.pk != person.pk:
        return set()
    return unit_subtree_ids([person.unit_id])


def documents_visible_to(*, person: Person) -> QuerySet[Document]:
    """The documents `person` may open; everything else answers 404.

    Need-to-know: the drafter; everyone on the line, incl. who acted as proxy, and the
    references; the heads of the drafting unit and of the units above it; records
    officers and administrators (their role group, or a superuser). A draft that was
    never submitted is the drafter's own: heads and records officers do not see it.
    """
    user = person.user
    if user.is_superuser or user.groups.filter(name=Role.ADMINISTRATOR).exists():
        return Document.objects.all()
    submitted = ~Q(status=DocumentStatus.DRAFT) | Q(current_version__isnull=False)
    if user.groups.filter(name=Role.RECORDS_OFFICER).exists():
        return Document.objects.filter(submitted | Q(drafter=person))
    on_line = ApprovalStep.objects.filter(Q(assignee=person) | Q(acted_by=person)).values(
        "stage__document_id"
    )
    referenced = Reference.objects.filter(person=person).values("document_id")
    visible = Q(drafter=person) | Q(pk__in=on_line) | Q(pk__in=referenced)
    headed = _headed_unit_ids(person)
    if headed:
        visible |= Q(unit_id__in=headed) & submitted
    return Document.objects.filter(visible)


def _event_item(event: AuditEvent) -> dict[str, Any]:
    return {
        "at": event.created_at,
        "origin": "audit",
        "action": event.action,
        "actor": event.actor_name,
        "version_hash": event.version_hash,
        "details": event.data,
    }


def _step_item(step: ApprovalStep, at: datetime, action: str) -> dict[str, Any]:
    return {
        "at": at,
        "origin": "line",
        "action": action,
        "actor": step.acted_by.name if step.acted_by else step.assignee.name,
        "version_hash": "",
        "details": {
            "step": step.pk,
            "round": step.stage.round,
            "stage": step.stage.kind,
            "assignee": step.assignee.name,
            "status": step.status,
            "is_proxy": step.is_proxy,
            "is_delegated": step.is_delegated,
            "comment": step.comment,
        },
    }


def document_timeline(*, document: Document) -> list[dict[str, Any]]:
    """Every event of the document, oldest first.

    The audit log is the record; the line adds when each step reached its assignee,
    and any action on a step the log does not name (so nothing is shown twice).
    """
    events = list(
        AuditEvent.objects.filter(
            Q(document=document) | Q(object_type="documents.document", object_id=str(document.pk))
        ).order_by("sequence")
    )
    audited_steps = {e.object_id for e in events if e.object_type == "approvals.approvalstep"}
    items = [_event_item(event) for event in events]
    steps = ApprovalStep.objects.filter(stage__document=document).select_related(
        "stage", "assignee", "acted_by"
    )
    for step in steps:
        if step.activated_at:
            items.append(_step_item(step, step.activated_at, "step.activated"))
        if step.acted_at and str(step.pk) not in audited_steps:
            items.append(_step_item(step, step.acted_at, f"step.{step.status}"))
        if step.post_approved_at:
            items.append(_step_item(step, step.post_approved_at, "step.post_approved"))
    items.sort(key=lambda item: item["at"])
    return items


# --- budget lines ---------------------------------------------------------------------


def budget_units_for(*, unit_id: int) -> list[int]:
    """The units whose budget lines a document of `unit_id` may charge.

    The rule: the drafting unit's own lines and those of the units above it (a team
    charges its division's lines, where appropriations are usually held); never a
    sibling's or another branch's.
    """
    ids: list[int] = []
    current: int | None = unit_id
    while current is not None and current not in ids:
        ids.append(current)
        current = Unit.objects.filter(pk=current).values_list("parent_id", flat=True).first()
    return ids


def budget_lines_chargeable(
    *, unit_id: int, fiscal_year: int | None = None
) -> QuerySet[BudgetLine]:
    """The budget lines a document of `unit_id` may charge, each with its `remaining`."""
    lines = BudgetLine.objects.filter(unit_id__in=budget_units_for(unit_id=unit_id))
    if fiscal_year is not None:
        lines = lines.filter(fiscal_year=fiscal_year)
    return (
        lines.select_related("unit")
        .annotate(remaining=F("allocation") - F("committed"))
        .order_by("-fiscal_year", "code")
    )


def document_warnings(*, document: Document) -> list[dict[str, str]]:
    """What the drafter should know before submitting, though it is not an error yet.

    A budget request whose amount exceeds what remains on its line: nothing is
    reserved until the final approval, so a save is kept and warned, and the
    submission refuses it if the line has not grown by then.
    """
    # The detail's queryset joins budget__budget_line: no query of its own there.
    try:
        budget = document.budget
    except BudgetRequest.DoesNotExist:
        return []
    line = budget.budget_line
    remaining = line.allocation - line.committed
    if budget.amount <= remaining:
        return []
    message = _(
        "The amount %(amount)s KRW exceeds what remains on budget line %(line)s: "
        "%(remaining)s KRW. The submission will be refused unless the line has enough by then."
    ) % {"amount": f"{budget.amount:,}", "line": line.code, "remaining": f"{remaining:,}"}
    return [{"field": "budget.amount", "code": "budget_exceeds_remaining", "message": message}]
