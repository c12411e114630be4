"""The delegation rules (전결 규정) and mandatory consultations, read as data.

Which rule applies: a rule matches a document of its kind when the amount is below
its `amount_below` (budget) and the person concerned ranks at most its
`subject_rank_at_most` (personnel); an empty bound matches anything. Of the matching
rules the most specific wins, i.e. the one with the smallest bounds (amount first),
because the defaults are nested bands: "under 10 million: division head" must beat
"under 100 million: bureau director" for 5 million. Rules equally specific resolve
to the highest required rank. When no rule matches, the mayor approves.

Mandatory consultations are MandatoryConsultation rows, plus the budget division for
budgets and the HR division for personnel actions, found by unit code
(APPROVALS_BUDGET_UNIT_CODE, default "BUDGET"; APPROVALS_HR_UNIT_CODE, default "HR")
because unit ids are not known when the defaults ship.
"""

import math
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _

from approvals.models import DelegationRule, MandatoryConsultation
from core.env import env_str
from directory.models import Person, Rank, Unit
from documents.models import BudgetRequest, Document, DocumentKind, PersonnelAction


@dataclass(frozen=True)
class RequiredRank:
    """The rank the final approver needs, and the rule that says so."""

    rank: int
    description: str
    rule_id: int | None = None


@dataclass(frozen=True)
class Consultation:
    unit: Unit
    description: str


def _setting(name: str, default: str) -> str:
    value = getattr(settings, name, None)
    return str(value) if value else env_str(name, default)


def budget_unit_code() -> str:
    return _setting("APPROVALS_BUDGET_UNIT_CODE", "BUDGET")


def hr_unit_code() -> str:
    return _setting("APPROVALS_HR_UNIT_CODE", "HR")


def _specificity(rule: DelegationRule) -> tuple[float, float]:
    amount = rule.amount_below if rule.amount_below is not None else math.inf
    rank = rule.subject_rank_at_most if rule.subject_rank_at_most is not None else math.inf
    return (amount, rank)


def _matches(rule: DelegationRule, amount: int | None, subject_rank: int | None) -> bool:
    if rule.amount_below is not None and (amount is None or amount >= rule.amount_below):
        return False
    return rule.subject_rank_at_most is None or (
        subject_rank is not None and subject_rank <= rule.subject_rank_at_most
    )


def delegation_rule_for(*, kind: str, facts: dict[str, Any]) -> RequiredRank:
    """The required rank for a document of `kind` with `facts` ("amount", "subject_rank")."""
    amount, subject_rank = facts.get("amount"), facts.get("subject_rank")
    rules = [
        rule
        for rule in DelegationRule.objects.filter(kind=kind, active=True)
        if _matches(rule, amount, subject_rank)
    ]
    if not rules:
        return RequiredRank(Rank.MAYOR, _("No delegation rule applies: the mayor approves."))
    best = min(rules, key=lambda rule: (_specificity(rule), -rule.required_rank))
    return RequiredRank(best.required_rank, best.description or str(best), best.pk)


def document_facts(*, document: Document) -> dict[str, Any]:
    """The facts the rules compare, read from the document's kind fields."""
    if document.kind == DocumentKind.BUDGET:
        budget = BudgetRequest.objects.filter(document_id=document.pk).first()
        return {"amount": budget.amount if budget else None}
    if document.kind == DocumentKind.PERSONNEL:
        action = (
            PersonnelAction.objects.select_related("person__position")
            .filter(document_id=document.pk)
            .first()
        )
        return {"subject_rank": subject_rank(action.person) if action else None}
    return {}


def subject_rank(person: Person) -> int | None:
    return person.position.rank if person.position is not None else None


def required_rank_for(*, document: Document) -> int:
    """The lowest rank that may take the final approval of `document` (see module doc)."""
    return delegation_rule_for(kind=document.kind, facts=document_facts(document=document)).rank


def mandatory_consultations(*, kind: str) -> list[Consultation]:
    """The units every document of `kind` must be consulted with, active ones only."""
    found: dict[int, Consultation] = {}
    rows = MandatoryConsultation.objects.filter(kind=kind, active=True, unit__active=True)
    for row in rows.select_related("unit"):
        found[row.unit_id] = Consultation(row.unit, row.description or row.unit.name)
    code: dict[str, str] = {
        DocumentKind.BUDGET: budget_unit_code(),
        DocumentKind.PERSONNEL: hr_unit_code(),
    }
    if kind in code:
        unit = Unit.objects.filter(code=code[kind], active=True).first()
        if unit is not None and unit.pk not in found:
            found[unit.pk] = Consultation(unit, _("Mandatory consultation with %s") % unit.name)
    return list(found.values())
