"""The disclosure app's answers to what the apps below it announce.

Receivers only call a service: the rule lives there.
"""

from typing import Any

from documents.models import Document
from signing.models import RenditionVariant


def on_rendition_finished(*, rendition_id: int, variant: str, **_: Any) -> None:
    """A public PDF was signed or failed: its publication shows it or the officers learn it."""
    if variant != RenditionVariant.PUBLIC:
        return
    from disclosure.services.publish import publication_attach_public_pdf

    publication_attach_public_pdf(rendition_id=rendition_id)


def on_document_approved(*, document: Document, **_: Any) -> None:
    """The final approval's transaction: the document owes its disclosure tagging."""
    from disclosure.services.tagging import disclosure_tag_on_approval

    disclosure_tag_on_approval(document=document)
