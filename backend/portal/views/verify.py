"""The public verification page: is this document, or this PDF, one the city signed?

Three ways in, one page: the QR code on an official PDF opens
``?document=<number>`` (``&year=`` narrows it), a citizen holding a file may give
its ``?hash=`` (SHA-256), or upload the PDF itself (POST), which the signing app's
``verify_pdf`` answers. Each answer shows only what the public may learn of the
document (portal.selectors.VerifiedDocument, portal.public.PublicDocument).
"""

from __future__ import annotations

import hashlib
import logging

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from portal.forms import VerifyForm, VerifyLookupForm
from portal.public import public_document
from portal.ratelimit import rate_limited
from portal.selectors import (
    publication_matching_pdf,
    verification_by_number,
    verification_by_pdf_hash,
)
from signing.services import official_pdf_verify

logger = logging.getLogger(__name__)

TEMPLATE = "portal/verify.html"


@require_http_methods(["GET", "HEAD", "POST"])
def verify(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        return _upload(request)
    lookup = VerifyLookupForm(request.GET)
    if lookup.is_empty():
        return render(request, TEMPLATE, {"form": VerifyForm(), "lookup": VerifyLookupForm()})
    if rate_limited(request, scope="verify", rate=settings.PORTAL_VERIFY_RATE):
        return render(request, "portal/rate_limited.html", status=429)
    context: dict[str, object] = {"form": VerifyForm(), "lookup": lookup}
    if not lookup.is_valid():
        return render(request, TEMPLATE, context, status=400)
    data = lookup.cleaned_data
    if data["hash"]:
        kind, matches = "hash", verification_by_pdf_hash(sha256=data["hash"])
    else:
        kind, matches = "number", verification_by_number(number=data["document"], year=data["year"])
    # The kind and the count only: what was looked up stays out of the logs.
    logger.info("portal: verification look-up by %s: %d match(es)", kind, len(matches))
    context["answer"] = {"kind": kind, "matches": matches, "several": len(matches) > 1, **data}
    context["organization"] = settings.SIGNING_ORGANIZATION
    return render(request, TEMPLATE, context, status=200 if matches else 404)


def _upload(request: HttpRequest) -> HttpResponse:
    if rate_limited(request, scope="verify", rate=settings.PORTAL_VERIFY_RATE):
        return render(request, "portal/rate_limited.html", status=429)
    form = VerifyForm(request.POST, request.FILES)
    if not form.is_valid():
        return render(request, TEMPLATE, {"form": form, "lookup": VerifyLookupForm()}, status=400)
    data = form.cleaned_data["file"].read()
    result = official_pdf_verify(data=data)
    # The content hash in a PDF is taken at its word only under our trusted, intact
    # signature: anyone can sign a file of their own naming a guessed hash, and a
    # match on it would confirm guesses of what a redacted document's approved
    # content was.
    authentic = result.intact and result.trusted
    match = publication_matching_pdf(
        content_hash=result.content_hash if authentic else None,
        file_sha256=hashlib.sha256(data).hexdigest(),
    )
    logger.info("portal: verified an upload: %s", result.code)
    context: dict[str, object] = {
        "form": VerifyForm(),
        "lookup": VerifyLookupForm(),
        "result": result,
        "matching": public_document(match) if match else None,
    }
    return render(request, TEMPLATE, context)
