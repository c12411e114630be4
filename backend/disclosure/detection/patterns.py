"""The compiled patterns of the detector.

Speed rule: almost every kind of personal information contains a digit, and
ordinary Korean prose contains few. The main pattern therefore starts with a
single ``\\d``, which lets the ``re`` engine skip to the next digit in C (a
"charset prefix") instead of trying every alternative at every character; an
alternation whose branches start differently scans about four times slower.
Each branch below begins matching right AFTER that first digit and constrains
the first digit, or what precedes it, with a look-behind where it must.

The branches are tried in order at a position and the first that matches wins,
so the more specific shapes come first. Some branches exist only to consume
numbers that are NOT personal information (business registration and
representative numbers) so that no looser branch claims them.

E-mail addresses are found from their ``@`` (emails.py), and names of private
persons by a pattern built per call from the names known (names.py). Every
pattern reads the folded text (folding.py): one dash, ASCII digits.
"""

from __future__ import annotations

import re

# The number of an address must not run on into a unit: 110건, 3층, 12번길, 5호선.
_ADDRESS_END = r"(?![\d년월일시분초원건명개회차부권장편점위주%층번길로가호]|[,.]\d)"

# Branches of numbers of eight or more characters (every kind but addresses).
_LONG_BRANCHES: tuple[tuple[str, str], ...] = (
    # NN-NN-NNNNNN-NN: driver's licence (region code checked by the handler).
    ("licence", r"\d-\d\d-\d{6}-\d\d(?!\d)"),
    # YYMMDD-GNNNNNN, also without the hyphen; also corporate numbers, which the
    # handler tells apart by context.
    ("rrn", r"\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?:\s?[-\u2013]\s?)?\d{7}(?!\d)"),
    # 4-4-4-(1..7) and 4-6-5 with one kind of separator; the handler runs Luhn.
    (
        "card",
        r"\d\d\d(?P<card_sep>[- ])"
        r"(?:\d{4}(?P=card_sep)\d{4}(?P=card_sep)\d{1,7}|\d{6}(?P=card_sep)\d{5})(?!\d)",
    ),
    ("card_compact", r"\d\d{13,14}(?!\d)"),
    # NNN-NN-NNNNN: business registration number, never personal.
    ("business", r"\d\d-\d\d-\d{5}(?!\d)"),
    # 1588-xxxx, 1577-, 1566-, 1644- ...: representative numbers of organisations.
    ("representative", r"[5-9](?<=1[5-9])\d\d[- .]\d{4}(?!\d)"),
    # 11 digits: a compact mobile number or a health insurance number (N-NNNNNNNNNN).
    ("digits11", r"\d\d{9}(?!\d)"),
    ("digits11_dash", r"-\d{10}(?!\d)"),
    # 010-1234-5678, 010 1234 5678, 010.1234.5678, (010)1234-5678, 010 - 1234 - 5678.
    (
        "mobile",
        r"1(?<=01)[016789](?: - |[-. ]|\)\s?)?\d{3,4}(?: - |[-. ])?\d{4}(?!\d)",
    ),
    (
        "landline",
        r"[2-7](?<=0[2-7])(?:(?<=2)|(?<=[3-6])[1-5]|(?<=7)0)(?:[-. ]|\)\s?)\d{3,4}[-. ]\d{4}(?!\d)",
    ),
    # +82 10-1234-5678, +82-2-123-4567, +821012345678 (the + precedes the 8).
    (
        "intl_phone",
        r"2(?<=\+82)[-. ]?(?:\(0\)\s?)?(?:1[016789]|2|[3-6][1-5])[-. ]?\d{3,4}[-. ]?\d{4}(?!\d)",
    ),
    # M12345678 (old) and M123A4567 (since 2021): the letter precedes the first digit.
    # M/S general (multiple, single), R residents abroad, G government, D diplomatic,
    # O official (before 2008).
    (
        "passport",
        r"\d(?<=[MSRGDO]\d\d)(?<![A-Za-z][MSRGDO]\d\d)(?:\d{6}|\d[A-Z]\d{4})(?![\dA-Za-z])",
    ),
    # Anything shaped like a bank account; reported only next to a bank's name.
    ("account", r"(?:\d{1,5}(?:-\d{2,7}){1,4}|\d{8,12})(?!\d)"),
)

# 도로명 (after a road name ending in 로/길, with 동/호 detail) and 지번 (after a
# 동/리/가) building or lot numbers; the handler reads the name before it.
_ADDRESS = (
    r"(?:(?<=[로길동리가]\d)|(?<=[로길동리가] \d))\d{0,3}(?:-\d{1,4})?"
    r"(?:번지|(?:,?\s?\d{1,4}동)?(?:\s?\d{1,5}호)?)" + _ADDRESS_END
)

# Most numbers in prose (years, amounts, article numbers) are short or broken by
# a comma or a unit: seven number-like characters after the first digit gate the
# long branches, so that those numbers fail after one check.
NUMBER_PATTERN = re.compile(
    r"\d(?<!\d\d)(?:(?=[\d\-. ()A-Z]{7})(?:"
    + "|".join(f"(?P<{name}>{body})" for name, body in _LONG_BRANCHES)
    + f")|(?P<address>{_ADDRESS}))"
)

# Particles and titles that may follow a name: 홍길동은, 홍길동의, 홍길동 씨, 홍길동님께.
NAME_FOLLOWERS = (
    "에게서|에게|께서|께|으로|로|은|는|이|가|을|를|의|과|와|도|만|씨|님|이다|입니다|이며|이고"
)


def name_pattern(names: tuple[str, ...]) -> re.Pattern[str] | None:
    """A pattern finding any of ``names``, alone or followed by particles.

    A name inside a longer Hangul word (홍길동로) is not the person, so a name must
    not run on into another syllable except through particles; the caller checks
    the character before (a pattern starting with literals scans fastest).
    """
    usable = sorted({n.strip() for n in names if len(n.strip()) >= 2}, key=len, reverse=True)
    if not usable:
        return None
    alternation = "|".join(re.escape(n) for n in usable)
    return re.compile(rf"(?:{alternation})(?=(?:{NAME_FOLLOWERS}){{0,3}}(?![가-힣A-Za-z]))")


def is_word_start(text: str, start: int) -> bool:
    """True when no letter or Hangul syllable touches ``start`` from the left."""
    if start == 0:
        return True
    before = text[start - 1]
    return not (before.isalpha())
