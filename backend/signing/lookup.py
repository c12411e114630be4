"""Which approved document a content hash names, as the public may learn it.

Rules (the answer is given on a public endpoint, to anyone holding a PDF):
- the hash is an official PDF's (its approved version's content hash) or a public
  PDF's (the hash of its redacted content, signing.public_content); one that is
  neither answers None;
- an approved version whose document is published (a Publication published and not
  withdrawn) is named: number, public title, approval time and its portal page;
- any other approved version answers only that it matches an approved document:
  no number, no title, nothing about a document the public may not see.
"""

from typing import Any

from django.apps import apps
from django.conf import settings
from django.db.models import F
from django.urls import NoReverseMatch, reverse

from documents.models import DocumentStatus, DocumentVersion
from signing.models import Rendition, RenditionStatus, RenditionVariant


def approved_version_by_hash(content_hash: str) -> dict[str, Any] | None:
    """The public answer about `content_hash` (see the module's rules)."""
    approved = DocumentVersion.objects.filter(
        document__status=DocumentStatus.APPROVED, document__current_version=F("pk")
    ).select_related("document")
    version = approved.filter(content_hash=content_hash).first()
    if version is None:
        public = Rendition.objects.filter(
            variant=RenditionVariant.PUBLIC, content_key=content_hash, status=RenditionStatus.DONE
        ).values_list("version_id", flat=True)
        version = approved.filter(pk__in=public).first()
    if version is None:
        return None
    publication = _public_publication(version.document_id)
    if publication is None:
        return {"approved": True, "published": False}
    return {
        "approved": True,
        "published": True,
        "number": publication.number,
        "title": publication.title,
        "approved_at": publication.approved_at.isoformat(),
        "url": _portal_url(publication.pk),
    }


def _public_publication(document_id: int) -> Any:
    try:
        # By name: the portal app reads signing, not the reverse.
        publication_model = apps.get_model("portal", "Publication")
    except LookupError:
        return None
    return publication_model.objects.filter(
        document_id=document_id, published_at__isnull=False, withdrawn_at__isnull=True
    ).first()


def _portal_url(publication_id: int) -> str:
    try:
        path = reverse("portal:document", kwargs={"pk": publication_id})
    except NoReverseMatch:
        return ""
    return str(settings.SITE_URL).rstrip("/") + path
