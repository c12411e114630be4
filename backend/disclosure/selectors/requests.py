"""Disclosure requests as records officers see them."""

from __future__ import annotations

from django.db.models import QuerySet

from disclosure.models import DisclosureRequest


def requests_for_officers(
    *, status: str | None = None, unit_id: int | None = None
) -> QuerySet[DisclosureRequest]:
    """Requests, soonest deadline first; filtered by status and unit when given."""
    requests = DisclosureRequest.objects.select_related("unit", "document", "decided_by")
    if status:
        requests = requests.filter(status=status)
    if unit_id is not None:
        requests = requests.filter(unit_id=unit_id)
    return requests.order_by("due_date", "id")
