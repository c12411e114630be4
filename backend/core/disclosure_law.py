"""Disclosure law in one place: the levels, the grounds and how decisions combine.

The Official Information Disclosure Act (공공기관의 정보공개에 관한 법률) lets a
public body withhold information only on the eight grounds of its Article 9(1)
(제9조제1항 제1호-제8호). Every level other than open cites at least one of them;
open cites none. Of two decisions the stricter wins (closed > partial > open), and
the grounds of both are kept. Every app imports these names from here, so the law
is written once.

Labels are English msgids; the Korean names are in core's locale. The printed mark
of the official form (공개, 부분공개(6), 비공개(5,6)) is Korean whatever the reader's
language: it is part of the statutory layout.
"""

from collections.abc import Iterable
from typing import Final, Literal

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

Level = Literal["open", "partial", "closed"]
LEVELS: Final[tuple[Level, ...]] = ("open", "partial", "closed")
GROUNDS: Final[tuple[int, ...]] = (1, 2, 3, 4, 5, 6, 7, 8)
PERSONAL_INFORMATION_GROUND: Final = 6

GROUND_LABELS: Final[dict[int, Promise]] = {
    1: _("Secret or closed under another law"),
    2: _("National security, defence, unification or foreign relations"),
    3: _("Protection of people's lives, bodies and property"),
    4: _("Trials, crime prevention, investigation and prosecution"),
    5: _("Audits, inspections, negotiations or decision making in progress"),
    6: _("Personal information"),
    7: _("Business secrets of corporations, organisations or individuals"),
    8: _("Speculation or unfair advantage to particular persons"),
}

LEVEL_LABELS: Final[dict[str, Promise]] = {
    "open": pgettext_lazy("disclosure level", "Open"),
    "partial": pgettext_lazy("disclosure level", "Partially open"),
    "closed": pgettext_lazy("disclosure level", "Closed"),
}

# The words of the official form's 공개구분 field.
OFFICIAL_LEVEL_WORDS: Final[dict[str, str]] = {
    "open": "공개",
    "partial": "부분공개",
    "closed": "비공개",
}

_RANK: Final[dict[str, int]] = {level: rank for rank, level in enumerate(LEVELS)}


def is_ground(value: object) -> bool:
    """Whether `value` is one of the grounds 1 to 8 (booleans are not numbers here)."""
    return isinstance(value, int) and not isinstance(value, bool) and value in GROUNDS


def ground_label(number: int) -> Promise | str:
    """The name of ground `number`; an unknown number is shown as it is."""
    return GROUND_LABELS.get(number, str(number))


def stricter(a: str, b: str) -> str:
    """The stricter of two levels (closed > partial > open)."""
    return a if _RANK[a] >= _RANK[b] else b


def grounds_problem(level: str, grounds: Iterable[int]) -> str | None:
    """Why `grounds` do not fit `level` (an English rule, for errors), or None."""
    cited = tuple(grounds)
    if level not in _RANK:
        return f"unknown level {level!r}"
    if any(not is_ground(g) for g in cited):
        return "grounds are numbers 1 to 8"
    if level == "open" and cited:
        return "open disclosure cites no grounds"
    if level != "open" and not cited:
        return "partial or closed needs grounds 1-8"
    return None


def official_mark(level: str, grounds: Iterable[int]) -> str:
    """The printed 공개구분: 공개, 부분공개(6), 비공개(5,6)."""
    word = OFFICIAL_LEVEL_WORDS[level]
    numbers = sorted(set(grounds))
    return f"{word}({','.join(str(g) for g in numbers)})" if numbers else word
