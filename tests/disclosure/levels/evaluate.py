"""Suggested disclosure levels against a records officer's decisions.

    python -m tests.disclosure.levels.evaluate [--errors] [--set dev|holdout]
    (make eval-disclosure runs it after the personal-information figures)

Each case is a document (kind, title, text) with the level and grounds a records
officer decided and the main ground (``ground``) the decision rests on. The
suggestion is what tagging would make of the approved text: the detector's
findings and the shipped rules (classification.DEFAULT_RULES), with no lapse
event recorded. The detector knows the city's office numbers as tagging does
(its directory): here every number on City Hall's exchange, 02-2133-xxxx.
Reported, overall and per ground:

- over-withholding: documents decided open that the suggestion withholds
  (partial or closed), over the open documents;
- under-withholding: documents decided partial or closed that the suggestion
  leaves open, over the withheld documents;
- ground accuracy: withheld documents whose main ground is among the
  suggestion's grounds, over the withheld documents;
- level agreement: the suggestion's level equals the decision's.

dev.jsonl is the set the rules were first tuned on; dev2.jsonl was written
apart, measured blind once (docs/disclosure-detection.md) and then tuned on;
holdout.jsonl was written apart afterwards and never tuned on, so its figures
are the honest ones.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from disclosure.classification import DEFAULT_RULES, suggest_disclosure
from disclosure.detection import DetectionConfig, detect

HERE = Path(__file__).parent
OFFICE = re.compile(r"02-2133-\d{4}")
SETS = {"dev": HERE / "dev.jsonl", "dev2": HERE / "dev2.jsonl", "holdout": HERE / "holdout.jsonl"}


@dataclass(frozen=True, slots=True)
class Outcome:
    case_id: str
    kind: str
    expected_level: str
    expected_ground: int | None
    level: str
    grounds: tuple[int, ...]

    @property
    def over(self) -> bool:
        return self.expected_level == "open" and self.level != "open"

    @property
    def under(self) -> bool:
        return self.expected_level != "open" and self.level == "open"

    @property
    def ground_right(self) -> bool:
        return self.expected_ground in self.grounds


@dataclass
class Report:
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def open_cases(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.expected_level == "open"]

    @property
    def withheld(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.expected_level != "open"]

    def over_rate(self) -> float:
        return _rate(sum(o.over for o in self.open_cases), len(self.open_cases))

    def under_rate(self, ground: int | None = None) -> float:
        cases = self._withheld_on(ground)
        return _rate(sum(o.under for o in cases), len(cases))

    def ground_accuracy(self, ground: int | None = None) -> float:
        cases = self._withheld_on(ground)
        return _rate(sum(o.ground_right for o in cases), len(cases), empty=1.0)

    def level_agreement(self) -> float:
        return _rate(sum(o.level == o.expected_level for o in self.outcomes), len(self.outcomes))

    def grounds(self) -> list[int]:
        return sorted({o.expected_ground for o in self.withheld if o.expected_ground is not None})

    def _withheld_on(self, ground: int | None) -> list[Outcome]:
        return [o for o in self.withheld if ground is None or o.expected_ground == ground]


def _rate(part: int, whole: int, *, empty: float = 0.0) -> float:
    return part / whole if whole else empty


def load(name: str) -> list[dict[str, object]]:
    lines = SETS[name].read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def suggest_case(case: dict[str, object]) -> tuple[str, tuple[int, ...]]:
    """The level and grounds tagging would suggest for a case's document."""
    text = f"{case['title']}\n{case['text']}"
    findings = detect(text, DetectionConfig(office_numbers=frozenset(OFFICE.findall(text))))
    suggestion = suggest_disclosure(
        text=text, document_kind=str(case["kind"]), findings=findings, rules=DEFAULT_RULES
    )
    return suggestion.level.value, suggestion.grounds


def evaluate(cases: list[dict[str, object]]) -> Report:
    report = Report()
    for case in cases:
        level, grounds = suggest_case(case)
        ground = case.get("ground")
        report.outcomes.append(
            Outcome(
                case_id=str(case["id"]),
                kind=str(case["kind"]),
                expected_level=str(case["level"]),
                expected_ground=int(str(ground)) if ground is not None else None,
                level=level,
                grounds=grounds,
            )
        )
    return report


def _percent(value: float) -> str:
    return f"{value * 100:5.1f}%"


def print_report(name: str, report: Report, *, errors: bool) -> None:
    levels = Counter(o.expected_level for o in report.outcomes)
    print(
        f"\n== disclosure levels: {name} ({len(report.outcomes)} documents: "
        f"{levels['open']} open, {levels['partial']} partial, {levels['closed']} closed)"
    )
    print(f"over-withholding   {_percent(report.over_rate())}  (goal at most 10%)")
    print(f"under-withholding  {_percent(report.under_rate())}  (goal at most 5%)")
    print(f"ground accuracy    {_percent(report.ground_accuracy())}  (goal at least 90%)")
    print(f"level agreement    {_percent(report.level_agreement())}")
    print(f"{'ground':>6} {'withheld':>9} {'under':>7} {'ground right':>13}")
    for ground in report.grounds():
        count = len(report._withheld_on(ground))
        print(
            f"{ground:>6} {count:>9} {_percent(report.under_rate(ground)):>7} "
            f"{_percent(report.ground_accuracy(ground)):>13}"
        )
    if errors:
        for o in report.outcomes:
            if o.over or o.under or (o.expected_level != "open" and not o.ground_right):
                print(
                    f"  {o.case_id} {o.kind}: decided {o.expected_level}/{o.expected_ground}, "
                    f"suggested {o.level}/{list(o.grounds)}"
                )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list every case gone wrong")
    parser.add_argument("--set", choices=sorted(SETS), action="append", dest="sets")
    args = parser.parse_args(argv)
    for name in args.sets or [n for n in SETS if SETS[n].exists()]:
        print_report(name, evaluate(load(name)), errors=args.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
