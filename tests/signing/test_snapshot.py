"""The snapshot refuses impossible documents; the form writes amounts and dates its way."""

from dataclasses import replace
from datetime import date

import pytest

from signing.formatting import amount_in_words, official_amount, official_date
from signing.snapshot import DisclosureMark, LineSigner, SnapshotError
from tests.factories.official_documents import sample_official_document


def test_a_budget_document_needs_budget_details() -> None:
    with pytest.raises(SnapshotError) as error:
        replace(sample_official_document("budget"), budget=None)
    assert error.value.field == "budget"


def test_the_last_signer_must_approve() -> None:
    document = sample_official_document("memo")
    with pytest.raises(SnapshotError, match="last signer"):
        replace(document, signers=document.signers[:-1])


def test_a_consultee_gives_an_opinion() -> None:
    document = sample_official_document("memo")
    silent = LineSigner(position="팀장", name="가", signed_on=date(2025, 1, 1), role="consult")
    with pytest.raises(SnapshotError) as error:
        replace(document, signers=(silent, document.signers[-1]))
    assert error.value.field == "signers.0.opinion"


def test_the_content_hash_is_sha256_hex() -> None:
    with pytest.raises(SnapshotError) as error:
        replace(sample_official_document("memo"), content_hash="abc")
    assert error.value.field == "content_hash"


@pytest.mark.parametrize(
    ("mark", "label"),
    [
        (DisclosureMark(level="open"), "공개"),
        (DisclosureMark(level="partial", grounds=(6,)), "부분공개(6)"),
        (DisclosureMark(level="closed", grounds=(6, 5)), "비공개(5,6)"),
    ],
)
def test_disclosure_labels(mark: DisclosureMark, label: str) -> None:
    assert mark.label == label


@pytest.mark.parametrize(("level", "grounds"), [("open", (1,)), ("partial", ()), ("closed", (9,))])
def test_disclosure_grounds_follow_article_9(level, grounds) -> None:
    with pytest.raises(SnapshotError):
        DisclosureMark(level=level, grounds=grounds)


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        (0, "영"),
        (10_000, "일만"),
        (1_250_000, "일백이십오만"),
        (12_500_000, "일천이백오십만"),
        (100_000_001, "일억일"),
        (3_000_000_000_000, "삼조"),
    ],
)
def test_amounts_in_korean_words(amount: int, words: str) -> None:
    assert amount_in_words(amount) == words


def test_official_amount_and_date() -> None:
    assert official_amount(1_250_000) == "금1,250,000원(금일백이십오만원)"
    assert official_date(date(2025, 3, 4)) == "2025. 3. 4."
