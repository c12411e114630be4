"""How the official form writes dates, amounts and sizes.

Rules of the Korean administrative form (행정업무운영 편람): dates are written
with dots and no leading zeros ("2025. 3. 4."); an amount of money is given in
figures followed by its Korean reading in brackets ("금1,250,000원(금일백이십오만원)")
so that a figure cannot be altered unnoticed.
"""

from datetime import date

_DIGITS = "영일이삼사오육칠팔구"
_SMALL_UNITS = ("", "십", "백", "천")
_LARGE_UNITS = ("", "만", "억", "조", "경")


def official_date(value: date) -> str:
    """2025. 3. 4."""
    return f"{value.year}. {value.month}. {value.day}."


def short_date(value: date) -> str:
    """3/4: the date written beside a name in the approval box."""
    return f"{value.month}/{value.day}"


def amount_in_words(amount: int) -> str:
    """The Korean reading of a non-negative amount: 1250000 -> 일백이십오만."""
    if amount < 0:
        raise ValueError("amount must not be negative")
    if amount == 0:
        return "영"
    groups: list[str] = []
    for index, unit in enumerate(_LARGE_UNITS):
        group = (amount // 10 ** (4 * index)) % 10000
        if group:
            groups.append(_four_digits(group) + unit)
        if amount < 10 ** (4 * (index + 1)):
            break
    else:
        raise ValueError("amount is too large to write in words")
    return "".join(reversed(groups))


def _four_digits(group: int) -> str:
    text = ""
    for position in range(3, -1, -1):
        digit = (group // 10**position) % 10
        if digit:
            text += _DIGITS[digit] + _SMALL_UNITS[position]
    return text


def official_amount(amount: int) -> str:
    """금1,250,000원(금일백이십오만원)."""
    return f"금{amount:,}원(금{amount_in_words(amount)}원)"


def file_size(size_bytes: int) -> str:
    """A size a reader understands: 820 B, 14.2 KB, 3.1 MB."""
    if size_bytes < 1024:
        return f"{size_bytes} B"
    if size_bytes < 1024 * 1024:
        return f"{size_bytes / 1024:.1f} KB"
    return f"{size_bytes / (1024 * 1024):.1f} MB"
