"""How the official form writes dates, amounts and sizes.

Rules of the Korean administrative form (행정업무운영 편람): dates are written
with dots and no leading zeros ("2025. 3. 4."); an amount of money is given in
figures followed by its Korean reading in brackets ("금1,250,000원(금일백이십오만원)")
so that a figure cannot be altered unnoticed. A head's title is written with
its unit as one word when the unit already names it ("인사과" + "과장" =
"인사과장").
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


def unit_title(unit: str, title: str) -> str:
    """A signer's unit and title as the approval box prints a consultee.

    The head of a unit is called by the unit: when the title ends with 장 and
    starts with the unit's last syllable, the two are one word ("인사과" + "과장" ->
    "인사과장", "예산총괄팀" + "팀장" -> "예산총괄팀장"), and a title the unit's name
    already ends with is not repeated ("정보화담당관" + "담당관" -> "정보화담당관");
    otherwise the unit, a space and the title ("예산팀 주무관").
    """
    unit, title = unit.strip(), title.strip()
    if not unit or not title:
        return unit or title
    if unit.endswith(title):
        return unit
    if title.endswith("장") and len(title) > 1 and unit[-1] == title[0]:
        return unit + title[1:]
    return f"{unit} {title}"


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
