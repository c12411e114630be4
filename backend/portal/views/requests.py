"""The citizen's disclosure request (정보공개청구) and its follow-up page.

The request itself is the records engineer's flow: these views only collect the
form and call ``disclosure_request_create`` / ``disclosure_request_status``. What
the citizen typed is personal data: it is never logged, and the receipt page shows
only the receipt number (kept in the session between the POST and the redirect).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from core.request import client_address
from disclosure.services.requests import disclosure_request_create, disclosure_request_status
from portal.forms import DisclosureRequestForm, RequestStatusForm
from portal.labels import ground_label
from portal.public import PublicDocument, public_document
from portal.ratelimit import rate_limited
from portal.selectors import public_publication

logger = logging.getLogger(__name__)
RECEIPT_SESSION_KEY = "portal_receipt_number"


def _requested_document(request: HttpRequest) -> tuple[PublicDocument | None, Any]:
    """The public publication named by ?document= (or the hidden field), if any."""
    raw = request.POST.get("document") or request.GET.get("document") or ""
    if not raw:
        return None, None
    publication = public_publication(pk=int(raw)) if raw.isdigit() else None
    if publication is None:
        raise Http404
    return public_document(publication), publication


def _initial(document: PublicDocument | None) -> dict[str, str]:
    if document is None:
        return {}
    if document.is_closed:
        subject = _("Document %(number)s «%(title)s»")
    else:
        subject = _("The withheld parts of document %(number)s «%(title)s»")
    return {"subject": subject % {"number": document.number, "title": document.title}}


@require_http_methods(["GET", "HEAD", "POST"])
def request_new(request: HttpRequest) -> HttpResponse:
    document, publication = _requested_document(request)
    if request.method != "POST":
        form = DisclosureRequestForm(initial=_initial(document))
        return render(request, "portal/request_form.html", {"form": form, "document": document})
    if rate_limited(request, scope="request", rate=settings.PORTAL_REQUEST_RATE):
        return render(request, "portal/rate_limited.html", status=429)
    form = DisclosureRequestForm(request.POST)
    if not form.is_valid():
        context = {"form": form, "document": document}
        return render(request, "portal/request_form.html", context, status=400)
    data = form.cleaned_data
    created = disclosure_request_create(
        name=data["name"],
        email=data["email"],
        phone=data["phone"],
        subject=data["subject"],
        reason=data["reason"],
        document=publication.document if publication is not None else None,
        client_address=client_address(request),
        consent=data["consent"],
    )
    logger.info("portal: disclosure request received (document %s)", document and document.id)
    request.session[RECEIPT_SESSION_KEY] = created.receipt_number
    return redirect("portal:request-done")


@require_safe
def request_done(request: HttpRequest) -> HttpResponse:
    receipt = request.session.get(RECEIPT_SESSION_KEY)
    if not receipt:
        return redirect("portal:request-status")
    return render(request, "portal/request_done.html", {"receipt_number": receipt})


@dataclass(frozen=True, slots=True)
class RequestStatusView:
    """What the follow-up page shows of a request: its progress, never the contact data."""

    receipt_number: str
    subject: str
    status: str
    status_label: str
    received_at: datetime
    due_date: date
    extended_due_date: date | None
    decided_at: datetime | None
    decision_grounds: tuple[tuple[int, Any], ...]
    decision_reason: str


def _status_view(found: Any) -> RequestStatusView:
    grounds = found.decision_grounds if isinstance(found.decision_grounds, list) else []
    return RequestStatusView(
        receipt_number=found.receipt_number,
        subject=found.subject,
        status=found.status,
        status_label=str(found.get_status_display()),
        received_at=found.received_at,
        due_date=found.due_date,
        extended_due_date=found.extended_due_date,
        decided_at=found.decided_at,
        decision_grounds=tuple((int(g), ground_label(int(g))) for g in grounds),
        decision_reason=found.decision_reason,
    )


@require_http_methods(["GET", "HEAD", "POST"])
def request_status(request: HttpRequest) -> HttpResponse:
    """Receipt number and e-mail in, the request's progress out (POST keeps the
    e-mail address out of URLs and access logs)."""
    if request.method != "POST":
        return render(request, "portal/request_status.html", {"form": RequestStatusForm()})
    if rate_limited(request, scope="status", rate=settings.PORTAL_STATUS_RATE):
        return render(request, "portal/rate_limited.html", status=429)
    form = RequestStatusForm(request.POST)
    if not form.is_valid():
        return render(request, "portal/request_status.html", {"form": form}, status=400)
    found = disclosure_request_status(
        receipt_number=form.cleaned_data["receipt_number"].strip(),
        email=form.cleaned_data["email"],
    )
    context = {
        "form": form,
        "searched": True,
        "status": _status_view(found) if found is not None else None,
    }
    return render(request, "portal/request_status.html", context)
