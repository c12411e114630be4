"""Disclosure levels, grounds and the rules that suggest them.

Grounds are the items 1 to 8 of Article 9(1) of the Official Information
Disclosure Act (공공기관의 정보공개에 관한 법률 제9조제1항):
1 other laws, 2 national security and defence, 3 life and safety of people,
4 trials, investigations and prosecution, 5 audits, inspections, negotiations
and decision making in progress, 6 personal information, 7 trade secrets,
8 speculation and unfair advantage.

A rule either withholds (a signal of a ground) or keeps open (a counter-signal:
words that only look like a ground, or a sign that the reason has lapsed). The
shipped rules are in ``default_rules``; administrators and records officers edit
the database copy (disclosure.models.DisclosureRule).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from core.disclosure_law import GROUNDS


class Level(StrEnum):
    """공개구분. The order is the strictness: open < partial < closed."""

    OPEN = "open"
    PARTIAL = "partial"
    CLOSED = "closed"

    @property
    def rank(self) -> int:
        return _RANKS[self]


_RANKS = {Level.OPEN: 0, Level.PARTIAL: 1, Level.CLOSED: 2}


class DocumentKind(StrEnum):
    MEMO = "memo"
    BUDGET = "budget"
    PERSONNEL = "personnel"


class Effect(StrEnum):
    WITHHOLD = "withhold"
    KEEP_OPEN = "keep_open"


class LapseEvent(StrEnum):
    """The event that ends a time-limited withholding (grounds 4, 5 and 8: a matter
    in progress is withheld only while it is in progress)."""

    TENDER_ANNOUNCED = "tender_announced"
    CONTRACT_AWARDED = "contract_awarded"
    DISPOSITION_FINAL = "disposition_final"
    DECISION_TAKEN = "decision_taken"
    CASE_CLOSED = "case_closed"

    def with_implied(self) -> frozenset[str]:
        """This event and those it implies (an awarded contract was tendered)."""
        return frozenset({self.value, *_IMPLIED.get(self, ())})


_IMPLIED = {LapseEvent.CONTRACT_AWARDED: (LapseEvent.TENDER_ANNOUNCED.value,)}


@dataclass(frozen=True, slots=True)
class RuleSpec:
    """One editable rule.

    It applies to a document whose kind is ``document_kind`` (any kind when
    None), whose text contains ``keyword`` (spacing ignored; any text when None)
    and, when ``context`` is given, also contains ``context`` anywhere.

    A withholding rule suggests ``level`` (partial or closed) on ``ground``; with a
    ``lapse_event`` the withholding ends when that event happens. A keep-open rule
    (level open) sets aside withholding signals of the same ``ground``: without a
    lapse event, those whose words overlap its own, shorter, words (감사패 is not
    an audit); with one, every signal of the document waiting for that event (입찰
    결과 공고 says the tender is over).
    """

    level: Level
    ground: int
    document_kind: DocumentKind | None = None
    keyword: str | None = None
    description_ko: str = ""
    description_en: str = ""
    rule_id: int | None = None
    effect: Effect = Effect.WITHHOLD
    context: str | None = None
    lapse_event: LapseEvent | None = None
    source: str = ""

    def __post_init__(self) -> None:
        if self.ground not in GROUNDS:
            raise ValueError(f"ground must be 1 to 8, not {self.ground}")
        if self.document_kind is None and not self.keyword:
            raise ValueError("a rule needs a document kind, a keyword or both")
        if self.effect is Effect.WITHHOLD and self.level is Level.OPEN:
            raise ValueError("a withholding rule suggests partial or closed, never open")
        if self.effect is Effect.KEEP_OPEN and (self.level is not Level.OPEN or not self.keyword):
            raise ValueError("a keep-open rule is open and names the words it keeps open")

    @property
    def withholds(self) -> bool:
        return self.effect is Effect.WITHHOLD
