"""Drafts: creating, updating with optimistic concurrency, deleting; per-kind rules."""

from typing import Any, cast

import pytest

from audit.models import AuditEvent
from core.errors import ConflictError, InvalidInput, Refused
from directory.models import Rank
from documents.models import BudgetRequest, Document, DocumentStatus, PersonnelAction
from documents.services import draft_create, draft_delete, draft_update, version_snapshot
from tests.factories.directory import PersonFactory, PositionFactory, UnitFactory
from tests.factories.documents import BudgetLineFactory, DocumentFactory

pytestmark = pytest.mark.django_db


def errors_of(exc: pytest.ExceptionInfo[InvalidInput]) -> dict[str, Any]:
    return cast(dict[str, Any], exc.value.detail)


def test_a_memo_draft_is_created_in_the_drafters_unit_with_a_sanitized_body(chain) -> None:
    # GIVEN a drafter and a body carrying a script and an event handler
    data = {"title": "회의 결과 보고", "body": '<p onclick="x()">본문<script>alert(1)</script></p>'}

    # WHEN the draft is created
    document = draft_create(drafter=chain.drafter, kind="memo", data=data)

    # THEN it is a draft of the drafter's unit, the body is safe, and it is audited
    assert document.status == DocumentStatus.DRAFT
    assert document.unit == chain.team
    assert document.body == "<p>본문</p>"
    event = AuditEvent.objects.get(action="document.created")
    assert event.object_id == str(document.pk)


def test_a_budget_draft_needs_its_budget_fields(chain) -> None:
    # GIVEN budget data without the budget block
    # WHEN / THEN creating it names the missing block
    with pytest.raises(InvalidInput) as exc:
        draft_create(drafter=chain.drafter, kind="budget", data={"title": "집행 품의"})
    assert "budget" in errors_of(exc)


def test_a_memo_refuses_budget_fields(chain) -> None:
    line = BudgetLineFactory.create(unit=chain.division)
    data = {"title": "t", "budget": _budget_data(line)}

    with pytest.raises(InvalidInput) as exc:
        draft_create(drafter=chain.drafter, kind="memo", data=data)

    assert "budget" in errors_of(exc)


def _budget_data(line, amount: int = 3_000_000) -> dict[str, Any]:
    return {
        "fiscal_year": line.fiscal_year,
        "budget_line": line.pk,
        "amount": amount,
        "payee": "(주)가나",
        "purpose": "장비 구입",
    }


def test_a_budget_draft_rejects_a_line_of_another_fiscal_year(chain) -> None:
    line = BudgetLineFactory.create(unit=chain.division, fiscal_year=2020)
    data = {"title": "t", "budget": {**_budget_data(line), "fiscal_year": 2021}}

    with pytest.raises(InvalidInput) as exc:
        draft_create(drafter=chain.drafter, kind="budget", data=data)

    assert "fiscal_year" in errors_of(exc)["budget"]


def test_a_budget_draft_stores_its_fields(chain) -> None:
    line = BudgetLineFactory.create(unit=chain.division)

    document = draft_create(
        drafter=chain.drafter, kind="budget", data={"title": "t", "budget": _budget_data(line)}
    )

    budget = BudgetRequest.objects.get(document=document)
    assert (budget.amount, budget.budget_line, budget.payee) == (3_000_000, line, "(주)가나")


@pytest.mark.parametrize(
    ("action_type", "with_unit", "with_position", "field"),
    [
        ("transfer", False, False, "target_unit"),
        ("promotion", True, False, "target_position"),
        ("appointment", True, False, "target_position"),
        ("leave", True, False, "target_unit"),
    ],
)
def test_personnel_fields_are_validated_per_action_type(
    chain, action_type, with_unit, with_position, field
) -> None:
    # GIVEN a person concerned and a personnel action missing (or adding) a target
    subject = PersonFactory.create()
    personnel = {
        "person": subject.pk,
        "action_type": action_type,
        "effective_date": "2030-01-02",
        "target_unit": UnitFactory.create().pk if with_unit else None,
        "target_position": None,
    }

    # WHEN / THEN the rule of the action type names the field
    with pytest.raises(InvalidInput) as exc:
        draft_create(
            drafter=chain.drafter, kind="personnel", data={"title": "t", "personnel": personnel}
        )
    assert field in errors_of(exc)["personnel"]


def test_a_promotion_must_move_up_in_rank(chain) -> None:
    subject = PersonFactory.create()  # grade 7
    lower = PositionFactory.create(title="주무관(8급)", rank=Rank.GRADE_8)
    personnel = {
        "person": subject.pk,
        "action_type": "promotion",
        "effective_date": "2030-01-02",
        "target_position": lower.pk,
    }

    with pytest.raises(InvalidInput) as exc:
        draft_create(
            drafter=chain.drafter, kind="personnel", data={"title": "t", "personnel": personnel}
        )

    assert "target_position" in errors_of(exc)["personnel"]


