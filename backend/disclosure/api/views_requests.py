"""Disclosure requests: the officers' list and actions, and the citizen's two endpoints.

The public endpoints need no login and are throttled per client address; the
status endpoint answers 404 unless the receipt number and the e-mail match, so
it tells nothing about other people's requests.
"""

from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api.throttles import ClientAnonRateThrottle
from core.request import client_address
from disclosure.api.permissions import IsRecordsOfficer
from disclosure.api.serializers import ReasonInputSerializer
from disclosure.api.serializers_requests import (
    RequestCreateInputSerializer,
    RequestDecideInputSerializer,
    RequestPublicSerializer,
    RequestStaffSerializer,
    RequestStatusInputSerializer,
)
from disclosure.api.views import _int_or_none, acting_person
from disclosure.models import DisclosureRequest, RequestStatus
from disclosure.selectors import requests_for_officers
from disclosure.services.request_decisions import (
    disclosure_request_decide,
    disclosure_request_extend,
)
from disclosure.services.requests import disclosure_request_create, disclosure_request_status


class RequestViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet[DisclosureRequest],
):
    """Records officers: the requests, soonest deadline first; decide or extend one."""

    permission_classes = [IsRecordsOfficer]
    serializer_class = RequestStaffSerializer

    def get_queryset(self) -> QuerySet[DisclosureRequest]:
        params = self.request.query_params
        return requests_for_officers(
            status=params.get("status") or None, unit_id=_int_or_none(params.get("unit"))
        )

    @extend_schema(
        parameters=[
            OpenApiParameter("status", OpenApiTypes.STR, enum=RequestStatus.values),
            OpenApiParameter("unit", OpenApiTypes.INT),
        ],
        operation_id="disclosure_requests_list",
    )
    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().list(request, *args, **kwargs)

    @extend_schema(request=RequestDecideInputSerializer, responses=RequestStaffSerializer)
    @action(detail=True, methods=["post"])
    def decide(self, request: Request, pk: str | None = None) -> Response:
        data = RequestDecideInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        decided = disclosure_request_decide(
            request=self.get_object(), actor=acting_person(request), **data.validated_data
        )
        return Response(RequestStaffSerializer(decided).data)

    @extend_schema(request=ReasonInputSerializer, responses=RequestStaffSerializer)
    @action(detail=True, methods=["post"])
    def extend(self, request: Request, pk: str | None = None) -> Response:
        data = ReasonInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        extended = disclosure_request_extend(
            request=self.get_object(), actor=acting_person(request), **data.validated_data
        )
        return Response(RequestStaffSerializer(extended).data)


class RequestCreateThrottle(ClientAnonRateThrottle):
    scope = "disclosure_request"

    def get_rate(self) -> str:
        return str(settings.DISCLOSURE_REQUEST_THROTTLE_RATE)


class RequestStatusThrottle(ClientAnonRateThrottle):
    scope = "disclosure_request_status"

    def get_rate(self) -> str:
        return str(settings.DISCLOSURE_STATUS_THROTTLE_RATE)


class PublicRequestCreateView(APIView):
    """A citizen asks for a document or information; the answer carries the receipt number."""

    permission_classes = [AllowAny]
    authentication_classes = []
    throttle_classes = [RequestCreateThrottle]

    @extend_schema(
        request=RequestCreateInputSerializer,
        responses={201: RequestPublicSerializer},
        operation_id="public_disclosure_requests_create",
    )
    def post(self, request: Request) -> Response:
        data = RequestCreateInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        publication = values.pop("publication", None)
        created = disclosure_request_create(
            **values,
            document=publication.document if publication is not None else None,
            client_address=client_address(request),
        )
        return Response(RequestPublicSerializer(created).data, status=status.HTTP_201_CREATED)


class PublicRequestStatusView(APIView):
    """The citizen's follow-up: the receipt number and the e-mail it was made with.

    POST, with the e-mail in the body: a query string is written to access logs.
    """

    permission_classes = [AllowAny]
    authentication_classes = []
    throttle_classes = [RequestStatusThrottle]

    @extend_schema(
        request=RequestStatusInputSerializer,
        responses=RequestPublicSerializer,
        operation_id="public_disclosure_requests_status",
    )
    def post(self, request: Request, receipt_number: str) -> Response:
        query = RequestStatusInputSerializer(data=request.data)
        query.is_valid(raise_exception=True)
        found = disclosure_request_status(
            receipt_number=receipt_number, email=query.validated_data["email"]
        )
        if found is None:
            raise NotFound
        return Response(RequestPublicSerializer(found).data)
