"""Precision and recall on the labelled set stay above the floors measured when
the detector was written (make eval-disclosure prints the current figures)."""

import pytest

from tests.disclosure.eval.evaluate import evaluate, load_cases

# Measured: overall precision 0.997, recall 1.000; the lowest kind is passport
# precision 0.929 (a product code M12345678 without a passport keyword).
OVERALL_FLOOR = 0.98
KIND_FLOOR = 0.9


@pytest.fixture(scope="module")
def scores():
    return evaluate(load_cases())


def test_the_set_is_large_and_has_hard_negatives():
    cases = load_cases()
    assert len(cases) >= 300
    assert sum(1 for c in cases if not c["expected"]) >= 60


def test_overall_precision_and_recall(scores):
    assert scores.precision() >= OVERALL_FLOOR
    assert scores.recall() >= OVERALL_FLOOR


@pytest.mark.parametrize(
    "kind",
    [
        "rrn",
        "foreigner_rrn",
        "phone",
        "email",
        "bank_account",
        "card",
        "passport",
        "driver_licence",
        "health_insurance",
        "address",
        "person_name",
    ],
)
def test_each_kind(scores, kind):
    assert scores.true_pos[kind] >= 5, "the set must exercise every kind"
    assert scores.precision(kind) >= KIND_FLOOR
    assert scores.recall(kind) >= KIND_FLOOR
