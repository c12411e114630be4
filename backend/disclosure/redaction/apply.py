"""Redaction that removes the text: the public text and HTML of one field or body.

Rules:
- a span is removed character by character and a mark takes its place once,
  where the span starts: "[비공개(6)]" (the ground of the span);
- overlapping or touching spans merge; the merged span keeps the smallest ground
  (marks name one ground, and any of them is a lawful reason);
- a withheld paragraph is replaced whole by "[비공개(5) 부분]", inline tags and
  all; its text is never visited;
- the HTML is generated, not edited: only kept tags, with no attribute, and text
  escaped after removal. So no removed character can survive in an attribute,
  an alt text or a link.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape

from disclosure.redaction.body import Body, Token


@dataclass(frozen=True, slots=True)
class Span:
    """Characters ``start``..``end`` of a field's plain text, withheld on ``ground``."""

    start: int
    end: int
    ground: int


def span_mark(ground: int) -> str:
    return f"[비공개({ground})]"


def paragraph_mark(ground: int) -> str:
    return f"[비공개({ground}) 부분]"


def merge_spans(spans: Iterable[Span]) -> list[Span]:
    """Sorted, non-overlapping spans (see the module's rules)."""
    merged: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, s.end)):
        if merged and span.start <= merged[-1].end:
            last = merged[-1]
            merged[-1] = Span(last.start, max(last.end, span.end), min(last.ground, span.ground))
        else:
            merged.append(span)
    return merged


def redact_text(text: str, spans: Iterable[Span]) -> str:
    """``text`` with every span removed and marked."""
    out: list[str] = []
    position = 0
    for span in merge_spans(spans):
        start, end = max(span.start, position), min(span.end, len(text))
        if end <= start:
            continue
        out.append(text[position:start])
        out.append(span_mark(span.ground))
        position = end
    out.append(text[position:])
    return "".join(out)


def _redact_run(token: Token, spans: Sequence[Span]) -> str:
    """The part of a text token that survives, with the marks of spans starting in it."""
    first, last = token.offset, token.offset + len(token.value)
    out: list[str] = []
    position = first
    for span in spans:
        if span.end <= first or span.start >= last:
            continue
        start, end = max(span.start, first), min(span.end, last)
        out.append(token.value[position - first : start - first])
        if span.start >= first:
            out.append(span_mark(span.ground))
        position = max(position, end)
    out.append(token.value[position - first :])
    return "".join(out)


@dataclass(frozen=True, slots=True)
class RedactedBody:
    text: str
    html: str


def redact_body(body: Body, spans: Iterable[Span], withheld: dict[int, int]) -> RedactedBody:
    """The public text and HTML of ``body``.

    ``spans`` are over ``body.text``; ``withheld`` maps paragraph index -> ground.
    """
    merged = merge_spans(spans)
    paragraphs: dict[int, list[str]] = {p.index: [] for p in body.paragraphs}
    html: list[str] = []
    marked: set[int] = set()
    for token in body.tokens:
        if token.type == "start":
            html.append(f"<{token.value}>")
        elif token.type == "end":
            html.append(f"</{token.value}>")
        elif token.type == "void":
            html.append(f"<{token.value}>")
        elif token.paragraph in withheld:
            if token.paragraph not in marked:
                marked.add(token.paragraph)
                mark = paragraph_mark(withheld[token.paragraph])
                paragraphs[token.paragraph].append(mark)
                html.append(escape(mark))
        else:
            kept = _redact_run(token, merged)
            paragraphs[token.paragraph].append(kept)
            html.append(escape(kept).replace("\n", "<br>"))
    text = "\n".join("".join(parts) for _index, parts in sorted(paragraphs.items()))
    return RedactedBody(text=text, html="".join(html))
