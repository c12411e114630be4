"""Each detector: positives in every format, and the context that makes a match public."""

import pytest

from disclosure.detection import DetectionConfig, Kind, detect


def spans(text: str, config: DetectionConfig | None = None) -> list[tuple[str, str]]:
    found = detect(text, config or DetectionConfig())
    return [(f.kind.value, text[f.start : f.end]) for f in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("주민등록번호 900101-1234567 확인", ("rrn", "900101-1234567")),
        ("주민등록번호 900101 - 1234567", ("rrn", "900101 - 1234567")),
        ("주민등록번호 9001011234567", ("rrn", "9001011234567")),
        # Issued after October 2020: no valid check digit, still a resident number.
        ("주민등록번호 211015-3123456", ("rrn", "211015-3123456")),
        ("1899년생 991231-9123456", ("rrn", "991231-9123456")),
        ("외국인등록번호 850101-5123456", ("foreigner_rrn", "850101-5123456")),
        ("외국인등록번호 051225-7123456", ("foreigner_rrn", "051225-7123456")),
        ("법인 대표자 주민등록번호 750315-1234567", ("rrn", "750315-1234567")),
    ],
)
def test_registration_numbers_are_found(text, expected):
    assert spans(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "법인등록번호 110111-1234567",
        "(주)한빛 법인번호 110111-0012345",
        "사업자등록번호 123-45-67890",
        "잘못된 날짜 991332-1234567",
        "2월 30일 900230-1234567",
    ],
)
def test_company_numbers_and_impossible_dates_are_not_registration_numbers(text):
    assert spans(text) == []


def test_a_valid_check_digit_raises_confidence():
    # GIVEN two numbers alike but for the check digit (900101-1234568 is valid)
    valid = detect("주민등록번호 900101-1234568")[0]
    invalid = detect("주민등록번호 900101-1234567")[0]
    assert valid.confidence > invalid.confidence


@pytest.mark.parametrize(
    "number",
    [
        "010-1234-5678",
        "010 1234 5678",
        "010.1234.5678",
        "01012345678",
        "+82 10-1234-5678",
        "+82-10-1234-5678",
        "+821012345678",
        "(010)1234-5678",
        "011-123-4567",
    ],
)
def test_mobile_numbers_in_every_format(number):
    assert spans(f"신청인 연락처 {number} 입니다.") == [("phone", number)]


def test_a_mobile_number_is_private_even_with_office_words():
    assert spans("담당자 휴대전화 010-9876-5432") == [("phone", "010-9876-5432")]


@pytest.mark.parametrize("number", ["02-123-4567", "031-123-4567", "(02)1234-5678", "051.234.5678"])
def test_landlines_are_private_without_office_context(number):
    assert spans(f"민원인 자택 {number}로 회신") == [("phone", number)]


@pytest.mark.parametrize(
    "text",
    [
        "담당: 행정지원과 02-2133-1234",
        "문의: 정보공개팀(02-2133-5678)",
        "주무관 김민준 031-123-4567",
        "전화 02-2133-1234, 팩스 02-2133-0000",
        "다산콜센터 02-120 또는 1588-1234, 1577-0000, 1566-1234, 1644 5678",
        "Office: 02-2133-7890",
    ],
)
def test_office_and_representative_numbers_are_public(text):
    assert spans(text) == []


def test_known_office_numbers_are_public_in_any_format():
    config = DetectionConfig(office_numbers=frozenset({"02-2133-9999"}))
    assert spans("연락처 (02)2133-9999", config) == []
    assert spans("연락처 02-2133-9998", config) == [("phone", "02-2133-9998")]


def test_private_email_is_found_and_work_email_is_not():
    text = "담당 kim@seoul.go.kr, lee@korea.kr, park@go.kr, 신청인 hong.gd77@gmail.com으로 회신"
    assert spans(text) == [("email", "hong.gd77@gmail.com")]


def test_configured_work_domains_and_shared_mailboxes_are_not_findings():
    config = DetectionConfig(government_email_domains=frozenset({"go.kr", "seoul.kr"}))
    assert spans("a@dept.seoul.kr, info@hanbit.co.kr, b@naver.com", config) == [
        ("email", "b@naver.com")
    ]


