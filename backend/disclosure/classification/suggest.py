"""The suggested disclosure level of a document, with the reason for each part.

Rules, in order of strength:
- every rule whose document kind and keyword match contributes its level and
  ground (see RuleSpec);
- personal information the detector found is removable, so it makes the
  document at least partial on ground 6 (Article 9(1)6); one explanation per
  finding, naming its kind and span, never its text;
- the level is the strictest contributed (open when nothing applies) and the
  grounds are every ground contributed, ascending.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from disclosure.classification.finding_labels import finding_label
from disclosure.classification.rules import DocumentKind, Level, RuleSpec
from disclosure.detection import Finding

PERSONAL_INFORMATION_GROUND = 6


@dataclass(frozen=True, slots=True)
class Explanation:
    """Why part of a suggestion was made: a finding or a rule, with its span."""

    source: str  # "finding" or "rule"
    level: Level
    ground: int
    start: int
    end: int
    reason_ko: str
    reason_en: str
    finding_kind: str | None = None
    rule_id: int | None = None

    def as_dict(self) -> dict[str, object]:
        return {
            "source": self.source,
            "level": self.level.value,
            "ground": self.ground,
            "start": self.start,
            "end": self.end,
            "reason_ko": self.reason_ko,
            "reason_en": self.reason_en,
            "finding_kind": self.finding_kind,
            "rule_id": self.rule_id,
        }


@dataclass(frozen=True, slots=True)
class Suggestion:
    level: Level
    grounds: tuple[int, ...]
    explanations: tuple[Explanation, ...] = field(default=())


def suggest_disclosure(
    *,
    text: str,
    document_kind: DocumentKind | str | None,
    findings: Sequence[Finding],
    rules: Iterable[RuleSpec],
) -> Suggestion:
    """The suggested level and grounds of a document (see the module's rules)."""
    kind = DocumentKind(document_kind) if document_kind else None
    explanations = [e for rule in rules if (e := _rule_explanation(rule, text, kind))]
    explanations.extend(_finding_explanation(f) for f in findings)
    if not explanations:
        return Suggestion(Level.OPEN, ())
    level = max((e.level for e in explanations), key=lambda lv: lv.rank)
    grounds = tuple(sorted({e.ground for e in explanations}))
    return Suggestion(level, grounds, tuple(explanations))


def _rule_explanation(rule: RuleSpec, text: str, kind: DocumentKind | None) -> Explanation | None:
    if rule.document_kind is not None and rule.document_kind != kind:
        return None
    start, end = 0, 0
    if rule.keyword:
        found = _keyword_pattern(rule.keyword).search(text)
        if found is None:
            return None
        start, end = found.span()
    return Explanation(
        source="rule",
        level=rule.level,
        ground=rule.ground,
        start=start,
        end=end,
        reason_ko=rule.description_ko,
        reason_en=rule.description_en,
        rule_id=rule.rule_id,
    )


def _finding_explanation(finding: Finding) -> Explanation:
    return Explanation(
        source="finding",
        level=Level.PARTIAL,
        ground=PERSONAL_INFORMATION_GROUND,
        start=finding.start,
        end=finding.end,
        reason_ko=f"개인정보({finding_label(finding.kind, 'ko')})는 가리고 공개할 수 있다",
        reason_en=(
            f"personal information ({finding_label(finding.kind, 'en')}) "
            "can be removed before release"
        ),
        finding_kind=finding.kind.value,
    )


@lru_cache(maxsize=256)
def _keyword_pattern(keyword: str) -> re.Pattern[str]:
    """Spacing is not significant in Korean phrases: 감사 진행 중 = 감사진행중."""
    letters = [re.escape(c) for c in keyword if not c.isspace()]
    return re.compile(r"\s*".join(letters), re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Comparison:
    """A drafter's proposal against the suggestion, for the records officer."""

    disagrees: bool
    level_differs: bool
    missing_grounds: tuple[int, ...]
    extra_grounds: tuple[int, ...]


def compare_with_suggestion(
    *, proposed_level: Level | str, proposed_grounds: Iterable[int], suggestion: Suggestion
) -> Comparison:
    """They disagree when the levels differ, or when the grounds cited differ.

    ``missing_grounds`` are suggested but not proposed; ``extra_grounds`` the
    reverse. An open proposal cites no grounds, so only its level counts.
    """
    level = Level(proposed_level)
    proposed = set(proposed_grounds) if level is not Level.OPEN else set()
    suggested = set(suggestion.grounds) if suggestion.level is not Level.OPEN else set()
    level_differs = level is not suggestion.level
    missing = tuple(sorted(suggested - proposed))
    extra = tuple(sorted(proposed - suggested))
    return Comparison(
        disagrees=level_differs or bool(missing or extra),
        level_differs=level_differs,
        missing_grounds=missing,
        extra_grounds=extra,
    )
