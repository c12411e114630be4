"""The suggested levels against the labelled sets stay within the issue's goals
(tests/disclosure/levels; `make eval-disclosure` prints the figures)."""

import pytest

from tests.disclosure.levels.evaluate import SETS, evaluate, load

# dev and dev2 are the sets the rules were tuned on: a regression guard at the goals.
# holdout was written blind and never tuned on: its floors are what was measured
# (docs/disclosure-detection.md), so a change that loses ground there fails.
FLOORS = {
    "dev": {"over": 0.10, "under": 0.05, "ground": 0.90},
    "dev2": {"over": 0.10, "under": 0.05, "ground": 0.90},
    "holdout": {"over": 0.14, "under": 0.23, "ground": 0.66},
}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_suggested_levels_meet_their_floor(name):
    floor = FLOORS[name]
    report = evaluate(load(name))
    assert report.over_rate() <= floor["over"]
    assert report.under_rate() <= floor["under"]
    assert report.ground_accuracy() >= floor["ground"]


def test_the_labelled_sets_hold_at_least_300_documents_of_every_kind():
    cases = [case for name in SETS if SETS[name].exists() for case in load(name)]
    assert len(cases) >= 300
    assert {case["kind"] for case in cases} == {"memo", "budget", "personnel"}
    assert {case["ground"] for case in cases if case["level"] != "open"} == set(range(1, 9))
