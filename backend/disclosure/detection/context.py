"""Context rules: the words around a number that decide what it is.

A window is the text just before (or after) a match, cut at the line break: a
label such as ``담당:`` or ``법인등록번호`` stands on the same line as its value.
"""

from __future__ import annotations

import re

WINDOW = 24

BANK_NAMES = re.compile(
    r"은행|국민|신한|우리|하나|농협|기업|카카오뱅크|케이뱅크|토스뱅크|SC제일|제일|새마을금고|"
    r"우체국|수협|신협|씨티|부산|대구|경남|광주|전북|제주|산업|KB|NH|IBK|계좌"
)
PASSPORT_WORDS = re.compile(r"여권|passport", re.IGNORECASE)
# Codes shaped like passport numbers: model, product, part and serial numbers.
PRODUCT_WORDS = re.compile(
    r"모델|제품|품번|부품|규격|주문|시리얼|일련번호|serial|model|part|S/N", re.IGNORECASE
)
LICENCE_WORDS = re.compile(r"운전면허|면허번호|licen[cs]e", re.IGNORECASE)
HEALTH_WORDS = re.compile(r"건강보험|보험증|건보|health insurance", re.IGNORECASE)
CARD_WORDS = re.compile(r"카드|card", re.IGNORECASE)
ADDRESS_WORDS = re.compile(
    r"주소|거주|자택|주거|거소|번지|현주소|본적|등록기준지|address", re.IGNORECASE
)

# Words that make a landline an office's number. A unit name is a Hangul word
# ending in 과/팀/국/실/센터 (행정지원과, 민원팀); a bare 과 inside 결과 is not one,
# hence the ``(?![가-힣])`` word end.
_OFFICE_WORDS = re.compile(
    r"담당|부서|주무관|전화|문의|콜센터|대표번호|사무실|민원실|상황실|팩스|FAX|Tel|TEL|tel\b|[Oo]ffice|"
    r"[가-힣]{2,}(?:과|팀|국|실|센터|청|소|원|단)(?![가-힣])"
)
# ...unless the number is said to be a private one.
_PRIVATE_WORDS = re.compile(
    r"자택|집 ?전화|휴대|개인|본인|신청인|민원인|보호자|가족|청구인|비상연락"
)

# Offices located at an address: the address is the office's, not a person's.
OFFICE_PLACE_WORDS = re.compile(
    r"청사|시청|구청|군청|도청|동주민센터|행정복지센터|주민센터|본관|별관|회의실|사무소|소재지|센터|"
    r"장소|위치|공원|도서관|체육관|학교|병원|사업장|본점|지점"
)

# Which label is nearest decides what a YYMMDD-NNNNNNN number is.
_REGISTRATION_LABELS = re.compile(
    r"법인|사업자|주민|외국인|생년월일|생일|등록번호|RRN", re.IGNORECASE
)
_CORPORATE_LABELS = frozenset({"법인", "사업자"})


def before(text: str, start: int, size: int = WINDOW) -> str:
    """The ``size`` characters before ``start`` on the same line."""
    window = text[max(0, start - size) : start]
    cut = window.rfind("\n")
    return window if cut < 0 else window[cut + 1 :]


def after(text: str, end: int, size: int = WINDOW) -> str:
    """The ``size`` characters after ``end`` on the same line."""
    window = text[end : end + size]
    cut = window.find("\n")
    return window if cut < 0 else window[:cut]


def is_corporate_number(text: str, start: int) -> bool:
    """True when the nearest registration label before ``start`` is 법인 or 사업자.

    Corporate registration numbers (NNNNNN-NNNNNNN) look like resident numbers;
    only their label tells them apart. 법인 대표자 주민등록번호 names a person.
    """
    labels = _REGISTRATION_LABELS.findall(before(text, start, 32))
    nearest = [label for label in labels if label != "등록번호"]
    return bool(nearest) and nearest[-1] in _CORPORATE_LABELS


def is_bank_account(text: str, start: int) -> bool:
    """True when a bank's name, and no registration label, comes before thirteen
    bare digits (a 새마을금고 account looks like a resident number)."""
    window = before(text, start)
    return BANK_NAMES.search(window) is not None and not _REGISTRATION_LABELS.search(window)


def is_office_landline(text: str, start: int) -> bool:
    """True when the words before a landline say it is an office's number."""
    window = before(text, start)
    if _PRIVATE_WORDS.search(window):
        return False
    return _OFFICE_WORDS.search(window) is not None
