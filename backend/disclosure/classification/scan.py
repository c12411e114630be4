"""One call from text to findings and suggestion, as the CLI and the API report it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from disclosure.classification.rules import DocumentKind, RuleSpec
from disclosure.classification.suggest import Suggestion, suggest_disclosure
from disclosure.detection import DetectionConfig, Finding, detect


@dataclass(frozen=True, slots=True)
class ScanResult:
    findings: tuple[Finding, ...]
    suggestion: Suggestion

    def as_dict(self, *, explain: bool = False) -> dict[str, object]:
        """{"level", "grounds", "findings"} (and "explanations" when asked);
        offsets are in characters of the scanned text."""
        result: dict[str, object] = {
            "level": self.suggestion.level.value,
            "grounds": list(self.suggestion.grounds),
            "findings": [f.as_dict() for f in self.findings],
        }
        if explain:
            result["explanations"] = [e.as_dict() for e in self.suggestion.explanations]
        return result


def scan_text(
    text: str,
    *,
    document_kind: DocumentKind | str | None,
    rules: Iterable[RuleSpec],
    config: DetectionConfig,
) -> ScanResult:
    findings = tuple(detect(text, config))
    suggestion = suggest_disclosure(
        text=text, document_kind=document_kind, findings=findings, rules=rules
    )
    return ScanResult(findings, suggestion)
