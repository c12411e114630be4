"""Precision and recall of the detector on the labelled evaluation set.

    python -m tests.disclosure.eval.evaluate [--errors]   (make eval-disclosure)

A finding counts as correct only when its kind, start and end all equal a
label's; anything else is a false positive, and the label it missed a false
negative. eval.jsonl is generated (generate.py); handwritten.jsonl holds the
tricky cases written by hand. A case's ``names`` are the private persons its
document's structured fields name, its ``officials`` the people of its line.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from disclosure.detection import DetectionConfig, detect

HERE = Path(__file__).parent
SETS = (HERE / "eval.jsonl", HERE / "handwritten.jsonl")
Label = tuple[str, int, int]


@dataclass
class Scores:
    true_pos: Counter[str] = field(default_factory=Counter)
    false_pos: Counter[str] = field(default_factory=Counter)
    false_neg: Counter[str] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)

    def precision(self, kind: str | None = None) -> float:
        tp, fp = self._count(self.true_pos, kind), self._count(self.false_pos, kind)
        return tp / (tp + fp) if tp + fp else 1.0

    def recall(self, kind: str | None = None) -> float:
        tp, fn = self._count(self.true_pos, kind), self._count(self.false_neg, kind)
        return tp / (tp + fn) if tp + fn else 1.0

    def kinds(self) -> list[str]:
        return sorted(set(self.true_pos) | set(self.false_pos) | set(self.false_neg))

    @staticmethod
    def _count(counter: Counter[str], kind: str | None) -> int:
        return sum(counter.values()) if kind is None else counter[kind]


def load_cases() -> list[dict[str, object]]:
    cases = []
    for path in SETS:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                cases.append(json.loads(line))
    return cases


def evaluate(cases: list[dict[str, object]]) -> Scores:
    scores = Scores()
    for case in cases:
        text, names = str(case["text"]), case.get("names") or []
        officials = case.get("officials") or []
        config = DetectionConfig(
            private_names=tuple(names),  # type: ignore[arg-type]
            public_names=tuple(officials),  # type: ignore[arg-type]
        )
        found = {(f.kind.value, f.start, f.end) for f in detect(text, config)}
        expected = {(e["kind"], e["start"], e["end"]) for e in case["expected"]}  # type: ignore[attr-defined]
        _score(scores, str(case["id"]), found, expected)
    return scores


def _score(scores: Scores, case_id: str, found: set[Label], expected: set[Label]) -> None:
    for kind, _start, _end in found & expected:
        scores.true_pos[kind] += 1
    for kind, start, end in found - expected:
        scores.false_pos[kind] += 1
        scores.errors.append(f"{case_id}: false positive {kind} {start}-{end}")
    for kind, start, end in expected - found:
        scores.false_neg[kind] += 1
        scores.errors.append(f"{case_id}: missed {kind} {start}-{end}")


def report(scores: Scores) -> str:
    rows = [f"{'kind':<18}{'precision':>10}{'recall':>8}{'TP':>6}{'FP':>5}{'FN':>5}"]
    for kind in [*scores.kinds(), None]:
        tp, fp, fn = (
            Scores._count(c, kind) for c in (scores.true_pos, scores.false_pos, scores.false_neg)
        )
        rows.append(
            f"{kind or 'overall':<18}{scores.precision(kind):>10.3f}{scores.recall(kind):>8.3f}"
            f"{tp:>6}{fp:>5}{fn:>5}"
        )
    return "\n".join(rows)


def main() -> None:
    cases = load_cases()
    scores = evaluate(cases)
    print(f"{len(cases)} snippets")
    print(report(scores))
    if "--errors" in sys.argv:
        print("\n".join(scores.errors))


if __name__ == "__main__":
    main()
