"""The records officer's side of a disclosure request, and what its flow's nodes do.

Rules (see also services.requests):
- deciding or extending completes the request's open decision task in its flow,
  under the flow's lock: of two officers acting at once one wins, the other gets
  a conflict;
- the deadline is extended once, from the first decision task only;
- disclosing a document in full is refused while parts of it are removed
  (decide partial instead); a partial decision makes its review partial, citing
  the decision's grounds and those of the removed parts; the publish node then
  publishes it unless it is public already;
- officers are told when a request arrives and when its deadline nears
  (DISCLOSURE_REQUEST_REMIND_WORKING_DAYS before), once per deadline.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from viewflow.workflow.exceptions import FlowLockFailed
from viewflow.workflow.models import Process, Task
from viewflow.workflow.status import STATUS

from core.errors import ConflictError, InvalidInput, LockBusyError
from directory.models import Person
from disclosure.models import DisclosureRequest, DisclosureReview, RequestStatus, ReviewStatus
from disclosure.roles import records_officers_for
from disclosure.services.calendar import add_working_days, working_days_between
from disclosure.services.common import audit, clean_grounds
from disclosure.services.public import check_publishable
from disclosure.services.tagging import disclosure_tag
from documents.models import DisclosureLevel
from notifications.models import NotificationKind
from notifications.rendering import disclosure_request_url
from notifications.services import notification_send

DECISIONS = {
    "disclose": RequestStatus.GRANTED,
    "partial": RequestStatus.PARTIAL,
    "refuse": RequestStatus.REFUSED,
}
_LEVEL_OF = {"disclose": DisclosureLevel.OPEN, "partial": DisclosureLevel.PARTIAL}


def request_process(request: DisclosureRequest) -> Process:
    from django.contrib.contenttypes.models import ContentType

    kind = ContentType.objects.get_for_model(DisclosureRequest)
    return Process.objects.get(artifact_content_type=kind, artifact_object_id=request.pk)


def _open_task(process: Process) -> Task:
    task = process.task_set.filter(status__in=[STATUS.NEW, STATUS.ASSIGNED]).order_by("-id").first()
    if task is None:
        raise ConflictError(_("This request has already been decided."))
    return task


def _complete(task: Task, actor: Person) -> None:
    """Run the human task as ``actor`` (an officer the caller checked) and move on."""
    activation = task.flow_task.activation_class(task)
    if task.status == STATUS.NEW:
        activation.assign(actor.user)
    elif task.owner_id != actor.user_id:
        activation.reassign(user=actor.user)
    activation.start(None)
    activation.execute()


def _act(request: DisclosureRequest, actor: Person, change: Any) -> DisclosureRequest:
    """Lock the flow, re-read the request, apply ``change`` and complete the task."""
    process = request_process(request)
    try:
        with process.flow_class.lock(process.pk):
            locked = DisclosureRequest.objects.select_for_update().get(pk=request.pk)
            task = _open_task(process)
            change(locked, task)
            _complete(task, actor)
    except FlowLockFailed as exc:
        raise LockBusyError() from exc
    return DisclosureRequest.objects.get(pk=request.pk)


def disclosure_request_extend(
    *, request: DisclosureRequest, actor: Person, reason: str
) -> DisclosureRequest:
    """Extend the deadline once by DISCLOSURE_REQUEST_EXTENSION_WORKING_DAYS working days."""
    if not reason.strip():
        raise InvalidInput({"reason": [_("Give the reason for the extension.")]})

    def change(locked: DisclosureRequest, task: Task) -> None:
        if locked.status != RequestStatus.RECEIVED or task.flow_task.name != "decide":
            raise ConflictError(_("The deadline of this request cannot be extended again."))
        days = settings.DISCLOSURE_REQUEST_EXTENSION_WORKING_DAYS
        locked.extended_due_date = add_working_days(locked.due_date, days)
        locked.extension_reason = reason.strip()[:500]
        locked.status = RequestStatus.EXTENDED
        locked.save()
        audit(
            action="disclosure_request.extended",
            actor=actor,
            document=locked.document,
            target=locked,
            data={"deadline": locked.extended_due_date.isoformat()},
        )

    return _act(request, actor, change)


def disclosure_request_decide(
    *, request: DisclosureRequest, actor: Person, decision: str, grounds: list[int], reason: str
) -> DisclosureRequest:
    """Disclose, partly disclose or refuse (see the module's rules)."""
    if decision not in DECISIONS:
        raise InvalidInput({"decision": [_("Choose disclose, partial or refuse.")]})
    level = DisclosureLevel.CLOSED if decision == "refuse" else _LEVEL_OF[decision]
    cleaned = clean_grounds(level=level, grounds=grounds)
    if decision != "disclose" and not reason.strip():
        raise InvalidInput({"reason": [_("Give the reason for the decision.")]})

    def change(locked: DisclosureRequest, task: Task) -> None:
        if decision != "refuse" and locked.document_id is not None:
            _prepare_review(locked, actor, decision, cleaned, reason)
        locked.status = DECISIONS[decision]
        locked.decision_grounds, locked.decision_reason = cleaned, reason.strip()
        locked.decided_by, locked.decided_at = actor, timezone.now()
        locked.save()
        audit(
            action="disclosure_request.decided",
            actor=actor,
            document=locked.document,
            target=locked,
            data={"decision": decision, "grounds": cleaned},
        )

    return _act(request, actor, change)


def _prepare_review(
    request: DisclosureRequest, actor: Person, decision: str, grounds: list[int], reason: str
) -> None:
    """Make the document's review say what the decision grants, before it is published."""
    document_id = int(str(request.document_id))
    review = DisclosureReview.objects.filter(document_id=document_id).first()
    if review is None:
        review = disclosure_tag(document_id=document_id)
    review = (
        DisclosureReview.objects.select_for_update().select_related("version").get(pk=review.pk)
    )
    if review.status == ReviewStatus.PUBLISHED:
        if review.level != DisclosureLevel.CLOSED:
            return  # public already, text and all
        review.status = ReviewStatus.PENDING  # republished by the flow's publish node
    removed = {r.ground for r in review.redactions.filter(rejected_at__isnull=True)}
    removed |= {m.ground for m in review.document.withheld_paragraphs.filter(anchored=True)}
    if decision == "disclose" and removed:
        raise InvalidInput(
            {"decision": [_("Parts of this document are removed: decide partial disclosure.")]}
        )
    review.level = _LEVEL_OF[decision]
    review.grounds = sorted(set(grounds) | removed) if decision == "partial" else []
    review.decision_reason = f"{request.receipt_number}: {reason.strip()}"[:2000]
    review.decided_by, review.decided_at = actor, timezone.now()
    review.save()
    check_publishable(review)


def disclosure_request_route(*, request_id: int) -> None:
    """The flow's route node: tell the unit's records officers a request arrived."""
    request = DisclosureRequest.objects.select_related("unit").get(pk=request_id)
    notification_send(
        recipients=records_officers_for(request.unit),
        kind=NotificationKind.DISCLOSURE_REQUEST_RECEIVED,
        document=request.document,
        context=_notice(request),
    )


def disclosure_request_officer_user(*, request_id: int) -> Any:
    """Who the decision task is assigned to first: the unit's first records officer."""
    request = DisclosureRequest.objects.select_related("unit").get(pk=request_id)
    officers = records_officers_for(request.unit)
    return officers[0].user if officers else None


def disclosure_request_publish(*, request_id: int, actor: Person | None) -> None:
    """The flow's publish node: publish the granted document unless it is public."""
    from disclosure.services.publish import publication_publish
    from portal.models import Publication

    request = DisclosureRequest.objects.select_related("document").get(pk=request_id)
    if request.document is None:
        return
    current = Publication.objects.filter(document=request.document).first()
    if current is not None and current.is_public and current.level != DisclosureLevel.CLOSED:
        return
    publication_publish(document=request.document, actor=actor)


def _notice(request: DisclosureRequest) -> dict[str, str]:
    """What a request's notice names: its receipt number and subject, and its page.

    The request's own page, not only the document's: a request may name none.
    """
    deadline = request.extended_due_date or request.due_date
    return {
        "request_title": f"{request.receipt_number} {request.subject[:80]}",
        "request_url": disclosure_request_url(request.pk),
        "due_at": deadline.isoformat(),
    }


def disclosure_requests_remind(*, today: dt.date | None = None) -> int:
    """Tell the officers of each open request whose deadline is near (once per deadline)."""
    day = today or timezone.localdate()
    lead = settings.DISCLOSURE_REQUEST_REMIND_WORKING_DAYS
    reminded = 0
    open_requests = DisclosureRequest.objects.filter(
        status__in=[RequestStatus.RECEIVED, RequestStatus.EXTENDED]
    ).select_related("unit", "document")
    for request in open_requests:
        deadline = request.extended_due_date or request.due_date
        if request.reminded_for == deadline or working_days_between(day, deadline) > lead:
            continue
        with transaction.atomic():
            notification_send(
                recipients=records_officers_for(request.unit),
                kind=(
                    NotificationKind.DISCLOSURE_REQUEST_OVERDUE
                    if deadline < day
                    else NotificationKind.DISCLOSURE_REQUEST_DUE
                ),
                document=request.document,
                context=_notice(request),
            )
            DisclosureRequest.objects.filter(pk=request.pk).update(reminded_for=deadline)
        reminded += 1
    return reminded
