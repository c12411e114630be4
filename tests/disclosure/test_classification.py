"""Suggested level and grounds, with the finding or rule behind each part."""

from collections.abc import Sequence

import pytest

from disclosure.classification import (
    DEFAULT_RULES,
    DocumentKind,
    Level,
    RuleSpec,
    Suggestion,
    compare_with_suggestion,
    suggest_disclosure,
)
from disclosure.detection import Finding, Kind, detect


def suggest(
    text: str,
    kind: str = "memo",
    rules: Sequence[RuleSpec] = DEFAULT_RULES,
    findings: Sequence[Finding] | None = None,
) -> Suggestion:
    found = detect(text) if findings is None else findings
    return suggest_disclosure(text=text, document_kind=kind, findings=found, rules=rules)


def test_ordinary_memo_is_open_without_grounds():
    result = suggest("2024년 시민 참여 예산 사업 추진 계획을 보고합니다.")
    assert (result.level, result.grounds, result.explanations) == (Level.OPEN, (), ())


def test_personal_information_makes_it_partial_on_ground_6_with_the_finding():
    text = "민원인 연락처 010-1234-5678"
    result = suggest(text)
    assert (result.level, result.grounds) == (Level.PARTIAL, (6,))
    [why] = result.explanations
    assert (why.source, why.finding_kind, text[why.start : why.end]) == (
        "finding",
        "phone",
        "010-1234-5678",
    )
    assert "010" not in why.reason_en + why.reason_ko  # never the personal data itself


@pytest.mark.parametrize(
    ("text", "level", "grounds"),
    [
        ("감사 진행중인 사안으로 결과는 추후 공개", Level.PARTIAL, (5,)),
        ("업체와 협상 중인 단가", Level.PARTIAL, (5,)),
        ("국가안보 관련 시설 현황", Level.CLOSED, (2,)),
        ("관련 소송 진행 상황 보고", Level.PARTIAL, (4,)),
        ("경찰 수사 중인 사건 자료", Level.PARTIAL, (4,)),
        ("업체의 영업비밀에 해당하는 원가 자료", Level.PARTIAL, (7,)),
    ],
)
def test_default_keyword_rules(text, level, grounds):
    result = suggest(text)
    assert (result.level, result.grounds) == (level, grounds)
    [why] = result.explanations
    assert why.source == "rule"
    assert why.start < why.end  # the span of the keyword


def test_officials_in_a_personnel_action_are_public():
    """9(1)6 다목: an official's name and position are open; a personnel action is
    not withheld for being one (a private person concerned is a finding)."""
    result = suggest("2026. 2. 1.자 정기 인사: 재무과장 서기관 한지원", kind="personnel")
    assert (result.level, result.grounds) == (Level.OPEN, ())


@pytest.mark.parametrize(
    ("text", "level", "ground", "event"),
    [
        ("2026년 민방위 훈련 계획(대외비)", Level.CLOSED, 1, None),
        ("○○도로 공사 예정가격 조서", Level.CLOSED, 5, "contract_awarded"),
        ("5급 승진 후보자 근무성적평정 점수", Level.CLOSED, 5, None),
        ("버스 운송사업자가 제출한 운송원가 내역", Level.PARTIAL, 7, None),
        ("개발제한구역 해제 후보지(미확정) 검토", Level.CLOSED, 8, "decision_taken"),
    ],
)
def test_signals_of_the_grounds_the_issue_names(text, level, ground, event):
    result = suggest(text)
    assert result.level is level
    assert ground in result.grounds
    signal = next(e for e in result.signals if e.ground == ground)
    assert signal.citation.startswith(f"정보공개법 제9조제1항제{ground}호")
    assert (event in result.lapse_events) if event else True


@pytest.mark.parametrize(
    "text",
    [
        "퇴직 공무원 감사패 수여 계획",
        "시민 만족도 평가 결과 보고",
        "○○공사 입찰 결과 공고: 낙찰자 결정, 예정가격 356,100,000원",
        "2025년 종합감사 결과 공개(처분 확정, 감사 중 지적 사항)",
    ],
)
def test_words_that_only_look_like_a_ground_keep_it_open(text):
    result = suggest(text)
    assert result.level is Level.OPEN, result.explanations
    assert not result.signals


def test_a_counter_that_sets_a_signal_aside_is_explained():
    result = suggest("○○공사 개찰 결과: 예정가격 356,100,000원")
    [counter] = [e for e in result.explanations if e.source == "counter"]
    assert counter.lapse_event == "contract_awarded"
    assert result.level is Level.OPEN


def test_a_recorded_lapse_event_sets_its_signals_aside():
    text = "○○공사 예정가격 조서"
    result = suggest_disclosure(
        text=text, document_kind=None, findings=[], rules=DEFAULT_RULES,
        lapsed=["contract_awarded"],
    )  # fmt: skip
    assert result.level is Level.OPEN
    assert result.lapse_events == ()
    assert (
        suggest_disclosure(
            text=text, document_kind=None, findings=[], rules=DEFAULT_RULES, lapsed=["case_closed"]
        ).level
        is Level.CLOSED
    )


def test_the_strictest_level_wins_and_grounds_accumulate():
    result = suggest("군사시설 이전 공사 협상 중, 담당자 휴대전화 010-1234-5678")
    assert (result.level, result.grounds) == (Level.CLOSED, (2, 5, 6))
    assert {e.source for e in result.explanations} == {"rule", "finding"}


def test_rules_are_given_not_global():
    rule = RuleSpec(Level.CLOSED, 3, document_kind=DocumentKind.BUDGET, keyword="경호", rule_id=7)
    result = suggest("경호 예산", kind="budget", rules=[rule])
    assert (result.level, result.grounds, result.explanations[0].rule_id) == (Level.CLOSED, (3,), 7)
    assert suggest("경호 예산", kind="memo", rules=[rule]).level is Level.OPEN


@pytest.mark.parametrize(
    "bad",
    [
        {"level": Level.PARTIAL, "ground": 9, "keyword": "x"},
        {"level": Level.OPEN, "ground": 5, "keyword": "x"},
        {"level": Level.PARTIAL, "ground": 5},
    ],
)
def test_a_rule_must_be_meaningful(bad):
    with pytest.raises(ValueError, match=r"ground|open|condition|kind"):
        RuleSpec(**bad)


def test_comparison_flags_a_drafter_who_disagrees():
    finding = Finding(0, 3, Kind.PERSON_NAME, 0.9)
    suggestion = suggest("홍길동 감사 진행 중", findings=[finding])  # partial, grounds 5 and 6
    agree = compare_with_suggestion(
        proposed_level="partial", proposed_grounds=[6, 5], suggestion=suggestion
    )
    assert not agree.disagrees
    differs = compare_with_suggestion(
        proposed_level="open", proposed_grounds=[], suggestion=suggestion
    )
    assert differs.disagrees
    assert differs.level_differs
    assert differs.missing_grounds == (5, 6)
    fewer = compare_with_suggestion(
        proposed_level=Level.PARTIAL, proposed_grounds=[6, 8], suggestion=suggestion
    )
    assert (fewer.disagrees, fewer.missing_grounds, fewer.extra_grounds) == (True, (5,), (8,))
