"""The public version of an approved version: every field with its redactions applied.

Pure functions over the version's content; the services load the accepted
redactions and withheld paragraphs and store what this returns.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from disclosure.redaction.apply import Span, redact_body, redact_text
from disclosure.redaction.fields import VersionTexts


@dataclass(frozen=True, slots=True)
class FieldSpan:
    field: str
    start: int
    end: int
    ground: int


@dataclass(frozen=True, slots=True)
class PublicVersion:
    """What citizens may read: redacted fields, body text and body HTML."""

    fields: dict[str, str]
    text: str
    html: str

    @property
    def title(self) -> str:
        return self.fields["title"]


def public_version(
    texts: VersionTexts, spans: Iterable[FieldSpan], withheld: dict[int, int]
) -> PublicVersion:
    """Apply ``spans`` (by field) and ``withheld`` paragraphs (index -> ground).

    The public plain text is the title, then the body, separated by a blank line,
    with the redacted kind fields after it, one per line ("지급 대상: ...").
    """
    by_field: dict[str, list[Span]] = defaultdict(list)
    for span in spans:
        by_field[span.field].append(Span(span.start, span.end, span.ground))
    fields = {
        name: redact_text(value, by_field.get(name, ()))
        for name, value in texts.fields.items()
        if name != "body"
    }
    body = redact_body(texts.body, by_field.get("body", ()), withheld)
    fields["body"] = body.text
    lines = [fields["title"], "", body.text]
    extra = [f"{_LABELS[name]}: {fields[name]}" for name in _LABELS if fields.get(name)]
    if extra:
        lines += ["", *extra]
    return PublicVersion(fields=fields, text="\n".join(lines).strip(), html=body.html)


_LABELS = {"payee": "지급 대상", "purpose": "목적", "person": "대상자"}
