"""The content of a document: its shape, the rules per kind, and writing it.

Data arrives as plain JSON-like dicts (from the API or from another service such as
`document_resubmit`); `content_parse` checks the shape, `content_apply` merges it
into the document and its kind row and enforces the rules on the merged result, so a
partial update is judged on the state it produces. Errors name the field, dotted
for the kind fields ("budget.amount", "personnel.target_unit").
"""

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers
from rest_framework.exceptions import ValidationError

from directory.models import Person, Position, Unit
from documents.conf import body_max_depth
from documents.models import (
    BudgetLine,
    BudgetRequest,
    DisclosureLevel,
    Document,
    DocumentKind,
    PersonnelAction,
    PersonnelActionType,
    RetentionPeriod,
)
from documents.sanitize import body_depth, sanitize_body
from documents.services.budget import budget_line_require_chargeable
from documents.services.personnel import personnel_errors
from documents.single_line import SingleLineField

BUDGET_FIELDS = ("fiscal_year", "budget_line", "amount", "payee", "purpose")
REQUIRED = _("This field is required.")
KIND_BLOCKS = {DocumentKind.BUDGET: "budget", DocumentKind.PERSONNEL: "personnel"}


class BudgetFieldsSerializer(serializers.Serializer[Any]):
    fiscal_year = serializers.IntegerField(min_value=2000, max_value=2100)
    budget_line = serializers.PrimaryKeyRelatedField(queryset=BudgetLine.objects.all())
    amount = serializers.IntegerField(min_value=1, max_value=10**15, help_text=_("KRW"))
    payee = SingleLineField(max_length=200)
    purpose = SingleLineField(max_length=500)


class PersonnelFieldsSerializer(serializers.Serializer[Any]):
    person = serializers.PrimaryKeyRelatedField(queryset=Person.objects.all())
    action_type = serializers.ChoiceField(choices=PersonnelActionType.choices)
    effective_date = serializers.DateField()
    target_unit = serializers.PrimaryKeyRelatedField(
        queryset=Unit.objects.all(), allow_null=True, required=False
    )
    target_position = serializers.PrimaryKeyRelatedField(
        queryset=Position.objects.all(), allow_null=True, required=False
    )


class DocumentContentSerializer(serializers.Serializer[Any]):
    """The writable content of a document of any kind."""

    title = SingleLineField(max_length=300)
    body = serializers.CharField(allow_blank=True, required=False, max_length=1_000_000)
    recipient = SingleLineField(allow_blank=True, required=False, max_length=300)
    retention_period = serializers.ChoiceField(choices=RetentionPeriod.choices, required=False)
    proposed_disclosure_level = serializers.ChoiceField(
        choices=DisclosureLevel.choices,
        required=False,
        allow_blank=True,
        help_text="Empty until the drafter chooses; a document is submitted only once chosen.",
    )
    proposed_disclosure_grounds = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=8), required=False, max_length=8
    )
    budget = BudgetFieldsSerializer(required=False)
    personnel = PersonnelFieldsSerializer(required=False)

    def validate_body(self, value: str) -> str:
        """A body nested deeper than DOCUMENT_BODY_MAX_DEPTH is refused (documents.conf)."""
        limit = body_max_depth()
        if limit and body_depth(sanitize_body(value)) > limit:
            raise serializers.ValidationError(
                _(
                    "The text is nested more than %(limit)d levels deep (lists, tables "
                    "or blocks inside one another). Flatten it."
                )
                % {"limit": limit},
                code="too_deep",
            )
        return value


def content_parse(*, kind: str, data: dict[str, Any], partial: bool) -> dict[str, Any]:
    """The validated shape of `data`; a new document of a kind needs its kind block."""
    serializer = DocumentContentSerializer(data=data, partial=partial)
    serializer.is_valid(raise_exception=True)
    content: dict[str, Any] = dict(serializer.validated_data)
    errors: dict[str, Any] = {}
    for block_kind, block in KIND_BLOCKS.items():
        if block in content and kind != block_kind:
            errors[block] = [_("This kind of document has no such fields.")]
        elif block not in content and kind == block_kind and not partial:
            errors[block] = [_("This field is required.")]
    if errors:
        raise ValidationError(errors)
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
        raise ValidationError(
            {"proposed_disclosure_grounds": [_("An open document cites no grounds.")]}
        )
    if document.proposed_disclosure_level in (DisclosureLevel.PARTIAL, DisclosureLevel.CLOSED) and (
        not grounds
    ):
        raise ValidationError(
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
        raise ValidationError({"budget": {name: [REQUIRED] for name in missing}})
    if budget.budget_line.fiscal_year != budget.fiscal_year:
        raise ValidationError(
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
        raise ValidationError({"personnel": {name: [REQUIRED] for name in missing}})
    errors = personnel_errors(action=action, drafter=document.drafter)
    if errors:
        raise ValidationError({"personnel": errors})
    action.save()
