"""Arithmetic checks on digit strings: birth dates, check digits, region codes.

Every function takes the digits only (separators removed by the caller).
"""

from __future__ import annotations

import calendar

# The 7th digit of a resident (or foreigner) registration number gives the
# century of birth: 1-2 and 5-6 the 1900s, 3-4 and 7-8 the 2000s, 9 and 0 the 1800s.
_CENTURY_BY_GENDER_DIGIT = {
    "1": 1900,
    "2": 1900,
    "5": 1900,
    "6": 1900,
    "3": 2000,
    "4": 2000,
    "7": 2000,
    "8": 2000,
    "9": 1800,
    "0": 1800,
}
FOREIGNER_GENDER_DIGITS = frozenset("5678")

# Driver's licence numbers start with the code of the issuing regional agency.
LICENCE_REGION_CODES = frozenset(range(11, 29))

_RRN_WEIGHTS = (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)


def is_valid_birth_date(yymmdd: str, gender_digit: str) -> bool:
    """True when YYMMDD is a real calendar date in the century the gender digit names."""
    century = _CENTURY_BY_GENDER_DIGIT.get(gender_digit)
    if century is None or len(yymmdd) != 6 or not yymmdd.isdigit():
        return False
    year = century + int(yymmdd[:2])
    month, day = int(yymmdd[2:4]), int(yymmdd[4:6])
    if not 1 <= month <= 12:
        return False
    return 1 <= day <= calendar.monthrange(year, month)[1]


def has_rrn_check_digit(digits: str) -> bool:
    """The pre-October-2020 check digit (resident or foreigner variant).

    Numbers issued since October 2020 have no check digit, so a failure here must
    never reject a number; a success only raises confidence.
    """
    if len(digits) != 13 or not digits.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(digits, _RRN_WEIGHTS, strict=False))
    last = int(digits[12])
    if digits[6] in FOREIGNER_GENDER_DIGITS:
        return (13 - total % 11) % 10 == last
    return (11 - total % 11) % 10 == last


def luhn_valid(digits: str) -> bool:
    """The Luhn (mod 10) check every payment card number carries."""
    if not digits.isdigit():
        return False
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


# What the number patterns let stand between digits; translate() drops them at
# C speed (a generator over characters was the detector's hottest line).
_SEPARATORS = str.maketrans("", "", "-.() +\t\u2013")


def only_digits(text: str) -> str:
    """The digits of a matched number in order (its separators - . ( ) + space dropped)."""
    return text.translate(_SEPARATORS)
