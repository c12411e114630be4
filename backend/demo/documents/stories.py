"""The documents around the cast: each demo login finds something in every box it shows.

Each story is what happened to a few documents, told through a Desk: the drafter's
own documents in every state, colleagues who refer her, the bureau director's and
the records officer's approvals, the administrator's drafts. The bureau director
goes away last (`director_away`): what reaches him from then on is approved by his
deputy (대결) and waits for his post-approval (후결).
"""

import datetime

from django.utils import timezone

from approvals.line_heads import unit_head
from approvals.services import proxies_follow_absences
from demo.documents.cast import Cast, staff_of
from demo.documents.content import line_of, next_month_first
from demo.documents.desk import Desk
from directory.models import Person, Unit
from directory.services.absences import absence_create, acting_official_designate
from documents.models import BudgetLine, DocumentKind, PersonnelActionType

MEMO, BUDGET, PERSONNEL = DocumentKind.MEMO, DocumentKind.BUDGET, DocumentKind.PERSONNEL
MARKER_TITLE = "도장 전자결재 시범운영 계획"
AWAY_DAYS = 3


def _colleagues(person: Person) -> list[Person]:
    return [p for p in staff_of(person.unit) if p.pk != person.pk]


def _sibling_staff(unit: Unit, *, exclude: Unit) -> list[Person]:
    """Staff of the other teams of `unit`'s divisions (the bureau's other drafters)."""
    teams = Unit.objects.filter(parent__parent=unit, active=True).exclude(parent=exclude)
    return [person for team in teams.order_by("code") for person in staff_of(team)[:2]]


def drafter_documents(desk: Desk, cast: Cast, line: BudgetLine) -> None:
    """The drafter's own: completed, drafts, recalled, in progress, held, returned."""
    d, w = cast.drafter, desk.write
    marker = desk.submit(d, MEMO, w.memo(MARKER_TITLE), references=(cast.records_officer,))
    desk.finish(marker)
    desk.finish(desk.submit(d, BUDGET, w.budget(line=line, amount=w.amount("division"))))
    revised = desk.submit(d, MEMO, w.memo())
    desk.advance(revised)
    desk.send_back(revised)
    desk.finish(desk.resubmit(revised))
    desk.draft(d, MEMO, w.memo())
    desk.draft(d, BUDGET, w.budget(line=line, amount=w.amount("division")))
    desk.recall(desk.submit(d, MEMO, w.memo()))
    desk.submit(d, MEMO, w.memo())
    desk.advance(desk.submit(d, BUDGET, w.budget(line=line, amount=w.amount("division"))))
    desk.hold(desk.submit(d, MEMO, w.memo()))
    held_above = desk.submit(d, MEMO, w.memo())
    desk.advance(held_above)
    desk.hold(held_above)
    desk.send_back(desk.submit(d, BUDGET, w.budget(line=line, amount=w.amount("division"))))
    returned_above = desk.submit(d, MEMO, w.memo())
    desk.advance(returned_above)
    desk.send_back(returned_above)
    withdrawn = desk.submit(d, MEMO, w.memo())
    desk.send_back(withdrawn)
    desk.withdraw(withdrawn)
    at_director = desk.submit(d, BUDGET, w.budget(line=line, amount=w.amount("bureau")))
    desk.advance(at_director, 2)


def drafter_personnel(desk: Desk, cast: Cast) -> None:
    """A colleague's leave (applied at approval, HR consulted) and a transfer waiting
    in a parallel consultation where the receiving division agreed and HR has not."""
    d, w = cast.drafter, desk.write
    colleagues = _colleagues(d)
    leave = w.personnel(
        person=colleagues[-1],
        action_type=PersonnelActionType.LEAVE,
        effective_date=timezone.localdate(),
    )
    desk.finish(desk.submit(d, PERSONNEL, leave))
    target = _transfer_target(cast)
    transfer = w.personnel(
        person=colleagues[-2],
        action_type=PersonnelActionType.TRANSFER,
        effective_date=next_month_first(),
        target_unit=target,
    )
    receiving = unit_head(target.parent) if target.parent else None
    consulting = desk.submit(d, PERSONNEL, transfer, consultees=[p for p in [receiving] if p])
    desk.advance(consulting, 2)
    desk.agree_all_but(consulting, cast.hr_head)


