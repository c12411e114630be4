"""The suggested disclosure level of a document, with the reason for each part.

Rules, in order of strength:
- every withholding rule whose kind, keyword and context match is a signal of
  its ground, at its level (see RuleSpec); a keep-open rule of the same ground
  sets a signal aside where its longer words overlap the signal's (감사패 is no
  audit), or, when it names a lapse event, sets aside every signal of the
  document waiting for that event (낙찰자 결정: the price is no longer secret);
  events recorded since (``lapsed``) set signals aside the same way (an event
  ends those it implies too: a contract awarded was tendered);
- personal information the detector found is removable, so it makes the
  document at least partial on ground 6 (Article 9(1)6); one explanation per
  finding, naming its kind and span, never its text;
- the level is the strictest contributed (open when nothing applies), the grounds
  every ground contributed, ascending, and ``lapse_events`` the events that would
  end the signals still standing.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from disclosure.classification.finding_labels import finding_label
from disclosure.classification.rules import DocumentKind, LapseEvent, Level, RuleSpec
from disclosure.detection import Finding

PERSONAL_INFORMATION_GROUND = 6


@dataclass(frozen=True, slots=True)
class Explanation:
    """Why part of a suggestion was made: a finding, a rule (a signal) or a
    counter (a keep-open rule that set signals aside), with its span."""

    source: str  # "finding", "rule" or "counter"
    level: Level
    ground: int
    start: int
    end: int
    reason_ko: str
    reason_en: str
    finding_kind: str | None = None
    rule_id: int | None = None
    lapse_event: str | None = None
    citation: str = ""

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
            "lapse_event": self.lapse_event,
            "citation": self.citation,
        }


@dataclass(frozen=True, slots=True)
class Suggestion:
    level: Level
    grounds: tuple[int, ...]
    explanations: tuple[Explanation, ...] = field(default=())
    lapse_events: tuple[str, ...] = ()

    @property
    def signals(self) -> tuple[Explanation, ...]:
        """The explanations that withhold (a rule's signal or a finding)."""
        return tuple(e for e in self.explanations if e.source != "counter")


@dataclass(frozen=True, slots=True)
class _Match:
    rule: RuleSpec
    start: int
    end: int

    def overlaps(self, other: _Match) -> bool:
        return self.start < other.end and other.start < self.end


def suggest_disclosure(
    *,
    text: str,
    document_kind: DocumentKind | str | None,
    findings: Sequence[Finding],
    rules: Iterable[RuleSpec],
    lapsed: Collection[LapseEvent | str] = (),
) -> Suggestion:
    """The suggested level and grounds of a document (see the module's rules)."""
    kind = DocumentKind(document_kind) if document_kind else None
    matches = [m for rule in rules if _applies(rule, text, kind) for m in _matches(rule, text)]
    ended = {e for event in lapsed for e in LapseEvent(event).with_implied()}
    signals, counters = _resolve(matches, ended)
    explanations = [_rule_explanation(m) for m in _first_per_rule(signals)]
    explanations.extend(_counter_explanation(m) for m in _first_per_rule(counters))
    explanations.extend(_finding_explanation(f) for f in findings)
    withholding = [e for e in explanations if e.source != "counter"]
    if not withholding:
        return Suggestion(Level.OPEN, (), tuple(explanations))
    level = max((e.level for e in withholding), key=lambda lv: lv.rank)
    grounds = tuple(sorted({e.ground for e in withholding}))
    events = tuple(sorted({e.lapse_event for e in withholding if e.lapse_event}))
    return Suggestion(level, grounds, tuple(explanations), events)


def _applies(rule: RuleSpec, text: str, kind: DocumentKind | None) -> bool:
    if rule.document_kind is not None and rule.document_kind != kind:
        return False
    return not rule.context or _keyword_pattern(rule.context).search(text) is not None


def _matches(rule: RuleSpec, text: str) -> list[_Match]:
    if not rule.keyword:  # a rule on the kind alone covers the whole document
        return [_Match(rule, 0, 0)]
    return [_Match(rule, m.start(), m.end()) for m in _keyword_pattern(rule.keyword).finditer(text)]


def _resolve(matches: list[_Match], lapsed: set[str]) -> tuple[list[_Match], list[_Match]]:
    """The signals still standing, and the counters that set any aside.

    Where a signal and a counter of one ground overlap, the longer words win (a tie
    goes to the signal); a counter that names a lapse event, and every event in
    ``lapsed``, then sets aside the ground's signals waiting for that event.
    """
    signals = [m for m in matches if m.rule.withholds]
    counters = [m for m in matches if not m.rule.withholds]
    standing_signals = [s for s in signals if not any(_beats(c, s) for c in counters)]
    standing_counters = [c for c in counters if not any(_beats(s, c) for s in signals)]
    masked = [s for s in signals if s not in standing_signals]
    used = [c for c in standing_counters if any(_beats(c, s) for s in masked)]
    ending = {c: c.rule.lapse_event.with_implied() for c in standing_counters if c.rule.lapse_event}
    live = []
    for signal in standing_signals:
        event = signal.rule.lapse_event
        enders = [
            c
            for c, events in ending.items()
            if c.rule.ground == signal.rule.ground and event in events
        ]
        if event and (str(event) in lapsed or enders):
            used.extend(enders)
            continue
        live.append(signal)
    return live, list(dict.fromkeys(used))


def _beats(winner: _Match, loser: _Match) -> bool:
    if winner.rule.ground != loser.rule.ground or not winner.overlaps(loser):
        return False
    longer = (winner.end - winner.start) > (loser.end - loser.start)
    tie = (winner.end - winner.start) == (loser.end - loser.start)
    return longer or (tie and winner.rule.withholds)


def _first_per_rule(matches: list[_Match]) -> list[_Match]:
    first: dict[int, _Match] = {}
    for match in sorted(matches, key=lambda m: m.start):
        first.setdefault(id(match.rule), match)
    return sorted(first.values(), key=lambda m: (m.start, m.rule.ground))


def _rule_explanation(match: _Match) -> Explanation:
    rule = match.rule
    return Explanation(
        source="rule",
        level=rule.level,
        ground=rule.ground,
        start=match.start,
        end=match.end,
        reason_ko=rule.description_ko,
        reason_en=rule.description_en,
        rule_id=rule.rule_id,
        lapse_event=rule.lapse_event.value if rule.lapse_event else None,
        citation=rule.source,
    )


def _counter_explanation(match: _Match) -> Explanation:
    rule = match.rule
    return Explanation(
        source="counter",
        level=Level.OPEN,
        ground=rule.ground,
        start=match.start,
        end=match.end,
        reason_ko=rule.description_ko,
        reason_en=rule.description_en,
        rule_id=rule.rule_id,
        lapse_event=rule.lapse_event.value if rule.lapse_event else None,
        citation=rule.source,
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


@lru_cache(maxsize=1024)
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
