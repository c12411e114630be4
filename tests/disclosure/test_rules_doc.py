"""docs/disclosure.md explains every shipped rule with its legal source."""

from disclosure.classification import DEFAULT_RULES
from disclosure.classification.rules_doc import DOC, documented, rules_table


def test_the_document_lists_every_shipped_rule_as_generated():
    assert documented(DOC.read_text(encoding="utf-8")) == rules_table(), (
        "run `make docs-rules` after changing disclosure/classification/default_rules.py"
    )


def test_every_rule_has_a_row_citing_its_source():
    table = rules_table()
    rows = [line for line in table.splitlines() if line.startswith("| `") or "documents)" in line]
    assert len(rows) == len(DEFAULT_RULES)
    assert all("정보공개법 제9조제1항제" in row for row in rows)
