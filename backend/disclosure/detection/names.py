"""Names of private persons: the ones the document's fields give, and Korean names
found in context.

Rules:
- a name the caller passes (``private_names``) is found wherever it stands, alone
  or followed by particles (홍길동은, 홍길동 씨), not inside a longer word;
- a Korean name is found in context: after a word for a private person (민원인,
  신청인, 청구인, 고소인, 피해자 …, or 주민 when 씨/님 follows), after the label
  성명 or 이름, or before 씨, 님 or 귀하; a name is a surname of the list below and
  two given syllables (one after 성명/이름, where a name is certain);
- officials' names are public (Article 9(1)6 (e)): a name of the document's line
  (``public_names``) or one right after an official title (담당자, 주무관, 팀장 …)
  is never found by context, and a title itself (주무관님, 구청장님) is no name;
- a name found in context is then found wherever else the document names it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from disclosure.detection import context
from disclosure.detection.findings import DetectionConfig, Finding, Kind, Reason
from disclosure.detection.name_words import (
    COMPOUND_SURNAMES,
    NOT_NAME_STARTS,
    OFFICIAL_TITLE_BEFORE,
    SURNAMES,
)
from disclosure.detection.patterns import NAME_FOLLOWERS, is_word_start, name_pattern

_SURNAME_STARTS = "".join(sorted(SURNAMES | {s[0] for s in COMPOUND_SURNAMES}))
_NOT_NAME = "|".join(NOT_NAME_STARTS)
# The cue, then a space or a colon, then the word that may be a name: it starts with
# a surname's syllable and not as a word of NOT_NAME_STARTS, checked in C.
_CUE_BEFORE = re.compile(
    r"(?P<cue>민원인|신청인|청구인|고소인|고발인|피고소인|피해자|진정인|신고인|제보자|수급자|"
    r"당사자|성 ?명|이 ?름|주민)(?:\s*:\s*|\s+)"
    rf"(?!{_NOT_NAME})(?P<word>[{_SURNAME_STARTS}][가-힣]{{1,7}})"
)
_NOT_NAME_WORD = re.compile(_NOT_NAME)
_LABELS = frozenset({"성명", "이름"})
_WEAK_CUES = frozenset({"주민"})  # 주민 설명회: a name only with 씨/님 after it
# 씨, 님 or 귀하 after three syllables, the first a surname's (or four: 남궁민수),
# maybe with a space; the look-behinds drop 팀장님, 날씨 in C before any Python
# runs, and one class first lets the engine skip to the next 씨, 님 or 귀.
_SURNAME = "[" + "".join(sorted(SURNAMES)) + "]"
_COMPOUND = "[" + "".join(sorted({s[0] for s in COMPOUND_SURNAMES})) + "]"
_COMPOUND += "[" + "".join(sorted({s[1] for s in COMPOUND_SURNAMES})) + "]"
_TITLE_AFTER = re.compile(
    rf"[씨님귀](?:(?<={_SURNAME}[가-힣][가-힣].)|(?<={_SURNAME}[가-힣][가-힣] .)|"
    rf"(?<={_COMPOUND}[가-힣][가-힣].)|(?<={_COMPOUND}[가-힣][가-힣] .))(?:(?<=[씨님])|하)"
)
_TRAILING_WORD = re.compile(r"([가-힣]{2,4}) ?$")
_FOLLOWERS = re.compile(rf"(?:{NAME_FOLLOWERS})*")
_NAME_ENDS = re.compile(rf"(?:{NAME_FOLLOWERS}){{0,3}}(?![가-힣A-Za-z])")
_TITLED_FOLLOWERS = re.compile(r"\s?(?:씨|님)")
# A third syllable that is a particle: 김철의 is 김철 + 의, hardly a name.
_PARTICLE_ENDINGS = frozenset("의를을는와과에로가")


def names(text: str, config: DetectionConfig) -> list[Finding]:
    """Known private names, names in context, and the context names elsewhere."""
    found = _known(text, config.private_names, 0.9, Reason.KNOWN_NAME)
    public = frozenset(config.public_names) | frozenset(config.private_names)
    in_context = [f for f in _in_context(text) if text[f.start : f.end] not in public]
    found.extend(in_context)
    for name in {text[f.start : f.end] for f in in_context}:
        found.extend(_mentions(text, name))
    return found


def _mentions(text: str, name: str) -> list[Finding]:
    """Every mention of a name found in context; str.find, because a pattern built
    per document would be compiled per document (slower than the whole scan)."""
    found = []
    at = text.find(name)
    while at >= 0:
        end = at + len(name)
        if is_word_start(text, at) and _NAME_ENDS.match(text, end):
            found.append(Finding(at, end, Kind.PERSON_NAME, 0.75, Reason.NAME_REPEATED))
        at = text.find(name, end)
    return found


def _known(text: str, known: tuple[str, ...], confidence: float, reason: Reason) -> list[Finding]:
    if not known:
        return []
    pattern = _cached_name_pattern(known)
    if pattern is None:
        return []
    return [
        Finding(m.start(), m.end(), Kind.PERSON_NAME, confidence, reason)
        for m in pattern.finditer(text)
        if is_word_start(text, m.start())
    ]


_cached_name_pattern = lru_cache(maxsize=64)(name_pattern)


def _in_context(text: str) -> list[Finding]:
    found = []
    for match in _CUE_BEFORE.finditer(text):
        finding = _after_cue(text, match)
        if finding is not None:
            found.append(finding)
    for match in _TITLE_AFTER.finditer(text):
        finding = _before_title(text, match)
        if finding is not None:
            found.append(finding)
    return found


def _after_cue(text: str, match: re.Match[str]) -> Finding | None:
    cue, word, start = match.group("cue"), match.group("word"), match.start("word")
    label = cue.replace(" ", "") in _LABELS
    length = _name_length(word, allow_two=label)
    if length is None:
        return None
    if cue in _WEAK_CUES and not _TITLED_FOLLOWERS.match(text, start + length):
        return None
    if cue in _WEAK_CUES:
        reason = Reason.NAME_BEFORE_TITLE
    else:
        reason = Reason.NAME_LABEL if label else Reason.NAME_AFTER_CUE
    return Finding(start, start + length, Kind.PERSON_NAME, 0.85 if label else 0.8, reason)


def _before_title(text: str, match: re.Match[str]) -> Finding | None:
    """홍길동 씨, 홍길동님께서, 김영희 귀하: the word before, if it is a name."""
    if not _ends_word(text, match.end()):
        return None
    trailing = _TRAILING_WORD.search(context.before(text, match.start(), 6))
    if trailing is None:
        return None
    word = trailing.group(1)
    start = match.start() - len(trailing.group(0))
    if not is_word_start(text, start) or _name_length(word, allow_two=False) != len(word):
        return None
    if OFFICIAL_TITLE_BEFORE.search(context.before(text, start, 12)):
        return None
    return Finding(start, start + len(word), Kind.PERSON_NAME, 0.7, Reason.NAME_BEFORE_TITLE)


def _ends_word(text: str, end: int) -> bool:
    """The title is followed by particles only (씨는, 님께서), then no syllable."""
    after = _FOLLOWERS.match(text, end)
    stop = after.end() if after else end
    return stop >= len(text) or not ("가" <= text[stop] <= "힣")


def _name_length(word: str, *, allow_two: bool) -> int | None:
    """How many syllables of ``word`` are a name, the rest being particles; None if
    no reading of it is one (two given syllables, or one where ``allow_two``)."""
    surname = 2 if word[:2] in COMPOUND_SURNAMES and len(word) >= 3 else 1
    if surname == 1 and word[0] not in SURNAMES:
        return None
    for given in (2, 1) if allow_two or surname == 2 else (2,):
        length = surname + given
        if length > len(word):
            continue
        rest = word[length:]
        if rest and _FOLLOWERS.fullmatch(rest) is None:
            continue
        if not rest and length == 3 and word[2] in _PARTICLE_ENDINGS and allow_two:
            continue  # 김철의: read it as 김철 + 의
        if not rest and length == 3 and word[2] in _PARTICLE_ENDINGS:
            return None
        name = word[:length]
        if _NOT_NAME_WORD.match(name) or name[-1] in "장관":
            return None
        return length
    return None
