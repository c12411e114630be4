"""The rest of the organisation: documents of every kind, drafted in teams across the
city and left in every state, so lists, dashboards and the disclosure queue have a
city's worth to show.

Each document draws a kind, a drafter, its content and an outcome from the seeded
random generator; the outcome is then played through the Desk (real services only).
Personnel actions are mostly drafted in the HR division; a leave is effective today
and is applied when approved, transfers and promotions take effect next month.
"""

import random
from collections.abc import Callable, Sequence
from typing import Any

from django.utils import timezone

from approvals.line_heads import unit_head
from approvals.models import StageKind
from approvals.rules import hr_unit_code
from demo.documents.cast import Cast
from demo.documents.content import line_of, next_month_first, promotion_position
from demo.documents.desk import Desk
from directory.models import Person, Rank, Unit, UnitKind
from documents.models import BudgetLine, Document, DocumentKind, PersonnelActionType

KINDS: dict[str, int] = {DocumentKind.MEMO: 55, DocumentKind.BUDGET: 30, DocumentKind.PERSONNEL: 15}
BANDS = {"division": 70, "bureau": 22, "deputy_mayor": 8}  # the mayor's: stories.py
OUTCOMES = {
    "approved": 45, "in_progress": 22, "on_hold": 5, "returned": 8, "resubmitted": 5,
    "withdrawn": 5, "draft": 5, "recalled": 3, "returned_previous": 2,
}  # fmt: skip
Content = tuple[Person, dict[str, Any], list[Person]]


