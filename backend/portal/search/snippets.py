"""Snippets of the public text around the words searched for, with the hits marked.

Rule: a snippet is cut from ``public_text`` only (the redacted text), so it can
never show what redaction removed. The window starts near the first place a query
morpheme appears; that window alone is analysed again, and every morpheme equal to
a query term is marked, so 점검을 is marked when 점검 was searched.
"""

from __future__ import annotations

from dataclasses import dataclass

from portal.analysis import morphemes

SNIPPET_WIDTH = 160
# How much of the window comes before the first hit.
LEAD = SNIPPET_WIDTH // 4
ELLIPSIS = "…"


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of snippet text; ``hit`` pieces are shown highlighted (<mark>)."""

    text: str
    hit: bool = False


def snippet(text: str, terms: list[str], *, width: int = SNIPPET_WIDTH) -> list[Segment]:
    """Up to ``width`` characters of ``text`` around the first hit, split into segments."""
    flat = " ".join(text.split())
    if not flat:
        return []
    start = _window_start(flat, terms, width)
    end = min(len(flat), start + width)
    window = flat[start:end]
    segments = _marked(window, set(terms)) if terms else [Segment(window)]
    if start > 0:
        segments.insert(0, Segment(ELLIPSIS))
    if end < len(flat):
        segments.append(Segment(ELLIPSIS))
    return segments


def _window_start(text: str, terms: list[str], width: int) -> int:
    lowered = text.lower()
    positions = [p for p in (lowered.find(term) for term in terms) if p >= 0]
    if not positions:
        return 0
    start = max(0, min(positions) - LEAD)
    # Prefer to start at a word boundary rather than mid-word.
    space = text.rfind(" ", max(0, start - 10), start + 1)
    start = space + 1 if space >= 0 else start
    return max(0, min(start, len(text) - width))


def _marked(window: str, terms: set[str]) -> list[Segment]:
    segments: list[Segment] = []
    cursor = 0
    for morpheme in morphemes(window):
        if morpheme.form not in terms or morpheme.start < cursor:
            continue
        if morpheme.start > cursor:
            segments.append(Segment(window[cursor : morpheme.start]))
        segments.append(Segment(window[morpheme.start : morpheme.end], hit=True))
        cursor = morpheme.end
    if cursor < len(window):
        segments.append(Segment(window[cursor:]))
    return segments
