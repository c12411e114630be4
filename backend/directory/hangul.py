"""Hangul search keys: a name as 두벌식 keystrokes and as its initial consonants (초성).

People search stores two ASCII keys on every person (directory.models.Person):

- `search_keys`: the keys a 두벌식 keyboard types for the name, lowercased
  (김민수 -> "rlaalstn"), so a name typed with the Korean IME off is found, a
  partial one too (rlaal), and so is any later part of the name (민수 -> "alstn").
  Lowercased because people rarely hold shift for ㄲ/ㅆ when the IME is off.
- `search_initials`: the initial consonant of every syllable as its 두벌식 key,
  case kept (김민수 -> "rat", 꽃님 -> "Rs"), so ㄱㅁㅅ and ㄱㅁ find 김민수.

Both are ASCII so a trigram index (pg_trgm) serves them whatever the database's
locale: pg_trgm skips characters the locale does not call letters, Hangul under "C".
"""

import re

SYLLABLE_FIRST, SYLLABLE_LAST = 0xAC00, 0xD7A3
_PER_INITIAL = 21 * 28  # syllables that share one initial consonant

# The 19 initial consonants, the 21 vowels and the 27 final consonants, in Unicode order.
INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_INITIAL_KEYS = [
    "r", "R", "s", "e", "E", "f", "a", "q", "Q", "t", "T", "d", "w", "W", "c", "z", "x",
    "v", "g",
]  # fmt: skip
_VOWEL_KEYS = [
    "k", "o", "i", "O", "j", "p", "u", "P", "h", "hk", "ho", "hl", "y", "n", "nj", "np",
    "nl", "b", "m", "ml", "l",
]  # fmt: skip
_FINAL_KEYS = [
    "", "r", "R", "rt", "s", "sw", "sg", "e", "f", "fr", "fa", "fq", "ft", "fx",
    "fv", "fg", "a", "q", "qt", "t", "T", "d", "w", "c", "z", "x", "v", "g",
]  # fmt: skip

# Hangul compatibility jamo (ㄱ U+3131 to ㅣ U+3163), what a keyboard types alone.
_COMPAT_CONSONANTS = "ㄱㄲㄳㄴㄵㄶㄷㄸㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅃㅄㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_COMPAT_CONSONANT_KEYS = [
    "r", "R", "rt", "s", "sw", "sg", "e", "E", "f", "fr", "fa", "fq", "ft", "fx", "fv",
    "fg", "a", "q", "Q", "qt", "t", "T", "d", "w", "W", "c", "z", "x", "v", "g",
]  # fmt: skip
_COMPAT_VOWELS = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
JAMO_KEYS: dict[str, str] = {
    **dict(zip(_COMPAT_CONSONANTS, _COMPAT_CONSONANT_KEYS, strict=True)),
    **dict(zip(_COMPAT_VOWELS, _VOWEL_KEYS, strict=True)),
}


def is_syllable(char: str) -> bool:
    return SYLLABLE_FIRST <= ord(char) <= SYLLABLE_LAST


def is_jamo(char: str) -> bool:
    return char in JAMO_KEYS


def _syllable_keys(char: str) -> str:
    code = ord(char) - SYLLABLE_FIRST
    initial, rest = divmod(code, _PER_INITIAL)
    vowel, final = divmod(rest, 28)
    return _INITIAL_KEYS[initial] + _VOWEL_KEYS[vowel] + _FINAL_KEYS[final]


def dubeolsik(text: str) -> str:
    """`text` as 두벌식 keystrokes (case kept); other characters are kept as they are."""
    out = []
    for char in text:
        if is_syllable(char):
            out.append(_syllable_keys(char))
        else:
            out.append(JAMO_KEYS.get(char, char))
    return "".join(out)


def initials(text: str) -> str:
    """The initial consonant of each syllable (and each lone consonant) as its key."""
    out = []
    for char in text:
        if is_syllable(char):
            out.append(_INITIAL_KEYS[(ord(char) - SYLLABLE_FIRST) // _PER_INITIAL])
        elif char in _COMPAT_CONSONANTS:
            out.append(JAMO_KEYS[char])
    return "".join(out)


def person_search_keys(name: str) -> dict[str, str]:
    """The stored keys of a person named `name` (the Person fields they fill)."""
    compact = "".join(name.split())
    return {"search_keys": dubeolsik(compact).lower(), "search_initials": initials(compact)}


def jamo_pattern(query: str) -> str:
    """A regular expression for `query` where a lone initial consonant stands for any
    syllable that starts with it (김ㅁ -> 김[마-밓ㅁ]) and everything else for itself."""
    parts = []
    for char in query:
        index = INITIALS.find(char)
        if index < 0:
            parts.append(re.escape(char))
            continue
        first = SYLLABLE_FIRST + index * _PER_INITIAL
        parts.append(f"[{chr(first)}-{chr(first + _PER_INITIAL - 1)}{char}]")
    return "".join(parts)