def test_a_valid_transfer_is_stored(chain) -> None:
    subject = PersonFactory.create()
    personnel = {
        "person": subject.pk,
        "action_type": "transfer",
        "effective_date": "2030-01-02",
        "target_unit": chain.division.pk,
    }

    document = draft_create(
        drafter=chain.drafter, kind="personnel", data={"title": "t", "personnel": personnel}
    )

    action = PersonnelAction.objects.get(document=document)
    assert action.target_unit == chain.division


@pytest.mark.parametrize(
    ("level", "grounds", "ok"),
    [("open", [], True), ("open", [3], False), ("partial", [], False), ("closed", [5, 6], True)],
)
def test_disclosure_grounds_follow_the_level(chain, level, grounds, ok) -> None:
    data = {
        "title": "t",
        "proposed_disclosure_level": level,
        "proposed_disclosure_grounds": grounds,
    }

    if ok:
        document = draft_create(drafter=chain.drafter, kind="memo", data=data)
        assert document.proposed_disclosure_grounds == grounds
    else:
        with pytest.raises(InvalidInput) as exc:
            draft_create(drafter=chain.drafter, kind="memo", data=data)
        assert "proposed_disclosure_grounds" in errors_of(exc)


def test_a_ground_outside_1_to_8_is_refused(chain) -> None:
    data = {"title": "t", "proposed_disclosure_level": "closed", "proposed_disclosure_grounds": [9]}

    with pytest.raises(InvalidInput):
        draft_create(drafter=chain.drafter, kind="memo", data=data)


def test_an_update_with_the_current_lock_version_saves_and_bumps_it(chain) -> None:
    document = DocumentFactory.create(drafter=chain.drafter)

    updated = draft_update(
        document=document, actor=chain.drafter, lock_version=1, data={"title": "새 제목"}
    )

    assert (updated.title, updated.lock_version) == ("새 제목", 2)


def test_a_stale_lock_version_is_a_conflict_and_writes_nothing(chain) -> None:
    # GIVEN a draft saved once by someone else (lock_version 2)
    document = DocumentFactory.create(drafter=chain.drafter, title="원래", lock_version=2)

    # WHEN an update names the old version
    with pytest.raises(ConflictError):
        draft_update(document=document, actor=chain.drafter, lock_version=1, data={"title": "x"})

    # THEN nothing changed
    document.refresh_from_db()
    assert (document.title, document.lock_version) == ("원래", 2)


def test_only_the_drafter_updates_a_draft(chain) -> None:
    document = DocumentFactory.create(drafter=chain.drafter)

    with pytest.raises(Refused):
        draft_update(document=document, actor=chain.team_leader, lock_version=1, data={})


def test_a_document_in_progress_cannot_be_updated_as_a_draft(chain) -> None:
    document = DocumentFactory.create(drafter=chain.drafter, status=DocumentStatus.IN_PROGRESS)

    with pytest.raises(InvalidInput):
        draft_update(document=document, actor=chain.drafter, lock_version=1, data={"title": "x"})


def test_a_partial_update_is_judged_on_the_merged_state(chain) -> None:
    # GIVEN a closed draft citing ground 2
    document = draft_create(
        drafter=chain.drafter,
        kind="memo",
        data={
            "title": "t",
            "proposed_disclosure_level": "closed",
            "proposed_disclosure_grounds": [2],
        },
    )

    # WHEN the update only opens it, leaving the ground in place
    with pytest.raises(InvalidInput):
        draft_update(
            document=document,
            actor=chain.drafter,
            lock_version=1,
            data={"proposed_disclosure_level": "open"},
        )


def test_the_drafter_deletes_a_draft_never_submitted(chain) -> None:
    document = DocumentFactory.create(drafter=chain.drafter)

    draft_delete(document=document, actor=chain.drafter)

    assert not Document.objects.filter(pk=document.pk).exists()
    assert AuditEvent.objects.filter(action="document.deleted", object_id=str(document.pk)).exists()


def test_a_submitted_document_is_never_deleted(chain) -> None:
    # GIVEN a document with a version (it was submitted, then recalled to a draft)
    document = DocumentFactory.create(drafter=chain.drafter)
    version_snapshot(document=document, reason="submitted", actor=chain.drafter)

    # WHEN / THEN deleting it is refused
    with pytest.raises(InvalidInput):
        draft_delete(document=document, actor=chain.drafter)
    assert Document.objects.filter(pk=document.pk).exists()


def test_someone_else_cannot_delete_a_draft(chain) -> None:
    document = DocumentFactory.create(drafter=chain.drafter)

    with pytest.raises(Refused):
        draft_delete(document=document, actor=chain.team_leader)
