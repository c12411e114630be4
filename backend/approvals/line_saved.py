"""Saved approval lines: a person's reusable lines, validated again whenever applied."""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import PermissionDenied, ValidationError

from approvals.line import LineSpec, StageSpec
from approvals.line_validation import line_places
from approvals.models import SavedLine, StageKind
from directory.models import Person


def saved_line_create(*, owner: Person, name: str, kind: str, spec: LineSpec) -> SavedLine:
    """Save `spec` under `name`; every person named must exist, names are unique per owner.

    Only the shape is checked now: the rules (ranks, mandatory consultations) depend
    on the document, so they are checked when the line is applied.
    """
    _check_shape(spec)
    data = spec.to_data()
    stages = [{"kind": s["kind"], "assignees": s["assignee_ids"]} for s in data["stages"]]
    try:
        with transaction.atomic():
            return SavedLine.objects.create(
                owner=owner, name=name, kind=kind, stages=stages, references=data["reference_ids"]
            )
    except IntegrityError as exc:
        raise ValidationError({"name": [_("You already have a line with this name.")]}) from exc


def _check_shape(spec: LineSpec) -> None:
    """Everyone named exists and every stage names someone, each error on its entry."""
    known = set(Person.objects.filter(pk__in=spec.person_ids()).values_list("id", flat=True))
    errors: dict[str, list[str]] = {}
    if not spec.stages:
        errors["stages"] = [str(_("Every stage names at least one person."))]
    for index, stage in enumerate(spec.stages):
        if not stage.assignee_ids:
            errors[f"stages.{index}.assignee_ids"] = [
                str(_("Every stage names at least one person."))
            ]
    for pid, field in line_places(spec):
        if pid not in known:
            errors[field] = [_("No member of staff has the id %(id)s.") % {"id": pid}]
    if errors:
        raise ValidationError({"line": errors})


def saved_line_delete(*, saved_line: SavedLine, actor: Person) -> None:
    if saved_line.owner_id != actor.pk:
        raise PermissionDenied(_("Only the owner may delete a saved line."))
    saved_line.delete()


def saved_line_spec(*, saved_line: SavedLine) -> LineSpec:
    """The saved line as a LineSpec (to validate against a document)."""
    stages = tuple(
        StageSpec(StageKind(stage["kind"]), tuple(int(pid) for pid in stage["assignees"]))
        for stage in saved_line.stages
    )
    return LineSpec(stages=stages, reference_ids=tuple(int(p) for p in saved_line.references))
