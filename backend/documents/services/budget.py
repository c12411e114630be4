"""Budget lines: who may charge which, what remains at submission, committing at approval.

Rules:
- a budget request charges a line of its unit or of a unit above it
  (documents.selectors.budget_units_for); another unit's line is refused on
  `budget.budget_line`, when saving and again at submission;
- an amount above what remains is kept on save with a warning (document_warnings),
  refused at submission, and the binding check is the commit at final approval.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.errors import InvalidInput
from documents.models import BudgetLine, BudgetRequest, Document
from documents.selectors import budget_units_for


def _budget(document: Document) -> BudgetRequest:
    budget = BudgetRequest.objects.filter(document_id=document.pk).first()
    if budget is None:
        raise InvalidInput({"budget": [_("This document has no budget request.")]})
    return budget


def _not_enough(line: BudgetLine, amount: int) -> InvalidInput:
    remaining = line.allocation - line.committed
    return InvalidInput(
        {
            "budget": {
                "amount": [
                    _(
                        "The amount %(amount)s KRW exceeds what remains on budget line "
                        "%(line)s: %(remaining)s KRW."
                    )
                    % {"amount": f"{amount:,}", "line": line.code, "remaining": f"{remaining:,}"}
                ]
            }
        }
    )


def budget_line_require_chargeable(*, line: BudgetLine, unit_id: int) -> None:
    """Refuse a line that a document of `unit_id` may not charge (see the module)."""
    if line.unit_id in budget_units_for(unit_id=unit_id):
        return
    raise InvalidInput(
        {
            "budget": {
                "budget_line": [
                    _(
                        "Budget line %(line)s belongs to %(owner)s: a document of this unit "
                        "can charge only its own lines and those of the units above it."
                    )
                    % {"line": line.code, "owner": line.unit.name}
                ]
            }
        }
    )


def budget_check_available(*, document: Document) -> None:
    """At submission: the line's remaining (allocation - committed) covers the amount.

    Advisory only (nothing is reserved): the binding check is budget_commit at the
    final approval, under a row lock.
    """
    budget = _budget(document)
    line = BudgetLine.objects.select_related("unit").get(pk=budget.budget_line_id)
    budget_line_require_chargeable(line=line, unit_id=document.unit_id)
    if budget.amount > line.allocation - line.committed:
        raise _not_enough(line, budget.amount)


def budget_commit(*, document: Document) -> None:
    """At final approval: add the amount to the line's committed total, atomically.

    The line row is locked (select_for_update) so concurrent approvals on one line
    commit one after another and each sees the others' amounts; one that would
    overcommit is refused with a InvalidInput naming "budget.amount". The
    database's CheckConstraint (committed <= allocation) is the last guard. A
    request that was already committed is not committed twice.
    """
    with transaction.atomic():
        budget = BudgetRequest.objects.select_for_update().get(document_id=_budget(document).pk)
        if budget.committed_at is not None:
            return
        line = BudgetLine.objects.select_for_update().get(pk=budget.budget_line_id)
        if line.committed + budget.amount > line.allocation:
            raise _not_enough(line, budget.amount)
        refusal = _not_enough(line, budget.amount)
        line.committed += budget.amount
        try:
            with transaction.atomic():
                line.save(update_fields=["committed"])
        except IntegrityError as exc:
            raise refusal from exc
        budget.committed_at = timezone.now()
        budget.save(update_fields=["committed_at"])