@pytest.mark.parametrize(
    ("bank", "number"),
    [
        ("국민은행", "123456-01-123456"),
        ("신한", "110-123-456789"),
        ("우리은행", "1002-123-456789"),
        ("카카오뱅크", "3333-01-1234567"),
        ("토스뱅크", "1000-1234-5678"),
        ("농협", "302-1234-5678-91"),
        ("새마을금고", "9002123456789"),
    ],
)
def test_bank_accounts_next_to_a_bank_name(bank, number):
    assert spans(f"환급 계좌는 {bank} {number} 입니다") == [("bank_account", number)]


def test_an_account_shaped_number_without_a_bank_is_not_a_finding():
    assert spans("예산과목 123-45-678901 사업비 2,300,000원") == []


@pytest.mark.parametrize(
    "number", ["4111-1111-1111-1111", "4111 1111 1111 1111", "3782 822463 10005"]
)
def test_card_numbers_pass_luhn(number):
    assert spans(f"카드번호 {number}") == [("card", number)]


def test_a_card_shaped_number_failing_luhn_is_not_a_card():
    assert spans("예시 1234-5678-9012-3456") == []


@pytest.mark.parametrize("number", ["M12345678", "S98765432", "M123A4567", "R001B2345"])
def test_passports_old_and_new_format(number):
    found = detect(f"여권번호 {number}")
    assert [(f.kind, f.end - f.start) for f in found] == [(Kind.PASSPORT, 9)]
    assert found[0].confidence >= 0.9


def test_a_passport_keyword_raises_confidence():
    without = detect("번호 M12345678")[0]
    with_keyword = detect("여권 M12345678")[0]
    assert with_keyword.confidence > without.confidence


def test_driver_licence_needs_a_region_code():
    assert spans("운전면허 11-12-345678-90") == [("driver_licence", "11-12-345678-90")]
    assert spans("운전면허 30-12-345678-90") == []


def test_health_insurance_needs_its_keyword():
    assert spans("건강보험증 번호 12345678901") == [("health_insurance", "12345678901")]
    assert spans("건강보험 증번호: 1-2345678901") == [("health_insurance", "1-2345678901")]
    assert spans("관리번호 12345678901") == []


@pytest.mark.parametrize(
    "address",
    [
        "서울특별시 마포구 월드컵로 12",
        "서울특별시 마포구 월드컵로 12, 101동 1203호",
        "부산광역시 해운대구 해운대로570번길 12",
        "경기도 수원시 영통구 중앙로12번길 5-3",
        "서울 강남구 역삼동 123-45",
        "충청남도 공주시 반포면 원봉리 12번지",
    ],
)
def test_private_addresses(address):
    assert spans(f"신청인 주소: {address}") == [("address", address)]


@pytest.mark.parametrize(
    "text",
    [
        "장소: 시청 본관 대회의실(세종대로 110)",
        "행사 장소는 올림픽로 424 올림픽공원 내 체육관이다.",
        "결과로 3건, 서류로 2부 제출, 공동 5위, 평가 3회",
        "총 1,250,000,000원, 2024. 3. 15., 제9조제1항",
    ],
)
def test_office_places_and_prose_are_not_addresses(text):
    assert spans(text) == []


@pytest.mark.parametrize(
    ("text", "name_span"),
    [
        ("홍길동은 출석하였다", "홍길동"),
        ("홍길동의 인사기록", "홍길동"),
        ("홍길동 씨가 신청", "홍길동"),
        ("홍길동님께서는 승진", "홍길동"),
        ("대상: 홍길동(洪吉童)", "홍길동"),
    ],
)
def test_known_private_names_with_particles(text, name_span):
    config = DetectionConfig(private_names=("홍길동",))
    assert spans(text, config) == [("person_name", name_span)]


def test_a_name_inside_another_word_is_not_the_person():
    config = DetectionConfig(private_names=("김철수",))
    assert spans("김철수산업 대표와 면담, 박김철수", config) == []


def test_offsets_are_characters_of_the_input():
    text = "가나다 010-1234-5678"
    [finding] = detect(text)
    assert (finding.start, finding.end) == (4, 17)


def test_findings_carry_no_text_and_confidence_is_a_fraction():
    [finding] = detect("연락처 010-1234-5678")
    assert set(finding.as_dict()) == {"kind", "start", "end", "confidence", "reason"}
    assert 0 < finding.confidence <= 1
