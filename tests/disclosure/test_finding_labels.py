"""An explanation names the kind of personal information as people call it, not its code."""

import re

import pytest

from disclosure.classification import suggest_disclosure
from disclosure.classification.finding_labels import FINDING_LABELS
from disclosure.detection import Kind, detect


@pytest.mark.parametrize("kind", list(Kind))
def test_every_kind_the_detector_reports_has_a_korean_and_an_english_name(kind: Kind) -> None:
    korean, english = FINDING_LABELS[kind]

    assert re.search("[가-힣]", korean)
    assert english


def test_a_finding_reads_as_its_name_in_both_languages() -> None:
    # GIVEN a memo with a resident registration number
    text = "신청인 주민등록번호 900101-1234568 확인"

    # WHEN the suggestion explains it
    [why] = suggest_disclosure(
        text=text, document_kind="memo", findings=detect(text), rules=()
    ).explanations

    # THEN the kind is named, never the detector's code
    assert why.finding_kind == "rrn"
    assert why.reason_ko == "개인정보(주민등록번호)는 가리고 공개할 수 있다"
    assert why.reason_en == (
        "personal information (resident registration number) can be removed before release"
    )
