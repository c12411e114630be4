"""The signing app's answers to what the apps below it announce.

Receivers only call a service: the rule lives there.
"""

from typing import Any

from documents.models import Document


def on_document_approved(*, document: Document, **_: Any) -> None:
    """The final approval's transaction: request its signed official PDF."""
    from signing.issuance import official_pdf_request

    official_pdf_request(document=document)
