"""Personnel actions: the rules per action type, and applying them to the directory."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from audit.services import audit_record
from core.errors import InvalidInput
from directory.models import Person
from documents.models import (
    Document,
    DocumentKind,
    DocumentStatus,
    PersonnelAction,
    PersonnelActionType,
)

# What each action type needs: (target unit, target position) as
# "required", "optional" or "forbidden".
TARGETS: dict[str, tuple[str, str]] = {
    PersonnelActionType.APPOINTMENT: ("required", "required"),
    PersonnelActionType.TRANSFER: ("required", "optional"),
    PersonnelActionType.PROMOTION: ("optional", "required"),
    PersonnelActionType.LEAVE: ("forbidden", "forbidden"),
    PersonnelActionType.RETURN: ("optional", "optional"),
}


def personnel_errors(*, action: PersonnelAction, drafter: Person) -> dict[str, list[str]]:
    """The rule violations of a personnel action, by field (empty when it is valid).

    Appointment names a unit and a position; transfer a unit other than the current
    one; promotion a position that ranks higher; leave neither; return either. The
    person concerned is active and is not the drafter; a target unit is active.
    """
    errors: dict[str, list[str]] = {}
    person = action.person
    if person.pk == drafter.pk:
        errors["person"] = [str(_("You cannot draft a personnel action about yourself."))]
    elif not person.active:
        errors["person"] = [str(_("This person is no longer active."))]
    unit_rule, position_rule = TARGETS[action.action_type]
    for name, rule in (("target_unit", unit_rule), ("target_position", position_rule)):
        present = getattr(action, f"{name}_id") is not None
        if rule == "required" and not present:
            errors[name] = [str(_("This action type needs this field."))]
        elif rule == "forbidden" and present:
            errors[name] = [str(_("This action type does not take this field."))]
    if action.target_unit_id is not None and "target_unit" not in errors:
        errors.update(_unit_errors(action))
    if action.action_type == PersonnelActionType.PROMOTION and action.target_position_id:
        errors.update(_promotion_errors(action))
    return errors


def _unit_errors(action: PersonnelAction) -> dict[str, list[str]]:
    unit = action.target_unit
    if unit is not None and not unit.active:
        return {"target_unit": [str(_("This unit is no longer active."))]}
    if action.action_type == PersonnelActionType.TRANSFER and (
        action.target_unit_id == action.person.unit_id
    ):
        return {"target_unit": [str(_("A transfer moves the person to another unit."))]}
    return {}


def _promotion_errors(action: PersonnelAction) -> dict[str, list[str]]:
    current = action.person.position
    target = action.target_position
    if target is None or target.rank is None:
        return {"target_position": [str(_("The target position has no rank."))]}
    if current is not None and current.rank is not None and target.rank <= current.rank:
        return {"target_position": [str(_("A promotion moves the person to a higher rank."))]}
    return {}


def personnel_apply(*, document: Document, today: datetime.date | None = None) -> None:
    """Apply an approved personnel action to the directory once its date has come.

    Sets the person's unit and/or position as the action type says, records
    `applied_at` and the audit event "personnel.applied". Does nothing before the
    effective date or when already applied, so it is safe to call again (the final
    approval calls it; the daily task calls it for actions that became due).
    """
    if document.kind != DocumentKind.PERSONNEL:
        raise InvalidInput({"kind": [str(_("Only personnel actions are applied."))]})
    today = today or timezone.localdate()
    with transaction.atomic():
        action = PersonnelAction.objects.select_for_update().get(document_id=document.pk)
        status = Document.objects.values_list("status", flat=True).get(pk=document.pk)
        if action.applied_at or status != DocumentStatus.APPROVED:
            return
        if action.effective_date > today:
            return
        person = Person.objects.select_for_update().get(pk=action.person_id)
        before = {"unit": person.unit_id, "position": person.position_id}
        if action.target_unit_id is not None:
            person.unit_id = action.target_unit_id
        if action.target_position_id is not None:
            person.position_id = action.target_position_id
        person.save(update_fields=["unit", "position", "updated_at"])
        action.applied_at = timezone.now()
        action.save(update_fields=["applied_at"])
        audit_record(
            action="personnel.applied",
            actor=None,
            document=document,
            version_hash=_current_hash(document),
            data={
                "action_type": action.action_type,
                "person": person.pk,
                "before": before,
                "after": {"unit": person.unit_id, "position": person.position_id},
            },
            target=person,
        )


def personnel_apply_due(*, today: datetime.date | None = None) -> int:
    """Apply every approved, unapplied action whose date has come; how many were applied."""
    today = today or timezone.localdate()
    due = PersonnelAction.objects.filter(
        applied_at__isnull=True,
        effective_date__lte=today,
        document__status=DocumentStatus.APPROVED,
    ).values_list("document_id", flat=True)
    applied = 0
    for document in Document.objects.filter(pk__in=list(due)):
        personnel_apply(document=document, today=today)
        applied += 1
    return applied


def _current_hash(document: Document) -> str:
    version = document.current_version
    return version.content_hash if version is not None else ""
