"""Addresses of private persons: 도로명 (road name + building number) and 지번
(동/리/가 + lot number).

The pattern matches only the number; the handler reads the road or 동 name and
the districts before it (서울특별시 마포구 ...) backwards, and reports the whole
address. An address next to words naming an office or a public place (청사,
회의실, 장소) is where an office is, not where a person lives, unless a label
such as 주소 or 자택 says otherwise.
"""

from __future__ import annotations

import re

from disclosure.detection import context
from disclosure.detection.findings import DetectionConfig, Finding, Kind, Reason

_DISTRICTS = (
    r"(?:(?:[가-힣]+(?:특별시|광역시|특별자치시|특별자치도|도|시|군|구|읍|면)|"
    r"서울|부산|대구|인천|광주|대전|울산|세종|경기|강원|충북|충남|전북|전남|경북|경남|제주) ){0,4}"
)
# 해운대로570번길 is also written 해운대로 570번길.
_ROAD_BEFORE = re.compile(_DISTRICTS + r"(?P<name>[가-힣][가-힣0-9·]*(?:로|길)(?: \d+번?길)?) ?$")
_LOT_BEFORE = re.compile(_DISTRICTS + r"(?P<name>[가-힣][가-힣0-9]*(?:동|리|가)) ?$")

# Words ending in 로/동/리/가 that are not places; with a number after them they
# are prose (서로 2개, 공동 3위 are caught by the unit look-ahead; these are not).
_NOT_PLACES = frozenset(
    [
        "도로",
        "경로",
        "진로",
        "통로",
        "선로",
        "항로",
        "따로",
        "새로",
        "주로",
        "별로",
        "서로",
        "바로",
        "스스로",
        "실로",
        "이로",
        "그대로",
        "공동",
        "활동",
        "이동",
        "운동",
        "행동",
        "자동",
        "변동",
        "가동",
        "구동",
        "출동",
        "연동",
        "합동",
        "노동",
        "감동",
        "거리",
        "관리",
        "처리",
        "정리",
        "수리",
        "심리",
        "원리",
        "무리",
        "권리",
        "경리",
        "대리",
        "총리",
        "요리",
        "추가",
        "평가",
        "단가",
        "원가",
        "인가",
        "증가",
        "시가",
        "물가",
        "대가",
        "참가",
        "휴가",
        "국가",
        "작가",
        "전문가",
        "부가",
    ]
)


def address(text: str, start: int, end: int, config: DetectionConfig) -> Finding | None:
    """A number after a word ending in 로/길 (road) or in 동/리/가 (lot)."""
    last = text[start - 1] if text[start - 1] != " " else text[start - 2]
    if last in "로길":
        return road(text, start, end, config)
    return lot(text, start, end, config)


def road(text: str, start: int, end: int, config: DetectionConfig) -> Finding | None:
    """A building number after a road name (세종대로 110, 삼일대로30길 21)."""
    found = _ROAD_BEFORE.search(context.before(text, start, 60))
    if found is None:
        return None
    name = found.group("name")
    if not _is_place(name) or name.endswith("으로"):
        return None
    # 대로 and 번길 are almost only roads; a district before the name makes it sure.
    strong = name.endswith(("대로", "번길")) or found.group(0).rstrip(" ") != name
    return _finding(text, start - len(found.group(0)), end, 0.8 if strong else 0.6)


def lot(text: str, start: int, end: int, config: DetectionConfig) -> Finding | None:
    """A lot number after a 동/리/가 (역삼동 123-45, 신촌리 12번지).

    동 and 가 end many ordinary words, so a lot number needs a hyphen, 번지, a
    district before it or an address label.
    """
    found = _LOT_BEFORE.search(context.before(text, start, 60))
    if found is None or not _is_place(found.group("name")) or len(found.group("name")) < 2:
        return None
    matched = text[start:end]
    has_district = found.group(0).rstrip(" ") != found.group("name")
    labelled = context.ADDRESS_WORDS.search(context.before(text, start, 40)) is not None
    if not ("-" in matched or "번지" in matched or has_district or labelled):
        return None
    return _finding(text, start - len(found.group(0)), end, 0.8 if has_district else 0.6)


def _is_place(name: str) -> bool:
    return name not in _NOT_PLACES and not name[0].isdigit()


def _finding(text: str, start: int, end: int, confidence: float) -> Finding | None:
    """The address unless it is an office's; an address label raises confidence."""
    window = context.before(text, start, 32)
    if context.ADDRESS_WORDS.search(window):
        return Finding(start, end, Kind.ADDRESS, max(confidence, 0.9), Reason.LABEL)
    if context.OFFICE_PLACE_WORDS.search(window + " " + context.after(text, end, 12)):
        return None
    return Finding(start, end, Kind.ADDRESS, confidence)
