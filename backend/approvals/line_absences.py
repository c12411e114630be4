"""Who would act on each step of a line right now: the assignee, or their deputy (대결).

The line editor shows "과장 부재 → 대결 X" beside a step. The answer is the engine's
own: `absence_deputy` (approvals.services.stages), which every step opening and every
hand-over asks, with the rank a final approval needs. An absent assignee whose deputy
may not act (directory.deputies) keeps the step: the answer is then "absent, nobody
acts instead", and the step waits for them.
"""

from dataclasses import dataclass
from datetime import datetime

from approvals.line import LineSpec
from approvals.models import StageKind
from approvals.services.stages import absence_deputy
from directory.deputies import headed_unit
from directory.models import Absence, Person, Unit
from documents.models import Document


@dataclass(frozen=True)
class StepAbsence:
    absent_until: datetime
    acting: Person | None  # who the engine hands the step to; None: it waits
    acting_official: bool  # the deputy is the designated acting official (직무대리)


def line_absences(
    *, document: Document, spec: LineSpec, people: dict[int, Person], now: datetime
) -> dict[tuple[int, int], StepAbsence]:
    """The absences of the line's assignees at `now`, by (stage index, assignee id).

    One query finds who on the line is away; only for them is the deputy asked.
    """
    staged = {pid for stage in spec.stages for pid in stage.assignee_ids if pid in people}
    away = dict(
        Absence.objects.filter(person_id__in=staged, starts_at__lte=now, ends_at__gt=now)
        .order_by("person_id", "starts_at")
        .values_list("person_id", "ends_at")
    )
    found: dict[tuple[int, int], StepAbsence] = {}
    for index, stage in enumerate(spec.stages):
        final_of = document if stage.kind == StageKind.APPROVE else None
        for pid in stage.assignee_ids:
            if pid not in away:
                continue
            person = people[pid]
            deputy = absence_deputy(person=person, at=now, final_of=final_of)
            found[(index, pid)] = StepAbsence(
                absent_until=away[pid],
                acting=deputy,
                acting_official=deputy is not None and _is_acting_official(person, deputy),
            )
    return found


def _is_acting_official(person: Person, deputy: Person) -> bool:
    unit = headed_unit(person)
    return unit is not None and Unit.objects.filter(pk=unit.pk, acting_head=deputy).exists()
