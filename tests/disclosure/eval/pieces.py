"""Random but valid pieces of personal information, and look-alikes that are not.

Each maker takes a seeded random.Random and returns the text of one piece; the
generator places it and records its span, so the labels are exact by construction.
"""

from __future__ import annotations

import calendar
import random

MOBILE_FORMATS = (
    "{a}-{b}-{c}",
    "{a} {b} {c}",
    "{a}.{b}.{c}",
    "{a}{b}{c}",
    "+82 {a1}-{b}-{c}",
    "+82-{a1}-{b}-{c}",
    "({a}){b}-{c}",
)
PRIVATE_MAIL_DOMAINS = (
    "gmail.com",
    "naver.com",
    "daum.net",
    "hanmail.net",
    "kakao.com",
    "nate.com",
)
WORK_MAIL_DOMAINS = ("seoul.go.kr", "korea.kr", "mois.go.kr", "go.kr", "gangnam.go.kr")
SURNAMES = "김이박최정강조윤장임한오서신권황안송류홍"
GIVEN = (
    "민준",
    "서연",
    "도윤",
    "지우",
    "하준",
    "서윤",
    "지호",
    "하은",
    "길동",
    "영희",
    "철수",
    "수빈",
)
BANKS = (
    "국민은행",
    "신한은행",
    "우리은행",
    "하나은행",
    "농협",
    "IBK기업은행",
    "카카오뱅크",
    "토스뱅크",
    "SC제일은행",
    "새마을금고",
    "우체국",
    "수협",
)
ACCOUNT_SHAPES = ((6, 2, 6), (3, 3, 6), (4, 3, 6), (3, 6, 5), (3, 4, 4, 2), (4, 2, 7), (4, 4, 4))
CITIES = ("서울특별시", "부산광역시", "인천광역시", "경기도 수원시", "서울", "대전광역시")
DISTRICTS = ("마포구", "강남구", "종로구", "영통구", "해운대구", "남동구", "유성구")
ROADS = ("월드컵로", "테헤란로", "세종대로", "삼일대로30길", "중앙로12번길", "올림픽로", "반포대로")
LOTS = ("역삼동", "신촌동", "연남동", "봉명동", "송도동", "우동", "신촌리")


def digits(rng: random.Random, count: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(count))


def birth_date(rng: random.Random, century: int) -> str:
    year = rng.randrange(0, 100 if century == 1900 else 20)
    month = rng.randrange(1, 13)
    day = rng.randrange(1, calendar.monthrange(century + year, month)[1] + 1)
    return f"{year:02d}{month:02d}{day:02d}"


def rrn(rng: random.Random, *, foreigner: bool = False, compact: bool = False) -> str:
    gender = rng.choice("5678" if foreigner else "1234")
    century = 2000 if gender in "3478" else 1900
    number = birth_date(rng, century) + gender + digits(rng, 6)
    return number if compact else f"{number[:6]}-{number[6:]}"


def corporate_number(rng: random.Random) -> str:
    """법인등록번호: registry office code + kind, often a valid-looking date."""
    return f"{rng.choice(('110111', '130111', '131111', '180111', '110115'))}-{digits(rng, 7)}"


def business_number(rng: random.Random) -> str:
    return f"{digits(rng, 3)}-{digits(rng, 2)}-{digits(rng, 5)}"


def mobile(rng: random.Random) -> str:
    a = rng.choice(("010", "010", "010", "011", "016", "019"))
    b, c = digits(rng, 4), digits(rng, 4)
    return rng.choice(MOBILE_FORMATS).format(a=a, a1=a[1:], b=b, c=c)


def landline(rng: random.Random) -> str:
    area = rng.choice(("02", "031", "032", "051", "062", "042"))
    middle = digits(rng, rng.choice((3, 4)))
    return rng.choice(("{0}-{1}-{2}", "({0}){1}-{2}", "{0}.{1}.{2}")).format(
        area, str(rng.randrange(2, 10)) + middle[1:], digits(rng, 4)
    )


def representative_number(rng: random.Random) -> str:
    return f"{rng.choice(('1588', '1577', '1566', '1644', '1600'))}-{digits(rng, 4)}"


def email(rng: random.Random, *, work: bool = False) -> str:
    local = rng.choice(("hong", "minjun", "seoyeon.kim", "jiwoo_park", "lee99", "doyun-c"))
    if not work:
        local += digits(rng, rng.randrange(0, 3))
    return f"{local}@{rng.choice(WORK_MAIL_DOMAINS if work else PRIVATE_MAIL_DOMAINS)}"


def account(rng: random.Random) -> str:
    shape = rng.choice(ACCOUNT_SHAPES)
    return "-".join(digits(rng, n) for n in shape)


