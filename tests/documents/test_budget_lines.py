"""Budget lines: the drafter lists what they may charge, with what remains; another
unit's line is refused; an amount above what remains is saved with a warning."""

from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from directory.models import UnitKind
from documents.models import BudgetRequest
from tests.factories.directory import OrgChain, PersonFactory, UnitFactory
from tests.factories.documents import BudgetLineFactory

pytestmark = pytest.mark.django_db

LINES = "/api/budget-lines/"


def _client(chain: OrgChain) -> APIClient:
    client = APIClient()
    client.force_authenticate(chain.drafter.user)
    return client


def _budget_draft(client: APIClient, line_id: int, amount: int, year: int) -> Any:
    budget = {
        "fiscal_year": year, "budget_line": line_id, "amount": amount,
        "payee": "(주)도장상사", "purpose": "사무용품 구매",
    }  # fmt: skip
    return client.post(
        "/api/documents/",
        {"kind": "budget", "title": "물품 구매", "budget": budget},
        format="json",
        HTTP_ACCEPT_LANGUAGE="ko",
    )


def test_the_drafter_lists_the_lines_they_may_charge_with_what_remains(chain: OrgChain) -> None:
    # GIVEN lines of the drafter's division and team, and one of a sibling division
    division = BudgetLineFactory.create(
        unit=chain.division, code="A-1", allocation=10_000_000, committed=7_500_000
    )
    team = BudgetLineFactory.create(unit=chain.team, code="A-2", allocation=2_000_000)
    sibling = UnitFactory.create(kind=UnitKind.DIVISION, parent=chain.bureau)
    other = BudgetLineFactory.create(unit=sibling, code="B-1")
    client = _client(chain)

    # WHEN the drafter lists the budget lines
    client.get(LINES)  # warm the login's caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(LINES)

    # THEN only their own unit's and their division's, each with what remains
    assert response.status_code == 200
    rows = {row["code"]: row for row in response.json()["results"]}
    assert set(rows) == {"A-1", "A-2"}
    assert rows["A-1"]["remaining"] == 2_500_000
    assert rows["A-1"]["unit_name"] == chain.division.name
    assert rows["A-2"]["remaining"] == 2_000_000
    # the person, one per level of the five-level branch (its units), count and page
    assert len(queries) <= 8
    # AND another unit's line is not found, like one that does not exist
    assert client.get(f"{LINES}{other.pk}/").status_code == 404
    assert client.get(f"{LINES}{division.pk}/").json()["remaining"] == 2_500_000
    assert team.pk in {row["id"] for row in rows.values()}
    # AND a fiscal year narrows the list
    later = client.get(LINES, {"fiscal_year": division.fiscal_year + 1}).json()
    assert later["count"] == 0


def test_budget_lines_need_a_login_and_a_person() -> None:
    BudgetLineFactory.create()
    assert APIClient().get(LINES).status_code in (401, 403)
    technical = APIClient()
    technical.force_authenticate(PersonFactory.create().user)
    # a person whose unit has no line sees none
    assert technical.get(LINES).json()["count"] == 0


def test_another_units_line_cannot_be_charged(chain: OrgChain) -> None:
    # GIVEN a line of a sibling division
    sibling = UnitFactory.create(kind=UnitKind.DIVISION, parent=chain.bureau, name="기획예산과")
    line = BudgetLineFactory.create(unit=sibling, code="B-1")

    # WHEN the drafter charges it
    response = _budget_draft(_client(chain), line.pk, 1_000, line.fiscal_year)

    # THEN it is refused on budget.budget_line, in Korean, naming the line's unit
    assert response.status_code == 400
    (error,) = response.json()["errors"]
    assert error["field"] == "budget.budget_line"
    assert "기획예산과" in error["message"]
    assert not BudgetRequest.objects.exists()


def test_an_amount_above_what_remains_is_saved_with_a_warning(chain: OrgChain) -> None:
    # GIVEN the division's line with 2,500,000 left
    line = BudgetLineFactory.create(
        unit=chain.division, code="A-1", allocation=10_000_000, committed=7_500_000
    )
    client = _client(chain)

    # WHEN the drafter saves a request for more
    response = _budget_draft(client, line.pk, 3_000_000, line.fiscal_year)

    # THEN the draft is kept and the answer warns on budget.amount, in Korean
    assert response.status_code == 201
    (warning,) = response.json()["warnings"]
    assert warning["field"] == "budget.amount"
    assert warning["code"] == "budget_exceeds_remaining"
    assert "2,500,000" in warning["message"]
    assert "남은" in warning["message"] or "잔액" in warning["message"]
    # AND within what remains, there is nothing to warn of
    document_id = response.json()["id"]
    lowered = client.patch(
        f"/api/documents/{document_id}/",
        {"lock_version": response.json()["lock_version"], "budget": {"amount": 2_500_000}},
        format="json",
    )
    assert lowered.status_code == 200
    assert lowered.json()["warnings"] == []


def test_administrators_keep_the_lines_in_the_admin_with_committed_read_only(
    admin_client: Client, chain: OrgChain
) -> None:
    line = BudgetLineFactory.create(
        unit=chain.division, code="A-1", allocation=10_000_000, committed=7_500_000
    )
    listing = admin_client.get("/admin/documents/budgetline/")
    assert listing.status_code == 200
    assert "A-1" in listing.content.decode()
    assert "2500000" in listing.content.decode().replace(",", "")
    change = admin_client.get(f"/admin/documents/budgetline/{line.pk}/change/")
    assert change.status_code == 200
    assert 'name="committed"' not in change.content.decode()
    assert 'name="allocation"' in change.content.decode()