def _pick(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _staff_by_team(exclude: set[int]) -> dict[int, list[Person]]:
    people = (
        Person.objects.filter(
            unit__kind=UnitKind.TEAM, active=True, position__rank__lt=Rank.TEAM_LEADER
        )
        .exclude(pk__in=exclude)
        .select_related("user", "unit__parent", "position")
        .order_by("unit__code", "employee_number")
    )
    teams: dict[int, list[Person]] = {}
    for person in people:
        teams.setdefault(person.unit_id, []).append(person)
    return teams


class Mix:
    """Documents drafted across the organisation, in the states OUTCOMES weighs."""

    def __init__(self, desk: Desk, cast: Cast, lines: dict[int, BudgetLine]) -> None:
        self.desk, self.rng, self.lines = desk, desk.rng, lines
        self.teams = _staff_by_team(exclude=cast.ids())
        self.team_ids = sorted(self.teams)
        hr = Unit.objects.filter(code=hr_unit_code()).values_list("pk", flat=True).first()
        self.hr_staff = [p for ps in self.teams.values() for p in ps if p.unit.parent_id == hr]
        self.spared = {*cast.ids(), *(p.pk for p in self.teams.get(cast.drafter.unit_id, []))}
        self.divisions = list(Unit.objects.filter(kind=UnitKind.DIVISION, active=True))
        self.divisions.sort(key=lambda unit: unit.code)

    def run(self, count: int) -> None:
        for _ in range(count):
            kind = _pick(self.rng, KINDS)
            outcome = _pick(self.rng, OUTCOMES)
            drafter, data, consultees = self._content(kind)
            if outcome == "draft":
                self.desk.draft(drafter, kind, data)
                continue
            references = self._references(drafter)
            document = self.desk.submit(
                drafter, kind, data, consultees=consultees, references=references
            )
            PLAYS[outcome](self, document)

    # Who drafts what ---------------------------------------------------------------

    def _drafter(self) -> Person:
        return self.rng.choice(self.teams[self.rng.choice(self.team_ids)])

    def _other_heads(self, drafter: Person, count: int) -> list[Person]:
        """Heads of `count` divisions other than the drafter's, to consult."""
        others = [u for u in self.divisions if u.pk != drafter.unit.parent_id]
        heads = [unit_head(unit) for unit in self.rng.sample(others, count)]
        return [head for head in heads if head is not None]

    def _references(self, drafter: Person) -> list[Person]:
        if self.rng.random() >= 0.2:
            return []
        mates = [p for p in self.teams[drafter.unit_id] if p.pk != drafter.pk]
        return self.rng.sample(mates, 1) if mates else []

    def _content(self, kind: str) -> Content:
        if kind == DocumentKind.PERSONNEL:
            return self._personnel()
        drafter, write = self._drafter(), self.desk.write
        consult = self.rng.random()
        extra = 2 if consult < 0.04 else 1 if consult < 0.16 else 0
        if kind == DocumentKind.MEMO:
            return drafter, write.memo(), self._other_heads(drafter, extra)
        line = line_of(self.lines, drafter)
        amount = write.amount(_pick(self.rng, BANDS))
        return drafter, write.budget(line=line, amount=amount), self._other_heads(drafter, extra)

    def _subject(self, drafter: Person) -> Person:
        while True:
            subject = self._drafter()
            if subject.pk not in self.spared and subject.pk != drafter.pk:
                self.spared.add(subject.pk)
                return subject

    def _personnel(self) -> Content:
        from_hr = self.hr_staff and self.rng.random() < 0.7
        drafter = self.rng.choice(self.hr_staff) if from_hr else self._drafter()
        subject, write, roll = self._subject(drafter), self.desk.write, self.rng.random()
        position = promotion_position(subject) if roll < 0.2 else None
        if position is not None:
            data = write.personnel(
                person=subject, action_type=PersonnelActionType.PROMOTION,
                effective_date=next_month_first(), target_position=position,
            )  # fmt: skip
            return drafter, data, []
        if roll < 0.55:
            target = self.rng.choice([u for u in self.team_ids if u != subject.unit_id])
            receiving = unit_head(Unit.objects.get(pk=target).parent)  # type: ignore[arg-type]
            data = write.personnel(
                person=subject, action_type=PersonnelActionType.TRANSFER,
                effective_date=next_month_first(), target_unit=Unit.objects.get(pk=target),
            )  # fmt: skip
            return drafter, data, [receiving] if receiving else []
        data = write.personnel(
            person=subject, action_type=PersonnelActionType.LEAVE,
            effective_date=timezone.localdate(),
        )  # fmt: skip
        return drafter, data, []

    # How far each document gets ------------------------------------------------------

    def _stop_at(self, document: Document, kinds: Sequence[str] = ()) -> int:
        """A random stage index to stop at (only of `kinds` when given), and go there."""
        stages = self.desk.stages_left(document)
        allowed = [i for i, kind in enumerate(stages) if not kinds or kind in kinds]
        index = self.rng.choice(allowed)
        self.desk.advance(document, index)
        return index

    def approved(self, document: Document) -> None:
        self.desk.finish(document, disagree=self.rng.random() < 0.15)

    def in_progress(self, document: Document) -> None:
        self._stop_at(document)
        if len(self.desk.open_steps(document)) > 1 and self.rng.random() < 0.6:
            self.desk.act(self.desk.open_steps(document)[0])  # one consultee has answered

    def on_hold(self, document: Document) -> None:
        self._stop_at(document)
        self.desk.hold(document)

    def returned(self, document: Document) -> None:
        self._stop_at(document, kinds=(StageKind.REVIEW, StageKind.APPROVE))
        self.desk.send_back(document)

    def returned_previous(self, document: Document) -> None:
        stages = self.desk.stages_left(document)
        if len(stages) < 2 or stages[-1] != StageKind.APPROVE:
            return self.returned(document)
        self.desk.advance(document, len(stages) - 1)
        self.desk.send_back(document, to="previous")
        return None

    def resubmitted(self, document: Document) -> None:
        self.returned(document)
        document = self.desk.resubmit(document)
        if self.rng.random() < 0.6:
            self.desk.finish(document)

    def withdrawn(self, document: Document) -> None:
        self._stop_at(document)
        self.desk.withdraw(document)

    def recalled(self, document: Document) -> None:
        self.desk.recall(document)


PLAYS: dict[str, Callable[[Mix, Document], None]] = {
    name: getattr(Mix, name) for name in OUTCOMES if name != "draft"
}