def _transfer_target(cast: Cast) -> Unit:
    """Where the drafter's colleague moves: a team beside the administrator's."""
    team = cast.administrator.unit
    sibling = Unit.objects.filter(parent_id=team.parent_id, active=True).exclude(pk=team.pk)
    return sibling.order_by("code").first() or team


def colleague_documents(desk: Desk, cast: Cast, line: BudgetLine) -> None:
    """The drafter's teammates: documents that refer her, more for her leaders, and a
    budget large enough for the mayor's own approval."""
    d, w = cast.drafter, desk.write
    first, second, third = _colleagues(d)[:3]
    desk.finish(desk.submit(first, MEMO, w.memo(), references=(d,)))
    desk.submit(second, MEMO, w.memo(), references=(d, cast.records_officer))
    desk.submit(third, BUDGET, w.budget(line=line, amount=w.amount("division")))
    desk.advance(desk.submit(first, MEMO, w.memo()))
    back = desk.submit(second, MEMO, w.memo())
    desk.advance(back)
    desk.send_back(back, to="previous")
    desk.finish(desk.submit(third, MEMO, w.memo()))
    # The one the mayor approves himself: no delegated approval (전결) on it.
    desk.finish(desk.submit(first, BUDGET, w.budget(line=line, amount=w.amount("mayor"))))


def director_documents(desk: Desk, cast: Cast, lines: dict[int, BudgetLine]) -> None:
    """Other divisions of the bureau: budgets the director approved or must approve."""
    w = desk.write
    drafters = _sibling_staff(cast.bureau, exclude=cast.division)
    for index, drafter in enumerate(drafters[:4]):
        line = line_of(lines, drafter)
        document = desk.submit(drafter, BUDGET, w.budget(line=line, amount=w.amount("bureau")))
        if index % 2:
            desk.finish(document, disagree=index == 1)
        else:
            desk.advance(document, len(desk.stages_left(document)) - 1)


def records_documents(desk: Desk, cast: Cast) -> None:
    """The records division's memos: two wait for its head, one she approved."""
    w = desk.write
    team = Unit.objects.filter(parent=cast.records_officer.unit, active=True).order_by("code")
    drafters = staff_of(team.first()) if team.exists() else []  # type: ignore[arg-type]
    for drafter in drafters[:2]:
        desk.advance(desk.submit(drafter, MEMO, w.memo()))
    if len(drafters) > 2:
        desk.finish(desk.submit(drafters[2], MEMO, w.memo(), references=(cast.records_officer,)))


def administrator_documents(desk: Desk, cast: Cast) -> None:
    """The directory administrator drafts too: a draft, one in progress, one returned,
    one approved."""
    a, w = cast.administrator, desk.write
    desk.draft(a, MEMO, w.memo())
    desk.submit(a, MEMO, w.memo())
    desk.send_back(desk.submit(a, MEMO, w.memo()))
    desk.finish(desk.submit(a, MEMO, w.memo()))


def director_away(desk: Desk, cast: Cast, lines: dict[int, BudgetLine]) -> None:
    """The director leaves on a trip with the division head as deputy: what waited for
    him goes to the deputy, two budgets are approved by proxy (후결 due), two more wait
    in the deputy's box as proxy tasks."""
    now = timezone.now()
    director = cast.bureau_director
    # He ranks above his deputy: the division head is the bureau's acting official (직무대리).
    acting_official_designate(
        actor=cast.administrator.user, unit=cast.bureau, person=cast.division_head
    )
    absence_create(
        actor=director.user,
        person=director,
        deputy=cast.division_head,
        starts_at=now,
        ends_at=now + datetime.timedelta(days=AWAY_DAYS),
        reason="국외 출장",
    )
    # The product hands his waiting steps over once the absence commits; the seed is
    # one transaction, so it does so here for the boxes it prints to be true.
    proxies_follow_absences(now=now, person_ids=[director.pk])
    w = desk.write
    drafters = [cast.drafter, *_sibling_staff(cast.bureau, exclude=cast.division)[4:7]]
    for index, drafter in enumerate(drafters):
        line = line_of(lines, drafter)
        document = desk.submit(drafter, BUDGET, w.budget(line=line, amount=w.amount("bureau")))
        if index < 2:
            desk.finish(document)
        else:
            desk.advance(document, len(desk.stages_left(document)) - 1)
