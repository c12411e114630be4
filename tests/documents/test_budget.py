"""Budget lines: availability at submission, atomic commitment at final approval."""

import threading
from typing import Any, cast

import pytest
from django.db import IntegrityError, connection, transaction

from core.errors import InvalidInput
from documents.models import BudgetLine, BudgetRequest
from documents.services import budget_check_available, budget_commit
from tests.factories.documents import BudgetDocumentFactory, BudgetLineFactory


@pytest.mark.django_db
def test_an_amount_above_what_remains_is_refused_naming_budget_amount(chain) -> None:
    # GIVEN a line with 3,000,000 left
    line = BudgetLineFactory.create(unit=chain.division, allocation=10_000_000, committed=7_000_000)
    document = BudgetDocumentFactory.create(
        drafter=chain.drafter, budget__budget_line=line, budget__amount=3_000_001
    )

    # WHEN / THEN checking it names budget.amount
    with pytest.raises(InvalidInput) as exc:
        budget_check_available(document=document)
    assert "amount" in cast(dict[str, Any], exc.value.detail)["budget"]


@pytest.mark.django_db
def test_an_amount_within_what_remains_passes(chain) -> None:
    line = BudgetLineFactory.create(unit=chain.division, allocation=10_000_000, committed=7_000_000)
    document = BudgetDocumentFactory.create(
        drafter=chain.drafter, budget__budget_line=line, budget__amount=3_000_000
    )

    budget_check_available(document=document)


@pytest.mark.django_db
def test_commit_adds_the_amount_once(chain) -> None:
    line = BudgetLineFactory.create(unit=chain.division, allocation=10_000_000)
    document = BudgetDocumentFactory.create(
        drafter=chain.drafter, budget__budget_line=line, budget__amount=4_000_000
    )

    budget_commit(document=document)
    budget_commit(document=document)

    line.refresh_from_db()
    assert line.committed == 4_000_000
    assert BudgetRequest.objects.get(document=document).committed_at is not None


@pytest.mark.django_db
def test_commit_refuses_to_overcommit(chain) -> None:
    line = BudgetLineFactory.create(unit=chain.division, allocation=10_000_000, committed=9_000_000)
    document = BudgetDocumentFactory.create(
        drafter=chain.drafter, budget__budget_line=line, budget__amount=2_000_000
    )

    with pytest.raises(InvalidInput):
        budget_commit(document=document)

    line.refresh_from_db()
    assert line.committed == 9_000_000


@pytest.mark.django_db
def test_the_database_refuses_an_overcommitted_line() -> None:
    line = BudgetLineFactory.create(allocation=10)

    with pytest.raises(IntegrityError), transaction.atomic():
        BudgetLine.objects.filter(pk=line.pk).update(committed=11)


@pytest.mark.django_db(transaction=True)
def test_concurrent_approvals_never_overcommit_a_line(chain) -> None:
    # GIVEN a line of 10,000,000 and 20 requests of 1,000,000 each
    line = BudgetLineFactory.create(unit=chain.division, allocation=10_000_000)
    documents = [
        BudgetDocumentFactory.create(
            drafter=chain.drafter, budget__budget_line=line, budget__amount=1_000_000
        )
        for _ in range(20)
    ]
    barrier = threading.Barrier(len(documents))
    refused: list[int] = []
    unexpected: list[BaseException] = []

    def approve(document) -> None:
        try:
            barrier.wait()
            budget_commit(document=document)
        except InvalidInput:
            refused.append(document.pk)
        except BaseException as exc:  # reported to the main thread below
            unexpected.append(exc)
        finally:
            connection.close()

    # WHEN all are approved at once
    threads = [threading.Thread(target=approve, args=(d,)) for d in documents]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    # THEN exactly ten commit, the line is full, never over
    assert unexpected == []
    line.refresh_from_db()
    assert line.committed == 10_000_000
    assert len(refused) == 10
    assert BudgetRequest.objects.filter(committed_at__isnull=False).count() == 10
