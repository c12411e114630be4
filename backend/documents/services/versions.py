"""Immutable versions: the canonical content of a document and its SHA-256.

The canonical form is what is approved: title, body, recipient, the kind's fields,
the attachments' names and hashes, the retention period and the proposed disclosure.
It is serialised as JSON with sorted keys, no ASCII escaping and no spaces, so the
same content always gives the same bytes and the same hash, on any machine.
"""

import hashlib
import json
from typing import Any

from django.db import transaction
from django.db.models import Max

from directory.models import Person
from documents.models import Attachment, BudgetRequest, Document, DocumentVersion, PersonnelAction
from documents.version_checks import version_checks_run


def canonical_json(content: dict[str, Any]) -> str:
    return json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def content_hash(content: dict[str, Any]) -> str:
    """SHA-256 (hex) of the canonical JSON of `content`, encoded as UTF-8."""
    return hashlib.sha256(canonical_json(content).encode("utf-8")).hexdigest()


def canonical_content(*, document: Document) -> dict[str, Any]:
    """Everything a version freezes, as JSON-ready values read fresh from the database."""
    attachments = Attachment.objects.filter(document=document).order_by("id")
    return {
        "kind": document.kind,
        "title": document.title,
        "body": document.body,
        "recipient": document.recipient,
        "retention_period": document.retention_period,
        "proposed_disclosure": {
            "level": document.proposed_disclosure_level,
            "grounds": sorted(document.proposed_disclosure_grounds),
        },
        "fields": _kind_fields(document),
        "attachments": [{"name": item.name, "sha256": item.sha256} for item in attachments],
    }


def _kind_fields(document: Document) -> dict[str, Any]:
    budget = BudgetRequest.objects.select_related("budget_line").filter(document=document).first()
    if budget is not None:
        return {
            "fiscal_year": budget.fiscal_year,
            "budget_line": {"code": budget.budget_line.code, "name": budget.budget_line.name},
            "amount": budget.amount,
            "payee": budget.payee,
            "purpose": budget.purpose,
        }
    action = (
        PersonnelAction.objects.select_related("person", "target_unit", "target_position")
        .filter(document=document)
        .first()
    )
    if action is not None:
        return {
            "person": {
                "employee_number": action.person.employee_number,
                "name": action.person.name,
            },
            "action_type": action.action_type,
            "effective_date": action.effective_date.isoformat(),
            "target_unit": _unit(action),
            "target_position": action.target_position.title if action.target_position else None,
        }
    return {}


def _unit(action: PersonnelAction) -> dict[str, str] | None:
    unit = action.target_unit
    return {"code": unit.code, "name": unit.name} if unit is not None else None


def version_snapshot(*, document: Document, reason: str, actor: Person) -> DocumentVersion:
    """Freeze the document's current content as a new version and make it current.

    Numbers run 1, 2, 3 per document; the document row is locked while the number is
    taken, so two snapshots at once get two numbers. An existing version is never
    touched (the model and, on PostgreSQL, a trigger refuse it). The checks the apps
    above registered (documents.version_checks) run on it before it becomes current:
    one that refuses it leaves no version behind.
    """
    if reason not in DocumentVersion.Reason.values:
        raise ValueError(f"unknown version reason {reason!r}")
    with transaction.atomic():
        locked = Document.objects.select_for_update().get(pk=document.pk)
        content = canonical_content(document=locked)
        last = DocumentVersion.objects.filter(document=locked).aggregate(last=Max("number"))
        version = DocumentVersion.objects.create(
            document=locked,
            number=(last["last"] or 0) + 1,
            reason=reason,
            content=content,
            content_hash=content_hash(content),
            created_by=actor,
        )
        version_checks_run(version=version)
        locked.current_version = version
        locked.save(update_fields=["current_version", "updated_at"])
    document.current_version = version
    return version
