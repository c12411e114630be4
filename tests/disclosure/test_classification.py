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
        ("경찰 수사 협조 요청", Level.PARTIAL, (4,)),
        ("업체의 영업비밀에 해당하는 원가 자료", Level.PARTIAL, (7,)),
    ],
)
def test_default_keyword_rules(text, level, grounds):
    result = suggest(text)
    assert (result.level, result.grounds) == (level, grounds)
    [why] = result.explanations
    assert why.source == "rule"
    assert why.start < why.end  # the span of the keyword


def test_personnel_actions_are_partial_on_ground_6_by_kind():
    result = suggest("2025. 1. 1.자 정기 인사발령", kind="personnel")
    assert (result.level, result.grounds) == (Level.PARTIAL, (6,))
    assert result.explanations[0].source == "rule"
    assert suggest("2025. 1. 1.자 정기 인사발령", kind="memo").level is Level.OPEN


def test_the_strictest_level_wins_and_grounds_accumulate():
    result = suggest("국방 시설 공사 협상, 담당자 휴대전화 010-1234-5678")
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
