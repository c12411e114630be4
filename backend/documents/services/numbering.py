"""Document numbers: 처리과명-일련번호, a gapless sequence per unit and year.

The statutory form (행정업무의 운영 및 혁신에 관한 규정 시행규칙) is the processing
unit's name and the year's serial number, "예산총괄팀-9". The number alone repeats
from year to year (and between two units of the same name): the unique key is the
unit, the year and the sequence, which the document keeps beside it.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone

from documents.models import Document, DocumentNumberSequence


def document_number_assign(*, document: Document) -> str:
    """Give the document its number "<unit name>-<sequence>" and return it.

    Must run inside the final-approval transaction: the sequence row stays locked
    until that transaction ends, so numbers are taken one at a time per unit and
    year, and a rolled-back approval gives its number back (no gaps). A document
    that has a number keeps it. The first number of a year creates the sequence row;
    two creators racing meet the unique constraint, and the loser reads the winner's row.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("document_number_assign must run inside the approval transaction")
    locked = Document.objects.select_for_update().select_related("unit").get(pk=document.pk)
    if locked.number:
        document.number = locked.number
        return locked.number
    year = timezone.localdate().year
    sequence = _locked_sequence(unit_id=locked.unit_id, year=year)
    sequence.last_value += 1
    sequence.save(update_fields=["last_value"])
    number = f"{locked.unit.name}-{sequence.last_value}"
    Document.objects.filter(pk=locked.pk).update(
        number=number, number_year=year, number_sequence=sequence.last_value
    )
    document.number = number
    document.number_year = year
    document.number_sequence = sequence.last_value
    return number


def _locked_sequence(*, unit_id: int, year: int) -> DocumentNumberSequence:
    query = DocumentNumberSequence.objects.select_for_update()
    sequence = query.filter(unit_id=unit_id, year=year).first()
    if sequence is not None:
        return sequence
    try:
        # A savepoint: losing the race must not abort the caller's transaction.
        with transaction.atomic():
            return DocumentNumberSequence.objects.create(unit_id=unit_id, year=year)
    except IntegrityError:
        return query.get(unit_id=unit_id, year=year)
