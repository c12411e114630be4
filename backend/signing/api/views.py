"""POST /api/verify/: anyone may check an official PDF's signature."""

import dataclasses

from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import ErrorDetail, ValidationError
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api.parsers import BoundedMultiPartParser
from signing import conf
from signing.api.serializers import (
    VerifyInputSerializer,
    VerifyOutputSerializer,
    too_large_message,
)
from signing.api.throttles import VerifyRateThrottle
from signing.services import configured_document_lookup, official_pdf_verify

# Multipart boundaries and headers around the file.
MULTIPART_ALLOWANCE = 64 * 1024


class VerifyView(APIView):
    """Verifies an uploaded PDF: signature, trust, modification, embedded facts."""

    permission_classes = [AllowAny]
    authentication_classes = []
    parser_classes = [BoundedMultiPartParser]
    throttle_classes = [VerifyRateThrottle]

    @extend_schema(
        request={"multipart/form-data": VerifyInputSerializer},
        responses=VerifyOutputSerializer,
        operation_id="signature_verify",
        tags=["signing"],
        auth=[],
    )
    def post(self, request: Request) -> Response:
        # Refuse an oversize body before parsing it into a temporary file.
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
        if declared > conf.verify_max_bytes() + MULTIPART_ALLOWANCE:
            raise ValidationError({"file": [ErrorDetail(too_large_message(), code="too_large")]})
        data = VerifyInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        upload = data.validated_data["file"]
        result = official_pdf_verify(data=upload.read(), lookup=configured_document_lookup())
        return Response(VerifyOutputSerializer(dataclasses.asdict(result)).data)
