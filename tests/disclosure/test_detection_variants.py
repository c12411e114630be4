"""The variants people type (issue 11): other dashes and full-width characters,
spelled-out e-mail, every passport letter, names of private persons in context.

Each finding marks the characters the author typed, so redaction removes them.
"""

import pytest

from disclosure.detection import DetectionConfig, Reason, detect
from disclosure.detection.folding import fold
from tests.disclosure.eval.pieces import fullwidth

# Full-width forms are written through fullwidth() (or as escapes): they look like
# ASCII on screen, which is the whole problem.
FULL_AT = "\uff20"


def spans(text: str, config: DetectionConfig | None = None) -> list[tuple[str, str]]:
    found = detect(text, config or DetectionConfig())
    return [(f.kind.value, text[f.start : f.end]) for f in found]


@pytest.mark.parametrize(
    "number",
    [
        "900101\u20131234567",  # en dash
        "900101\u20141234567",  # em dash
        "900101\u22121234567",  # minus sign
        "900101\u20101234567",  # hyphen
        "900101\uff0d1234567",  # full-width hyphen-minus
        "900101ㅡ1234567",  # the Hangul vowel typed as a dash
        fullwidth("900101-1234567"),  # full-width digits and hyphen
        fullwidth("900101") + "\u20141234567",
    ],
)
def test_resident_numbers_with_other_dashes_and_full_width_digits(number):
    assert spans(f"주민등록번호 {number} 확인") == [("rrn", number)]


@pytest.mark.parametrize(
    "number",
    [
        "010\u20131234\u20135678",
        "010\u20141234\u20145678",
        "010\u20101234\u20105678",
        "010ㅡ1234ㅡ5678",
        fullwidth("010-1234-5678"),
        fullwidth("01012345678"),
        "02\u2013123\u20134567",
        "010 \u2013 9999 \u2013 8888",  # spaces around the dashes
    ],
)
def test_phones_with_other_dashes_and_full_width_digits(number):
    assert spans(f"신청인 자택 연락처 {number}로 회신") == [("phone", number)]


def test_an_office_number_with_an_en_dash_stays_public():
    assert spans("문의: 정보공개팀(02\u20132133\u20135678)") == []


def test_folding_keeps_every_offset():
    text = (
        f"가 {fullwidth('850101-1234567')} 010\u20141234\u20145678 {fullwidth('a@b.')}com\u00a0끝"
    )
    assert len(fold(text)) == len(text)
    assert fold(text) == "가 850101-1234567 010-1234-5678 a@b.com 끝"


@pytest.mark.parametrize(
    "address",
    [
        "hong (at) gmail (dot) com",
        "hong(at)gmail(dot)com",
        "hong [at] naver [dot] com",
        "hong [AT] naver.com",
        "hong {at} daum.net",
        "hong 골뱅이 naver.com",
        "hong (골뱅이) naver (닷) com",
        f"hong{FULL_AT}gmail.com",
        "".join(chr(ord(c) + 0xFEE0) for c in "hong@gmail.com"),  # every character full-width
    ],
)
def test_spelled_out_and_full_width_email(address):
    assert spans(f"신청인 이메일 {address} 으로 회신") == [("email", address)]


@pytest.mark.parametrize(
    "text",
    [
        "담당 kim (at) seoul (dot) go (dot) kr",
        "담당 lee [at] korea.kr",
        "대표 info [at] hanbit.co.kr",
        "회의는 시청 (at) 3층 대회의실에서",
        "See the notice (at) the office.",
    ],
)
def test_spelled_out_work_mail_and_prose_are_not_findings(text):
    assert spans(text) == []


def test_a_spelled_out_email_says_why():
    [finding] = detect("hong (at) gmail (dot) com")
    assert finding.reason is Reason.SPELLED_EMAIL


@pytest.mark.parametrize(
    "number", ["M12345678", "S12345678", "R12345678", "G12345678", "D12345678", "O12345678"]
)
def test_passports_of_every_type_letter(number):
    assert spans(f"여권번호 {number}") == [("passport", number)]


