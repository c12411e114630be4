"""Korean morphological analysis for the portal search (kiwipiepy).

Rule: a text and a query are both reduced to their content morphemes — nouns
(NN*), verb and adjective stems (VV, VA), roots (XR), foreign words (SL, lowercased),
Chinese characters (SH) and numbers (SN) — so 점검을, 점검은 and 점검 are the same
word to the search. Particles, endings and punctuation are dropped.

The Kiwi model takes about a second and a hundred megabytes to load, so it is
loaded once per process, on first use, under a lock.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterable

CONTENT_TAGS = frozenset({"NNG", "NNP", "NNB", "VV", "VA", "XR", "SL", "SH", "SN"})

_lock = threading.Lock()
_kiwi: Any = None


def _analyser() -> Any:
    """The process's Kiwi instance, created on first use."""
    global _kiwi
    if _kiwi is None:
        with _lock:
            if _kiwi is None:
                from kiwipiepy import Kiwi

                _kiwi = Kiwi()
    return _kiwi


@dataclass(frozen=True, slots=True)
class Morpheme:
    """A content morpheme and where its surface form sits in the analysed text."""

    form: str
    start: int
    end: int


def _base_tag(tag: str) -> str:
    # Kiwi marks regular/irregular conjugation as VV-R, VA-I ...; the class is enough.
    return tag.split("-", 1)[0]


def morphemes(text: str) -> list[Morpheme]:
    """The content morphemes of ``text`` in order, with their character spans."""
    if not text.strip():
        return []
    found: list[Morpheme] = []
    for token in _analyser().tokenize(text):
        if _base_tag(token.tag) in CONTENT_TAGS:
            found.append(Morpheme(token.form.lower(), token.start, token.start + token.len))
    return found


def morpheme_string(text: str) -> str:
    """The space-separated content morphemes of ``text`` (what the index stores)."""
    return " ".join(m.form for m in morphemes(text))


def query_terms(query: str) -> list[str]:
    """The distinct content morphemes of a search query, in the order typed."""
    return _distinct(m.form for m in morphemes(query))


@dataclass(frozen=True, slots=True)
class QueryAnalysis:
    """A query's morphemes (what the index is searched for) and its needles: the
    surface strings to mark in a snippet without analysing the text again."""

    terms: list[str]
    needles: list[str]


def analyse_query(query: str) -> QueryAnalysis:
    """Terms and needles of ``query`` from one analysis.

    Needles are the surface spans of the content morphemes as typed (점검을 gives
    점검, 끝났다 gives 끝났), both each one of two or more characters and each run of
    adjacent ones (저류지를 gives 저류 and 저류지), lowercased.
    """
    found = morphemes(query)
    needles: list[str] = []
    run: list[Morpheme] = []
    for morpheme in [*found, None]:
        if morpheme is not None and run and morpheme.start == run[-1].end:
            run.append(morpheme)
            continue
        if len(run) > 1:
            needles.append(query[run[0].start : run[-1].end])
        run = [morpheme] if morpheme is not None else []
    needles.extend(query[m.start : m.end] for m in found if m.end - m.start > 1)
    needles.extend(query[m.start : m.end] for m in found if m.end - m.start == 1)
    return QueryAnalysis(
        terms=_distinct(m.form for m in found),
        needles=_distinct(needle.lower() for needle in needles),
    )


def _distinct(forms: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for form in forms:
        seen.setdefault(form, None)
    return list(seen)
