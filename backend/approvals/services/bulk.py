"""Bulk approval (일괄 결재): many tasks, one comment, one result per task.

Rules:
- each task is approved by `step_approve`, the single approval's service, in a
  transaction of its own: a task that fails (someone acted first, not the actor's,
  busy, invalid) is reported and never undoes another;
- every task gets a result: approved (with its document as it now stands), conflict
  (with who acted first, for people on the document's line), or refused (the reason
  the single approval would give); a task the actor may not see is "not found", as
  the single approval answers it, so a result never reveals a document;
- with an Idempotency-Key each task runs under a key derived from it: a replay of the
  batch (or of one that stopped half-way) acts only on the tasks not yet approved and
  answers the stored result of the others.
"""

import hashlib
import json
from collections.abc import Sequence
from typing import Any

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.utils.translation import gettext_lazy as _

from approvals.models import ApprovalStep
from approvals.services.steps import step_approve
from core.errors import ConflictError, DomainError, InvalidInput, NotFound, Refused, first_message
from core.idempotency import idempotent_result
from directory.models import Person
from documents.selectors import documents_visible_to

BULK_APPROVE_MAX = 50


def tasks_bulk_approve(
    *,
    step_ids: Sequence[int],
    actor: Person,
    comment: str = "",
    client_address: str | None = None,
    idempotency_key: str | None = None,
) -> list[dict[str, Any]]:
    """Approve each of `step_ids` as `actor` (see the module's rules); results in order."""
    if not step_ids or len(step_ids) > BULK_APPROVE_MAX:
        raise InvalidInput(
            {"task_ids": [_("Choose from 1 to %(max)d tasks.") % {"max": BULK_APPROVE_MAX}]}
        )
    if len(set(step_ids)) != len(step_ids):
        raise InvalidInput({"task_ids": [_("Each task may be named only once.")]})
    results: list[dict[str, Any]] = []
    refused: dict[int, DomainError] = {}
    for step_id in step_ids:
        try:
            results.append(
                _approve_one(step_id, actor, comment.strip(), client_address, idempotency_key)
            )
        except (DomainError, ObjectDoesNotExist, PermissionDenied) as exc:
            refused[step_id] = _as_domain_error(exc)
            results.append({"task": step_id})
    visible = _visible_steps(list(refused), actor)
    for result in results:
        refusal = refused.get(result["task"])
        if refusal is not None:
            result.update(_refusal(refusal if result["task"] in visible else NotFound()))
    return results


def _approve_one(
    step_id: int, actor: Person, comment: str, client_address: str | None, key: str | None
) -> dict[str, Any]:
    def run() -> tuple[int, Any]:
        step = step_approve(
            step_id=step_id, actor=actor, comment=comment, client_address=client_address
        )
        document = step.stage.document
        return 200, {
            "task": step_id,
            "outcome": "approved",
            "document": {"id": document.pk, "status": document.status, "number": document.number},
        }

    if key is None:
        answer: dict[str, Any] = run()[1]
        return answer
    _status, body, _replayed = idempotent_result(
        user_id=actor.user_id,
        key=_task_key(key, step_id),
        endpoint=f"POST /api/tasks/{step_id}/approve/ (bulk)",
        request_hash=hashlib.sha256(json.dumps({"comment": comment}).encode()).hexdigest(),
        produce=run,
    )
    result: dict[str, Any] = body
    return result


def _task_key(key: str, step_id: int) -> str:
    """The key of one task of a batch: the batch's key (hashed: it may be 255 long) and the id."""
    return f"bulk:{hashlib.sha256(key.encode()).hexdigest()}:{step_id}"


def _as_domain_error(exc: Exception) -> DomainError:
    if isinstance(exc, DomainError):
        return exc
    if isinstance(exc, PermissionDenied):
        return Refused(str(exc) or None)
    return NotFound()


def _visible_steps(step_ids: list[int], actor: Person) -> set[int]:
    if not step_ids:
        return set()
    return set(
        ApprovalStep.objects.filter(
            pk__in=step_ids, stage__document__in=documents_visible_to(person=actor)
        ).values_list("pk", flat=True)
    )


def _refusal(exc: DomainError) -> dict[str, Any]:
    result: dict[str, Any] = {
        "outcome": "conflict" if isinstance(exc, ConflictError) else "refused",
        "code": exc.kind,
        "detail": first_message(exc.detail),
    }
    acted_by = exc.body_extra.get("acted_by")
    if acted_by is not None:
        result["acted_by"] = acted_by
    return result