@pytest.mark.parametrize(
    "number", ["M123A4567", "S001C2345", "R123B4567", "G123A4567", "D987Z6543"]
)
def test_passports_of_the_2021_form(number):
    assert spans(f"여권번호 {number}") == [("passport", number)]


@pytest.mark.parametrize(
    "text", ["모델명 G12345678 장비", "제품번호 M123A4567 부품", "Serial D12345678"]
)
def test_product_codes_shaped_like_passports_are_not_passports(text):
    assert spans(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("민원인 홍길동의 민원에 대한 회신", "홍길동"),
        ("신청인 김영희 씨의 요청", "김영희"),
        ("청구인 박지훈은 정보공개를 청구하였다", "박지훈"),
        ("고소인 최수빈이 제출한 진술서", "최수빈"),
        ("피해자 남궁민수에게 지원금을 지급", "남궁민수"),
        ("성명: 이하은", "이하은"),
        ("성명 : 김철", "김철"),
        ("성 명 : 한지민", "한지민"),
        ("이름 정하늘, 생년월일 1990. 1. 1.", "정하늘"),
        ("주민 오지호 씨의 의견", "오지호"),
        ("홍길동 귀하", "홍길동"),
        ("이하은님께서 신청하신 민원", "이하은"),
        ("김영희 씨는 불참", "김영희"),
    ],
)
def test_names_of_private_persons_in_context(text, name):
    assert spans(text) == [("person_name", name)]


def test_a_name_found_in_context_is_found_where_it_is_named_again():
    text = "민원인 정하늘의 민원. 정하늘은 현장 확인을 요청하였다."
    found = detect(text)
    assert [(text[f.start : f.end], f.reason) for f in found] == [
        ("정하늘", Reason.NAME_AFTER_CUE),
        ("정하늘", Reason.NAME_REPEATED),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "담당자 김민준 주무관, 팀장 이서연, 과장 박도윤이 검토하였다.",
        "팀장 이서연님께 보고",
        "김민준 주무관님께 문의",
        "민원인 주소 확인 및 신청인 본인 여부 확인, 신청인 연락처로 안내",
        "민원인 이메일로 회신, 신청인 전화로 안내",
        "주민 공청회를 개최하고 주민 설명회에서 의견을 들었다.",
        "고객님과 선생님께, 위원장님과 구청장님께 보고",
        "오늘 날씨는 맑음, 솜씨 좋은 글씨",
        "귀하의 민원에 대하여 회신합니다.",
    ],
)
def test_officials_titles_and_cue_words_are_not_names(text):
    assert spans(text) == []


def test_the_documents_officials_are_public_even_after_a_cue():
    config = DetectionConfig(public_names=("이서연",))
    assert spans("신청인 이서연의 요청을 검토함", config) == []
    assert spans("신청인 이서연의 요청을 검토함") == [("person_name", "이서연")]


def test_a_name_the_fields_give_is_private_even_if_an_official_bears_it():
    config = DetectionConfig(private_names=("이서연",), public_names=("이서연",))
    assert spans("인사발령 대상자 이서연", config) == [("person_name", "이서연")]


def test_each_finding_has_a_kind_a_confidence_and_a_reason():
    text = "민원인 홍길동, 성명: 김영희, 이하은 귀하, 여권 M12345678, 연락처 010-1234-5678"
    found = detect(text, DetectionConfig(private_names=("박지훈",)))
    assert [f.reason for f in found] == [
        Reason.NAME_AFTER_CUE,
        Reason.NAME_LABEL,
        Reason.NAME_BEFORE_TITLE,
        Reason.LABEL,
        Reason.SHAPE,
    ]
    assert all(f.kind and 0.5 <= f.confidence <= 1 for f in found)
    assert detect("대상자 박지훈", DetectionConfig(private_names=("박지훈",)))[0].reason is (
        Reason.KNOWN_NAME
    )


def test_every_reason_has_a_translated_sentence(settings):
    from django.utils import translation

    from disclosure.detection.reasons import reason_text

    for reason in Reason:
        with translation.override("en"):
            english = reason_text(reason)
        with translation.override("ko"):
            korean = reason_text(reason)
        assert english, reason
        assert korean != english, reason
