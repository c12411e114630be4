"""Disclosure request (정보공개청구): a citizen asks, a records officer decides in time.

The process:

    start -> route -> decide --extended--------> decide_extended -> outcome
                        \\-> outcome                                  |
    outcome --granted, for a document--> publish -> end              |
            \\--otherwise (refused, or no document)--------> end  <---/

- start: the portal calls `disclosure_request_create`, which gives the receipt
  number and starts this flow with the request as the process's artifact;
- route: tells the owning unit's records officers (notification);
- decide: the officers' task; an officer decides (disclose, partial, refuse)
  or extends the deadline once, each through a service that completes the task;
- decide_extended: the second and last decision task, after an extension;
- publish: a granted request for a document publishes it (redacted) through
  `publication_publish`, unless it is public already.

Example: 김시민 asks for the minutes of a committee on 2026-03-02 (receipt
2026-000042, due 2026-03-16, ten working days later). The unit's records officer
extends it on 2026-03-13 because a third party must be heard (now due 2026-03-30),
then decides "partial" on ground 6: the minutes are published with the names of
private persons removed, and the citizen's follow-up page says "partly disclosed".

Why it is shaped so: the law allows one extension, so the extension is a path in
the graph to a second decision task that has no extension of its own, instead of
a counter the code must remember to check; the decision and the publication are
separate nodes so that a failing publication (a PDF that cannot be signed)
leaves the decision task open and nothing half-written (the node runs in the
officer's transaction). Gateways use the named predicates below; nodes call
services in disclosure.services. Node names are stored by viewflow: never rename
one without a data migration.
"""

from typing import Any

from viewflow import this
from viewflow.workflow import nodes
from viewflow.workflow.flow import Flow
from viewflow.workflow.lock import select_for_update_lock

from disclosure.models import DisclosureRequest, RequestStatus
from disclosure.services.request_decisions import (
    disclosure_request_officer_user,
    disclosure_request_publish,
    disclosure_request_route,
)


class DecisionTask(nodes.View):
    """A records officer's task, worked through the REST API (no viewflow view)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(view=None, **kwargs)


def request_id_of(activation: Any) -> int:
    return int(activation.process.artifact_object_id)


def _status(activation: Any) -> str:
    return str(
        DisclosureRequest.objects.filter(pk=request_id_of(activation))
        .values_list("status", flat=True)
        .get()
    )


# Gateways' predicates -------------------------------------------------------


def is_extended(activation: Any) -> bool:
    """The decision task ended with an extension: a second decision is due."""
    return _status(activation) == RequestStatus.EXTENDED


def is_granted_document(activation: Any) -> bool:
    """Disclosed or partly disclosed, and about a document that can be published."""
    request = DisclosureRequest.objects.only("status", "document_id").get(
        pk=request_id_of(activation)
    )
    granted = request.status in (RequestStatus.GRANTED, RequestStatus.PARTIAL)
    return granted and request.document_id is not None


def officer(activation: Any) -> Any:
    return disclosure_request_officer_user(request_id=request_id_of(activation))


def decider(activation: Any) -> Any:
    """The person of the officer who completed the last decision task."""
    task = (
        activation.process.task_set.filter(flow_task_type="HUMAN", status="DONE")
        .order_by("-finished", "-id")
        .first()
    )
    return getattr(task.owner, "person", None) if task and task.owner_id else None


class DisclosureRequestFlow(Flow):
    """Disclosure request

    A citizen's request for a document or information, decided by the owning
    unit's records officers within the statutory deadline.
    """

    lock_impl = select_for_update_lock

    start = nodes.StartHandle(this.start_request).Next(this.route)
    route = nodes.Function(this.route_request).Next(this.decide)
    decide = DecisionTask().Annotation(title="Decide").Assign(officer).Next(this.outcome)
    decide_extended = (
        DecisionTask().Annotation(title="Decide (extended)").Assign(officer).Next(this.outcome)
    )
    outcome = (
        nodes.Switch()
        .Case(this.decide_extended, is_extended)
        .Case(this.publish, is_granted_document)
        .Default(this.end)
    )
    publish = nodes.Function(this.publish_granted).Next(this.end)
    end = nodes.End()

    def start_request(self, activation: Any, request: DisclosureRequest) -> Any:
        activation.process.artifact = request
        return activation.process

    def route_request(self, activation: Any) -> None:
        disclosure_request_route(request_id=request_id_of(activation))

    def publish_granted(self, activation: Any) -> None:
        disclosure_request_publish(request_id=request_id_of(activation), actor=decider(activation))
