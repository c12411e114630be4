"""The public verification page: upload a PDF, learn whether Dojang signed it.

The answer comes from the signing app's ``verify_pdf``; the portal adds which
published document the file belongs to (the same file, or the approved version the
signature names), showing only that document's public fields.
"""

from __future__ import annotations

import hashlib
import logging

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from portal.forms import VerifyForm
from portal.public import public_document
from portal.ratelimit import rate_limited
from portal.selectors import publication_matching_pdf
from signing.services import official_pdf_verify

logger = logging.getLogger(__name__)


@require_http_methods(["GET", "HEAD", "POST"])
def verify(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return render(request, "portal/verify.html", {"form": VerifyForm()})
    if rate_limited(request, scope="verify", rate=settings.PORTAL_VERIFY_RATE):
        return render(request, "portal/rate_limited.html", status=429)
    form = VerifyForm(request.POST, request.FILES)
    if not form.is_valid():
        return render(request, "portal/verify.html", {"form": form}, status=400)
    data = form.cleaned_data["file"].read()
    result = official_pdf_verify(data=data)
    match = publication_matching_pdf(
        content_hash=result.content_hash, file_sha256=hashlib.sha256(data).hexdigest()
    )
    logger.info("portal: verified an upload: %s", result.code)
    context = {
        "form": VerifyForm(),
        "result": result,
        "matching": public_document(match) if match else None,
    }
    return render(request, "portal/verify.html", context)
