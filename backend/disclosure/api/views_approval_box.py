"""/api/documents/{id}/approval-box/: the approval box and both disclosure marks, for staff.

The box is what the official PDF prints (signing.snapshot_builder); beside the
level fixed at approval, which the PDF prints, it gives the records officer's
current decision, which the public PDF and the portal show. Who may see the
document may see its box; anyone else gets 404.
"""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response

from core.disclosure_law import official_mark
from disclosure.api.serializers_approval_box import ApprovalBoxOutputSerializer
from disclosure.models import DisclosureReview
from documents.api.base import VisibleDocumentViewSet
from documents.models import Document, DocumentStatus
from signing.selectors import official_rendition
from signing.snapshot import LineSigner
from signing.snapshot_builder import official_document_for


class DocumentApprovalBoxViewSet(VisibleDocumentViewSet):
    @extend_schema(responses=ApprovalBoxOutputSerializer)
    @action(detail=True, methods=["get"], url_path="approval-box")
    def approval_box(self, request: Request, pk: str) -> Response:
        document = self.get_object()
        if document.status != DocumentStatus.APPROVED or document.current_version is None:
            raise NotFound(_("This document has no official PDF: it is not approved."))
        official = official_document_for(version=document.current_version)
        data = {
            "document_number": official.document_number,
            "enforcement_date": official.enforcement_date,
            "disclosure": official.disclosure.label,
            "disclosure_decision": _decision(document),
            "content_hash": official.content_hash,
            "verification_url": official.verification_url,
            "drafter": _signer_data(official.drafter),
            "signers": [_signer_data(signer) for signer in official.signers],
            "rendition": official_rendition(document),
        }
        return Response(ApprovalBoxOutputSerializer(data).data)


def _decision(document: Document) -> dict[str, object] | None:
    review = DisclosureReview.objects.filter(document=document).first()
    if review is None:
        return None
    grounds = sorted(set(review.grounds))
    return {
        "level": review.level,
        "grounds": grounds,
        "mark": official_mark(review.level, grounds),
        "decided": review.decided_at is not None,
    }


def _signer_data(signer: LineSigner) -> dict[str, object]:
    return {
        "position": signer.position,
        "unit": signer.unit,
        "name": signer.name,
        "signed_on": signer.signed_on,
        "role": signer.role,
        "marks": list(signer.marks),
        "mark": signer.mark,
        "proxy_for": signer.proxy_for,
        "post_approved_on": signer.post_approved_on,
    }
