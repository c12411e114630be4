"""The content of a document: its shape, the rules per kind, and writing it.

Data arrives as plain JSON-like dicts (from the API or from another service such as
`document_resubmit`); `content_parse` checks the shape, `content_apply` merges it
into the document and its kind row and enforces the rules on the merged result, so a
partial update is judged on the state it produces. Errors name the field, dotted
for the kind fields ("budget.amount", "personnel.target_unit").
"""

from typing import Any

from django.utils.translation import gettext_lazy as _

from core.errors import InvalidInput
from core.input_schema import input_validated
from documents.content_schema import DocumentContentSerializer
from documents.models import (
    BudgetRequest,
    DisclosureLevel,
    Document,
    DocumentKind,
    PersonnelAction,
)
from documents.sanitize import sanitize_body
from documents.services.budget import budget_line_require_chargeable
from documents.services.personnel import personnel_errors

BUDGET_FIELDS = ("fiscal_year", "budget_line", "amount", "payee", "purpose")
REQUIRED = _("This field is required.")
KIND_BLOCKS = {DocumentKind.BUDGET: "budget", DocumentKind.PERSONNEL: "personnel"}


def content_parse(*, kind: str, data: dict[str, Any], partial: bool) -> dict[str, Any]:
    """The validated shape of `data`; a new document of a kind needs its kind block."""
    content = input_validated(DocumentContentSerializer, data, partial=partial)
    errors: dict[str, Any] = {}
    for block_kind, block in KIND_BLOCKS.items():
        if block in content and kind != block_kind:
            errors[block] = [_("This kind of document has no such fields.")]
        elif block not in content and kind == block_kind and not partial:
            errors[block] = [_("This field is required.")]
    if errors:
        raise InvalidInput(errors)
    return content


def content_apply(*, document: Document, content: dict[str, Any]) -> None:
    """Write `content` into the document (saved) and its kind row, enforcing the rules."""
    for name in ("title", "recipient", "retention_period", "proposed_disclosure_level"):
        if name in content:
            setattr(document, name, content[name])
    if "body" in content:
        document.body = sanitize_body(content["body"])
    if "proposed_disclosure_grounds" in content:
        document.proposed_disclosure_grounds = sorted(set(content["proposed_disclosure_grounds"]))
    _check_disclosure(document)
    document.save()
    if "budget" in content:
        _apply_budget(document, content["budget"])
    if "personnel" in content:
        _apply_personnel(document, content["personnel"])


def _check_disclosure(document: Document) -> None:
    """Open (or not chosen yet) has no grounds; partial and closed cite at least one
    of grounds 1 to 8."""
    grounds = document.proposed_disclosure_grounds
    if document.proposed_disclosure_level in (DisclosureLevel.OPEN, "") and grounds:
        raise InvalidInput(
            {"proposed_disclosure_grounds": [_("An open document cites no grounds.")]}
        )
    if document.proposed_disclosure_level in (DisclosureLevel.PARTIAL, DisclosureLevel.CLOSED) and (
        not grounds
    ):
        raise InvalidInput(
            {
                "proposed_disclosure_grounds": [
                    _("Partial or closed disclosure must cite at least one ground (1 to 8).")
                ]
            }
        )


def _apply_budget(document: Document, values: dict[str, Any]) -> None:
    budget = BudgetRequest.objects.filter(document=document).first() or BudgetRequest(
        document=document
    )
    for name, value in values.items():
        setattr(budget, name, value)
    missing = [name for name in BUDGET_FIELDS if _unset(budget, name)]
    if missing:
        raise InvalidInput({"budget": {name: [REQUIRED] for name in missing}})
    if budget.budget_line.fiscal_year != budget.fiscal_year:
        raise InvalidInput(
            {"budget": {"fiscal_year": [_("The budget line belongs to another fiscal year.")]}}
        )
    budget_line_require_chargeable(line=budget.budget_line, unit_id=document.unit_id)
    budget.save()


def _unset(row: BudgetRequest | PersonnelAction, name: str) -> bool:
    field = row._meta.get_field(name)
    attname = getattr(field, "attname", name)
    return getattr(row, attname) in (None, "")


def _apply_personnel(document: Document, values: dict[str, Any]) -> None:
    action = PersonnelAction.objects.filter(document=document).first() or PersonnelAction(
        document=document
    )
    for name, value in values.items():
        setattr(action, name, value)
    required = ("person", "action_type", "effective_date")
    missing = [name for name in required if _unset(action, name)]
    if missing:
        raise InvalidInput({"personnel": {name: [REQUIRED] for name in missing}})
    errors = personnel_errors(action=action, drafter=document.drafter)
    if errors:
        raise InvalidInput({"personnel": errors})
    action.save()
