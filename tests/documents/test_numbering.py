"""Document numbers: 처리과명-일련번호, gapless per unit and year, even under concurrency."""

import threading

import pytest
from django.db import connection, transaction
from django.utils import timezone

from documents.models import Document
from documents.services import document_number_assign
from tests.factories.directory import PersonFactory, UnitFactory
from tests.factories.documents import DocumentFactory


@pytest.mark.django_db
def test_numbers_read_unit_name_and_serial_per_unit_and_year(chain) -> None:
    # GIVEN two documents of one unit and one of another
    first = DocumentFactory.create(drafter=chain.drafter)
    second = DocumentFactory.create(drafter=chain.drafter)
    other = DocumentFactory.create()
    year = timezone.localdate().year

    # WHEN they are numbered
    with transaction.atomic():
        numbers = [document_number_assign(document=d) for d in (first, second, other)]

    # THEN they read 처리과명-일련번호, each unit counting from 1 in the year
    assert numbers[0] == f"{chain.team.name}-1"
    assert numbers[1] == f"{chain.team.name}-2"
    assert numbers[2] == f"{other.unit.name}-1"
    first.refresh_from_db()
    assert (first.number_year, first.number_sequence) == (year, 1)


@pytest.mark.django_db
def test_two_units_of_the_same_name_may_give_the_same_number(chain) -> None:
    # GIVEN a second unit with the team's name elsewhere in the tree
    twin = UnitFactory.create(name=chain.team.name)
    ours = DocumentFactory.create(drafter=chain.drafter)
    theirs = DocumentFactory.create(drafter=PersonFactory.create(unit=twin))
    # WHEN both are numbered, THEN both read the same and both are kept
    with transaction.atomic():
        numbers = {document_number_assign(document=d) for d in (ours, theirs)}
    assert numbers == {f"{chain.team.name}-1"}


@pytest.mark.django_db
def test_a_numbered_document_keeps_its_number(chain) -> None:
    document = DocumentFactory.create(drafter=chain.drafter)
    with transaction.atomic():
        first = document_number_assign(document=document)
        again = document_number_assign(document=document)

    assert first == again
    assert Document.objects.get(pk=document.pk).number_sequence == 1


@pytest.mark.django_db(transaction=True)
def test_numbering_outside_a_transaction_is_refused(chain) -> None:
    document = DocumentFactory.create(drafter=chain.drafter)

    with pytest.raises(RuntimeError):
        document_number_assign(document=document)


@pytest.mark.django_db
def test_a_rolled_back_approval_gives_its_number_back(chain) -> None:
    # GIVEN a numbering that is rolled back with its approval
    lost = DocumentFactory.create(drafter=chain.drafter)

    def approve_then_fail() -> None:
        with transaction.atomic():
            document_number_assign(document=lost)
            raise LookupError("the approval failed after numbering")

    with pytest.raises(LookupError):
        approve_then_fail()

    # WHEN the next document is numbered THEN it gets number 1 (no gap)
    kept = DocumentFactory.create(drafter=chain.drafter)
    with transaction.atomic():
        assert document_number_assign(document=kept) == f"{chain.team.name}-1"


@pytest.mark.django_db(transaction=True)
def test_twenty_concurrent_approvals_get_1_to_20_without_gap_or_duplicate(chain) -> None:
    # GIVEN 20 documents of one unit, and no sequence row yet (the first one races too)
    documents = [DocumentFactory.create(drafter=chain.drafter) for _ in range(20)]
    barrier = threading.Barrier(len(documents))
    errors: list[BaseException] = []

    def approve(document: Document) -> None:
        try:
            barrier.wait()
            with transaction.atomic():
                document_number_assign(document=document)
        except BaseException as exc:  # reported to the main thread below
            errors.append(exc)
        finally:
            connection.close()

    # WHEN they are all numbered at once, each in its own transaction
    threads = [threading.Thread(target=approve, args=(d,)) for d in documents]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    # THEN the numbers are exactly 1..20
    assert errors == []
    given = Document.objects.filter(unit=chain.team).values_list("number_sequence", flat=True)
    sequences = sorted(n for n in given if n is not None)
    assert sequences == list(range(1, 21))
