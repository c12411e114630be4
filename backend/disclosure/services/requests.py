"""Disclosure requests (정보공개청구): receipt, follow-up, decision and extension.

Rules:
- a citizen gives a name, an e-mail address (a phone number if they like), what
  they ask for and why, and consents to their contact details being used to answer
  (no consent, no request: the portal's form and the API alike); they may name an
  approved document; they get a receipt
  number "YYYY-NNNNNN", gapless per year (a locked counter row per year);
- the request belongs to the document's unit, else the unit the citizen chose,
  else the records office, else the top of the organisation;
- it must be decided within DISCLOSURE_REQUEST_DECISION_WORKING_DAYS working days
  after receipt; the deadline can be extended once, by
  DISCLOSURE_REQUEST_EXTENSION_WORKING_DAYS working days, with a reason;
- a decision discloses, partly discloses or refuses; partial and refusal cite
  grounds 1-8 and a reason; a granted request for a document publishes it (the
  flow's publish node) with the review's redactions;
- the citizen follows the request with its receipt number and the same e-mail,
  sent in a POST body, never in a URL (URLs end up in access logs);
- the citizen's name and contact details are never logged nor audited.
"""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from audit.services import audit_record
from core.errors import InvalidInput
from core.input_schema import input_validated
from directory.models import Unit
from disclosure.citizen_input import CitizenRequestSerializer
from disclosure.models import DisclosureRequest, RequestSequence
from disclosure.roles import records_office
from disclosure.services.calendar import add_working_days
from documents.models import Document, DocumentStatus

RECEIPT_FORMAT = "{year}-{sequence:06d}"


def _next_receipt(year: int) -> tuple[int, str]:
    """Take the next number of ``year`` under a row lock (released at commit)."""
    RequestSequence.objects.bulk_create([RequestSequence(year=year)], ignore_conflicts=True)
    counter = RequestSequence.objects.select_for_update().get(year=year)
    counter.last_value += 1
    counter.save(update_fields=["last_value"])
    return counter.last_value, RECEIPT_FORMAT.format(year=year, sequence=counter.last_value)


def _owning_unit(document: Document | None, unit: Unit | None) -> Unit:
    if document is not None:
        return document.unit
    if unit is not None:
        return unit
    office = records_office()
    if office is not None:
        return office
    top = Unit.objects.filter(active=True).order_by("depth", "id").first()
    if top is None:
        raise InvalidInput({"unit": [_("Choose the unit that holds the information.")]})
    return top


def disclosure_request_create(
    *,
    name: str,
    email: str,
    phone: str,
    subject: str,
    reason: str,
    document: Document | None,
    client_address: str | None,
    consent: bool,
    unit: Unit | None = None,
) -> DisclosureRequest:
    """Receive a citizen's request and start its flow; returns it with its receipt number.

    `consent` is the citizen's agreement that their contact details are used to answer;
    without it nothing is kept and the error names `consent`.
    """
    values = input_validated(
        CitizenRequestSerializer,
        {
            "name": name,
            "email": email,
            "phone": phone,
            "subject": subject,
            "reason": reason,
            "consent": consent,
        },
    )
    if document is not None and document.status != DocumentStatus.APPROVED:
        raise InvalidInput({"document": [_("Only approved documents can be requested.")]})
    from workflows.disclosure_request import DisclosureRequestFlow

    with transaction.atomic():
        now = timezone.now()
        today = timezone.localdate(now)
        sequence, receipt = _next_receipt(today.year)
        request = DisclosureRequest.objects.create(
            receipt_number=receipt,
            year=today.year,
            sequence=sequence,
            name=values["name"].strip(),
            email=values["email"].strip(),
            phone=values.get("phone", "").strip(),
            subject=values["subject"].strip(),
            reason=values.get("reason", "").strip(),
            document=document,
            unit=_owning_unit(document, unit),
            received_at=now,
            due_date=add_working_days(today, _decision_days()),
        )
        audit_record(
            action="disclosure_request.received",
            actor=None,
            document=document,
            client_address=client_address,
            target=request,
            data={"receipt_number": receipt, "unit": request.unit_id},
        )
        DisclosureRequestFlow.start.run(request=request)
    return request


def _decision_days() -> int:
    return int(settings.DISCLOSURE_REQUEST_DECISION_WORKING_DAYS)


def disclosure_request_status(*, receipt_number: str, email: str) -> DisclosureRequest | None:
    """The request with this receipt number when ``email`` is the one it was made with."""
    request = (
        DisclosureRequest.objects.select_related("document", "unit")
        .filter(receipt_number=receipt_number.strip())
        .first()
    )
    if request is None or request.email.strip().lower() != email.strip().lower():
        return None
    return request
