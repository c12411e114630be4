"""Suggested disclosure level (open / partial / closed) and grounds of a document.

Plain typed functions over text, document kind, findings and rules, so they
run without a database; ``active_rules()`` reads the administrator's rules.
"""

from core.disclosure_law import GROUNDS
from disclosure.classification.default_rules import DEFAULT_RULES
from disclosure.classification.rules import DocumentKind, Effect, LapseEvent, Level, RuleSpec
from disclosure.classification.store import active_rules
from disclosure.classification.suggest import (
    Comparison,
    Explanation,
    Suggestion,
    compare_with_suggestion,
    suggest_disclosure,
)

__all__ = [
    "DEFAULT_RULES",
    "GROUNDS",
    "Comparison",
    "DocumentKind",
    "Effect",
    "Explanation",
    "LapseEvent",
    "Level",
    "RuleSpec",
    "Suggestion",
    "active_rules",
    "compare_with_suggestion",
    "suggest_disclosure",
]
