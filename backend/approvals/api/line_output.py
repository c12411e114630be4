"""A LineSpec as the API shows it: ids with the people resolved and the rule applied."""

from typing import Any

from django.utils import timezone

from approvals.api.serializers_lines import LineOutputSerializer
from approvals.line import LineSpec, is_delegated_approval
from approvals.line_absences import StepAbsence, line_absences
from approvals.models import StageKind
from approvals.rules import delegation_rule_for
from directory.models import Person
from documents.models import Document


def line_output(*, document: Document, spec: LineSpec, facts: dict[str, Any]) -> dict[str, Any]:
    people = Person.objects.select_related("position", "unit").in_bulk(spec.person_ids())
    rule = delegation_rule_for(kind=document.kind, facts=facts)
    final = spec.stages[-1] if spec.stages else None
    approver = (
        people.get(final.assignee_ids[0])
        if final and final.kind == StageKind.APPROVE and final.assignee_ids
        else None
    )
    absences = line_absences(document=document, spec=spec, people=people, now=timezone.now())
    data = {
        "stages": [
            {
                "kind": stage.kind,
                "assignee_ids": list(stage.assignee_ids),
                "assignees": [people[pid] for pid in stage.assignee_ids if pid in people],
                "steps": [
                    _step(pid, absences.get((index, pid)))
                    for pid in stage.assignee_ids
                    if pid in people
                ],
            }
            for index, stage in enumerate(spec.stages)
        ],
        "reference_ids": list(spec.reference_ids),
        "references": [people[pid] for pid in spec.reference_ids if pid in people],
        "required_rank": rule.rank,
        "delegation_rule": rule.description,
        "delegated": approver is not None and is_delegated_approval(approver),
    }
    return dict(LineOutputSerializer(data).data)


def _step(pid: int, absence: StepAbsence | None) -> dict[str, Any]:
    return {
        "assignee_id": pid,
        "absent": absence is not None,
        "absent_until": absence.absent_until if absence else None,
        "acting": absence.acting if absence else None,
        "acting_official": bool(absence and absence.acting_official),
    }