def card(rng: random.Random) -> str:
    body = rng.choice(("4", "5", "9")) + digits(rng, 14)
    total = 0
    for index, char in enumerate(reversed(body)):
        value = int(char) * (2 if index % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    number = body + str((10 - total % 10) % 10)
    sep = rng.choice("- ")
    return sep.join(number[i : i + 4] for i in range(0, 16, 4))


def passport(rng: random.Random) -> str:
    letter = rng.choice("MSROD")
    if rng.random() < 0.5:
        return letter + digits(rng, 8)
    return f"{letter}{digits(rng, 3)}{rng.choice('ABCDEFGH')}{digits(rng, 4)}"


def licence(rng: random.Random) -> str:
    return f"{rng.randrange(11, 29)}-{digits(rng, 2)}-{digits(rng, 6)}-{digits(rng, 2)}"


def health_insurance(rng: random.Random) -> str:
    return rng.choice("123456789") + digits(rng, 10)


def road_address(rng: random.Random) -> str:
    number = str(rng.randrange(1, 300))
    if rng.random() < 0.3:
        number += f"-{rng.randrange(1, 30)}"
    detail = rng.choice(("", "", f", {rng.randrange(101, 120)}동 {rng.randrange(101, 1500)}호"))
    return f"{rng.choice(CITIES)} {rng.choice(DISTRICTS)} {rng.choice(ROADS)} {number}{detail}"


def lot_address(rng: random.Random) -> str:
    number = f"{rng.randrange(1, 999)}-{rng.randrange(1, 99)}"
    return f"{rng.choice(CITIES)} {rng.choice(DISTRICTS)} {rng.choice(LOTS)} {number}"


def person_name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + rng.choice(GIVEN)


# Variants people type: dashes other than "-" (en, em, figure dash, minus, the Hangul
# vowel ㅡ), full-width digits and hyphen, e-mails spelled out against harvesters.
DASHES = ("\u2013", "\u2014", "\u2010", "\u2012", "\u2212", "\uff0d", "\u3161")
# Full-width digits are U+FF10-U+FF19; hyphen-minus, at sign and full stop U+FF0D,
# U+FF20 and U+FF0E.
_FULL_WIDTH = str.maketrans(
    "0123456789-@.", "".join(chr(0xFF10 + d) for d in range(10)) + "\uff0d\uff20\uff0e"
)
OBFUSCATED_MAIL = (
    "{local} (at) {name} (dot) {tld}",
    "{local} [at] {name} [dot] {tld}",
    "{local}(at){name}(dot){tld}",
    "{local} 골뱅이 {name}.{tld}",
    "{local}\uff20{name}.{tld}",
    "{local} [at] {name}.{tld}",
)
PASSPORT_LETTERS = "MSRGDO"
CUED_NAMES = (
    "민원인 {name}의 민원에 대한 회신",
    "신청인 {name} 씨의 요청",
    "청구인 {name}은 정보공개를 청구하였다",
    "고소인 {name}이 제출한 진술서",
    "피해자 {name}에게 지원금을 지급",
    "{name} 귀하",
    "{name}님께서 신청하신 민원",
    "성명: {name}",
    "이름 {name}, 생년월일 1990. 1. 1.",
    "주민 {name} 씨의 의견",
)
# Officials named by their titles, and the words that follow a cue but are no name.
OFFICIAL_NAMES = (
    "담당자 {name} 주무관",
    "팀장 {name}",
    "기안자 {name}",
    "{name} 주무관님께 문의",
    "결재: 과장 {name}",
)
CUE_WORDS = (
    "민원인 주소 확인",
    "신청인 본인 여부를 확인",
    "신청인 연락처로 안내",
    "민원인 이메일로 회신",
    "주민 공청회를 개최",
    "신청인 정보는 제외",
    "고객님과 선생님께 안내",
    "위원장님과 구청장님께 보고",
)


def fullwidth(text: str) -> str:
    return text.translate(_FULL_WIDTH)


def dashed(text: str, rng: random.Random) -> str:
    """``text`` with its hyphens written as one other dash."""
    return text.replace("-", rng.choice(DASHES))


def rrn_variant(rng: random.Random) -> str:
    number = rrn(rng)
    return fullwidth(number) if rng.random() < 0.3 else dashed(number, rng)


def mobile_variant(rng: random.Random) -> str:
    number = f"010-{digits(rng, 4)}-{digits(rng, 4)}"
    return fullwidth(number) if rng.random() < 0.3 else dashed(number, rng)


def email_variant(rng: random.Random, *, work: bool = False) -> str:
    local = rng.choice(("hong", "minjun", "seoyeon.kim", "jiwoo_park", "lee99"))
    domain = rng.choice(WORK_MAIL_DOMAINS if work else PRIVATE_MAIL_DOMAINS)
    name, tld = domain.rsplit(".", 1)
    shape = rng.choice(OBFUSCATED_MAIL)
    if "(dot)" in shape or "[dot]" in shape:
        marker = "(dot)" if "(dot)" in shape else "[dot]"
        name = name.replace(".", f" {marker} " if " " in shape else marker)
    return shape.format(local=local, name=name, tld=tld)


def passport_any(rng: random.Random) -> str:
    letter = rng.choice(PASSPORT_LETTERS)
    if rng.random() < 0.5:
        return letter + digits(rng, 8)
    return f"{letter}{digits(rng, 3)}{rng.choice('ABCDEFGH')}{digits(rng, 4)}"
