"""Disclosure levels, grounds and the rules that suggest them.

Grounds are the items 1 to 8 of Article 9(1) of the Official Information
Disclosure Act (공공기관의 정보공개에 관한 법률 제9조제1항):
1 other laws, 2 national security and defence, 3 life and safety of people,
4 trials, investigations and prosecution, 5 audits, inspections, negotiations
and decision making in progress, 6 personal information, 7 trade secrets,
8 speculation and unfair advantage.
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


@dataclass(frozen=True, slots=True)
class RuleSpec:
    """One administrator-editable rule: when it applies, it suggests ``level`` on
    ``ground``.

    It applies to a document whose kind is ``document_kind`` (any kind when
    None) and whose text contains ``keyword`` (spacing ignored; any text when
    None). A rule has at least one of the two conditions, a level stricter than
    open and a ground from 1 to 8.
    """

    level: Level
    ground: int
    document_kind: DocumentKind | None = None
    keyword: str | None = None
    description_ko: str = ""
    description_en: str = ""
    rule_id: int | None = None

    def __post_init__(self) -> None:
        if self.ground not in GROUNDS:
            raise ValueError(f"ground must be 1 to 8, not {self.ground}")
        if self.level is Level.OPEN:
            raise ValueError("a rule suggests partial or closed, never open")
        if self.document_kind is None and not self.keyword:
            raise ValueError("a rule needs a document kind, a keyword or both")


def _rule(level: Level, ground: int, keyword: str, ko: str, en: str) -> RuleSpec:
    return RuleSpec(level, ground, keyword=keyword, description_ko=ko, description_en=en)


_DECIDING = "의사결정 과정 또는 내부검토 과정에 있는 사항"
_DECIDING_EN = "a matter in the course of decision making or internal review"

# The defaults the data migration ships (disclosure/migrations/0002); a test
# keeps the two equal. Administrators edit the database copy.
DEFAULT_RULES: tuple[RuleSpec, ...] = (
    RuleSpec(
        Level.PARTIAL,
        6,
        document_kind=DocumentKind.PERSONNEL,
        description_ko="인사발령은 특정 개인에 관한 정보를 담는다",
        description_en="a personnel action concerns identifiable individuals",
    ),
    _rule(Level.PARTIAL, 5, "감사 진행 중", "감사가 진행 중인 사항", "an audit in progress"),
    _rule(Level.PARTIAL, 5, "검토 중", _DECIDING, _DECIDING_EN),
    _rule(Level.PARTIAL, 5, "협상", "협상 중인 사항", "a negotiation"),
    _rule(Level.PARTIAL, 5, "내부검토", _DECIDING, _DECIDING_EN),
    _rule(Level.CLOSED, 2, "국가안보", "국가안전보장에 관한 사항", "national security"),
    _rule(Level.CLOSED, 2, "국방", "국방에 관한 사항", "national defence"),
    _rule(Level.PARTIAL, 4, "소송", "진행 중인 재판에 관한 사항", "a trial in progress"),
    _rule(Level.PARTIAL, 4, "수사", "수사에 관한 사항", "a criminal investigation"),
    _rule(Level.PARTIAL, 7, "영업비밀", "법인 등의 경영상·영업상 비밀", "a trade secret"),
)
