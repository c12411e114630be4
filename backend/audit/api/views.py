"""The audit log API: administrators and records officers read events."""

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import viewsets
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response

from audit.api.pagination import AuditEventPagination
from audit.api.permissions import IsAuditReader
from audit.api.serializers import AuditEventListInputSerializer, AuditEventOutputSerializer
from audit.models import AuditEvent
from audit.selectors import audit_event_list


@extend_schema(tags=["audit"])
class AuditEventViewSet(viewsets.ReadOnlyModelViewSet[AuditEvent]):
    """Audit events, newest first: ?document=<id>, ?action=step.approved or step., ?actor=<id>."""

    permission_classes = [IsAuthenticated, IsAuditReader]
    serializer_class = AuditEventOutputSerializer
    pagination_class = AuditEventPagination
    filter_backends: list[Any] = []

    def get_queryset(self) -> QuerySet[AuditEvent]:
        if self.action != "list":
            return audit_event_list()
        params = AuditEventListInputSerializer(data=self.request.query_params)
        params.is_valid(raise_exception=True)
        return audit_event_list(
            document_id=params.validated_data.get("document"),
            action=params.validated_data.get("action", ""),
            actor_id=params.validated_data.get("actor"),
        )

    @extend_schema(parameters=[AuditEventListInputSerializer])
    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().list(request, *args, **kwargs)
