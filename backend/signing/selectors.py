"""Reading renditions: the official PDF a document owes, and its state."""

from documents.models import Document, DocumentStatus
from signing.models import Rendition, RenditionVariant


def official_rendition(document: Document) -> Rendition | None:
    """The official Rendition of the document's approved version, if one was requested.

    A document that is not approved has none, whatever rows an earlier approval of
    another version left.
    """
    if document.status != DocumentStatus.APPROVED or document.current_version_id is None:
        return None
    return (
        Rendition.objects.select_related("version__document")
        .filter(version_id=document.current_version_id, variant=RenditionVariant.OFFICIAL)
        .first()
    )
