"""Snippets of the public text around the words searched for, with the hits marked.

Rules:
- a snippet is cut from ``public_text`` only (the redacted text), so it can never
  show what redaction removed;
- the window starts near the first place a needle (a query word's surface stem,
  portal.analysis.analyse_query) appears, else at the start of the text;
- needles are marked where they occur, longest first; a one-character needle only
  at the start of a word, so 지 (from 저류지) does not light up every 지 inside words.
The text is not analysed again at query time: Kiwi reads about 40,000 characters a
second of CPU here, too slow for twenty snippets a page within the latency goal. A
verb searched in one ending may therefore go unmarked in another (끝났 in 끝나는);
the document is still found, since matching is on morphemes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SNIPPET_WIDTH = 160
# How much of the window comes before the first hit.
LEAD = SNIPPET_WIDTH // 4
ELLIPSIS = "…"


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of snippet text; ``hit`` pieces are shown highlighted (<mark>)."""

    text: str
    hit: bool = False


def needle_pattern(needles: list[str]) -> re.Pattern[str] | None:
    """One case-insensitive pattern for all needles, longest first."""
    if not needles:
        return None
    parts = [
        re.escape(n) if len(n) > 1 else rf"(?<!\w){re.escape(n)}"
        for n in sorted(needles, key=len, reverse=True)
    ]
    return re.compile("|".join(parts), re.IGNORECASE)


def snippet(
    text: str, pattern: re.Pattern[str] | None, *, width: int = SNIPPET_WIDTH
) -> list[Segment]:
    """Up to ``width`` characters of ``text`` around the first hit, split into segments."""
    flat = " ".join(text.split())
    if not flat:
        return []
    first = pattern.search(flat) if pattern else None
    start = _window_start(flat, first.start() if first else 0, width)
    end = min(len(flat), start + width)
    window = flat[start:end]
    segments = _marked(window, pattern) if pattern else [Segment(window)]
    if start > 0:
        segments.insert(0, Segment(ELLIPSIS))
    if end < len(flat):
        segments.append(Segment(ELLIPSIS))
    return segments


def _window_start(text: str, hit: int, width: int) -> int:
    if hit <= 0:
        return 0
    start = max(0, hit - LEAD)
    # Prefer to start at a word boundary rather than mid-word.
    space = text.rfind(" ", max(0, start - 10), start + 1)
    start = space + 1 if space >= 0 else start
    return max(0, min(start, len(text) - width))


def _marked(window: str, pattern: re.Pattern[str]) -> list[Segment]:
    segments: list[Segment] = []
    cursor = 0
    for match in pattern.finditer(window):
        if match.start() > cursor:
            segments.append(Segment(window[cursor : match.start()]))
        segments.append(Segment(match.group(0), hit=True))
        cursor = match.end()
    if cursor < len(window):
        segments.append(Segment(window[cursor:]))
    return segments
