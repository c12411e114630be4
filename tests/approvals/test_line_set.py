"""Writing a line for a submission round."""

import pytest

from approvals.line import LineSpec, StageSpec, line_set, line_suggest
from approvals.models import ApprovalStep, Reference, StageKind, StepStatus
from core.errors import ConflictError
from tests.factories.directory import PersonFactory, org_chain
from tests.factories.documents import DocumentFactory, default_delegation_rules

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _rules(db) -> None:
    default_delegation_rules()


def test_line_set_writes_waiting_steps_references_and_marks_delegation() -> None:
    # GIVEN a memo and its suggested line plus a reference
    chain = org_chain()
    document = DocumentFactory.create(drafter=chain.drafter)
    reader = PersonFactory.create()
    suggested = line_suggest(drafter=chain.drafter, kind="memo", facts={})
    spec = LineSpec(stages=suggested.stages, reference_ids=(reader.pk,))

    # WHEN it is set for round 1
    stages = line_set(document=document, spec=spec, round=1)

    # THEN stages and WAITING steps follow the spec, the final one is a 전결
    assert [(s.order, s.kind) for s in stages] == [(1, "review"), (2, "approve")]
    steps = ApprovalStep.objects.filter(stage__document=document).order_by("stage__order")
    assert [s.status for s in steps] == [StepStatus.WAITING, StepStatus.WAITING]
    assert [s.is_delegated for s in steps] == [False, True]
    assert steps[1].position_title == "과장"
    assert Reference.objects.filter(document=document, person=reader).exists()


def test_a_line_up_to_the_mayor_is_not_delegated() -> None:
    chain = org_chain()
    document = DocumentFactory.create(drafter=chain.drafter)

    line_set(
        document=document,
        spec=LineSpec(stages=(StageSpec(StageKind.APPROVE, (chain.mayor.pk,)),)),
        round=1,
    )

    assert ApprovalStep.objects.get(stage__document=document).is_delegated is False


def test_a_round_is_written_once() -> None:
    chain = org_chain()
    document = DocumentFactory.create(drafter=chain.drafter)
    spec = line_suggest(drafter=chain.drafter, kind="memo", facts={})
    line_set(document=document, spec=spec, round=1)

    with pytest.raises(ConflictError):
        line_set(document=document, spec=spec, round=1)
    line_set(document=document, spec=spec, round=2)
