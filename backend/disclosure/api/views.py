"""The records officer's console: the review queue, decisions, redactions, publication.

Thin views: each validates its input, calls one service and answers with an
output serializer. Only records officers and administrators get in (403 for
everyone else); reviews are found by id among all reviews (officers see them all).
"""

from typing import Any

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from directory.api.actor import required_person
from directory.models import Person
from disclosure.api.permissions import IsRecordsOfficer
from disclosure.api.serializers import (
    BulkPublishInputSerializer,
    BulkResultSerializer,
    DecideInputSerializer,
    LapseInputSerializer,
    OptionalReasonInputSerializer,
    PublicationOutputSerializer,
    ReasonInputSerializer,
    RedactionInputSerializer,
    RedactionSerializer,
    ReviewDetailSerializer,
    ReviewListSerializer,
)
from disclosure.models import DisclosureReview, Redaction, ReviewStatus
from disclosure.selectors import review_detail, review_queue, reviews_for_officers
from disclosure.services.lapses import review_lapse_record
from disclosure.services.marks import attachment_release, attachment_unrelease
from disclosure.services.publish import (
    publication_publish,
    publication_withdraw,
    publications_bulk_publish,
)
from disclosure.services.review import (
    redaction_add,
    redaction_remove,
    review_decide,
    review_hold,
    review_release_hold,
)
from documents.models import Attachment
from portal.models import Publication

_FILTERS = [
    OpenApiParameter("status", OpenApiTypes.STR, enum=ReviewStatus.values),
    OpenApiParameter("unit", OpenApiTypes.INT),
    OpenApiParameter("kind", OpenApiTypes.STR, enum=["memo", "budget", "personnel"]),
    OpenApiParameter("disagrees", OpenApiTypes.BOOL),
]


def acting_person(request: Request) -> Person:
    """The person of the logged-in officer (administrators without one cannot act)."""
    return required_person(request, _("Only active staff members can act on disclosure."))


def _int_or_none(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


class ReviewViewSet(mixins.ListModelMixin, viewsets.GenericViewSet[DisclosureReview]):
    """The review queue (oldest due first) and the actions on one review."""

    permission_classes = [IsRecordsOfficer]
    serializer_class = ReviewListSerializer

    def get_queryset(self) -> QuerySet[DisclosureReview]:
        if self.action != "list":
            return reviews_for_officers()
        params = self.request.query_params
        disagrees = params.get("disagrees")
        return review_queue(
            status=params.get("status") or ReviewStatus.PENDING,
            unit_id=_int_or_none(params.get("unit")),
            kind=params.get("kind") or None,
            disagrees=None if disagrees is None else disagrees.lower() in ("1", "true"),
        )

    @extend_schema(parameters=_FILTERS, operation_id="disclosure_reviews_list")
    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().list(request, *args, **kwargs)

    @extend_schema(responses=ReviewDetailSerializer, operation_id="disclosure_reviews_retrieve")
    def retrieve(self, request: Request, pk: str | None = None) -> Response:
        return self._detail(self.get_object())

    def _detail(self, review: DisclosureReview, code: int = status.HTTP_200_OK) -> Response:
        review = reviews_for_officers().get(pk=review.pk)
        return Response(ReviewDetailSerializer(review_detail(review=review)).data, status=code)

    @extend_schema(request=DecideInputSerializer, responses=ReviewDetailSerializer)
    @action(detail=True, methods=["post"])
    def decide(self, request: Request, pk: str | None = None) -> Response:
        data = DecideInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        review = review_decide(
            review=self.get_object(),
            actor=acting_person(request),
            level=values["level"],
            grounds=values["grounds"],
            reason=values["reason"],
            related_document=values.get("related_document"),
        )
        return self._detail(review)

    @extend_schema(request=ReasonInputSerializer, responses=ReviewDetailSerializer)
    @action(detail=True, methods=["post"])
    def hold(self, request: Request, pk: str | None = None) -> Response:
        data = ReasonInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        review = review_hold(
            review=self.get_object(), actor=acting_person(request), **data.validated_data
        )
        return self._detail(review)

    @extend_schema(request=None, responses=ReviewDetailSerializer)
    @action(detail=True, methods=["post"], url_path="release-hold")
    def release_hold(self, request: Request, pk: str | None = None) -> Response:
        review = review_release_hold(review=self.get_object(), actor=acting_person(request))
        return self._detail(review)

    @extend_schema(request=LapseInputSerializer, responses=ReviewDetailSerializer)
    @action(detail=True, methods=["post"])
    def lapse(self, request: Request, pk: str | None = None) -> Response:
        """Record the event that ends a time-limited withholding (services.lapses)."""
        data = LapseInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        review_lapse_record(
            review_id=self.get_object().pk,
            event=values["event"],
            actor=acting_person(request),
            occurred_on=values.get("occurred_on"),
            note=values["note"],
        )
        return self._detail(self.get_object())

    @extend_schema(request=RedactionInputSerializer, responses={201: RedactionSerializer})
    @action(detail=True, methods=["post"])
    def redactions(self, request: Request, pk: str | None = None) -> Response:
        data = RedactionInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        redaction = redaction_add(
            review=self.get_object(), actor=acting_person(request), **data.validated_data
        )
        return Response(RedactionSerializer(redaction).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=None, responses=RedactionSerializer)
    @action(
        detail=True,
        methods=["post"],
        url_path=r"redactions/(?P<redaction_id>\d+)/remove",
    )
    def remove_redaction(
        self, request: Request, pk: str | None = None, redaction_id: str = ""
    ) -> Response:
        review = self.get_object()
        redaction = get_object_or_404(Redaction, pk=redaction_id, review=review)
        removed = redaction_remove(redaction=redaction, actor=acting_person(request))
        return Response(RedactionSerializer(removed).data)

    @extend_schema(request=OptionalReasonInputSerializer, responses=ReviewDetailSerializer)
    @action(
        detail=True,
        methods=["post", "delete"],
        url_path=r"attachments/(?P<attachment_id>\d+)/release",
    )
    def release_attachment(
        self, request: Request, pk: str | None = None, attachment_id: str = ""
    ) -> Response:
        review = self.get_object()
        attachment = get_object_or_404(Attachment, pk=attachment_id, document_id=review.document_id)
        if request.method == "DELETE":
            attachment_unrelease(review=review, attachment=attachment, actor=acting_person(request))
            return self._detail(review)
        data = OptionalReasonInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        attachment_release(
            review=review,
            attachment=attachment,
            actor=acting_person(request),
            reason=data.validated_data["reason"],
        )
        return self._detail(review)

    @extend_schema(request=None, responses={201: PublicationOutputSerializer})
    @action(detail=True, methods=["post"])
    def publish(self, request: Request, pk: str | None = None) -> Response:
        review = self.get_object()
        publication = publication_publish(document=review.document, actor=acting_person(request))
        return Response(
            PublicationOutputSerializer(publication).data, status=status.HTTP_201_CREATED
        )

    @extend_schema(request=BulkPublishInputSerializer, responses=BulkResultSerializer(many=True))
    @action(detail=False, methods=["post"], url_path="bulk-publish")
    def bulk_publish(self, request: Request) -> Response:
        data = BulkPublishInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        results = publications_bulk_publish(
            document_ids=data.validated_data["documents"], actor=acting_person(request)
        )
        return Response(BulkResultSerializer(results, many=True).data)  # type: ignore[arg-type]


class PublicationViewSet(viewsets.GenericViewSet[Publication]):
    """Withdrawal of a publication (the portal shows only that it was withdrawn)."""

    permission_classes = [IsRecordsOfficer]
    serializer_class = PublicationOutputSerializer
    queryset = Publication.objects.all()

    @extend_schema(request=ReasonInputSerializer, responses=PublicationOutputSerializer)
    @action(detail=True, methods=["post"])
    def withdraw(self, request: Request, pk: str | None = None) -> Response:
        data = ReasonInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        publication = publication_withdraw(
            publication=self.get_object(),
            actor=acting_person(request),
            reason=data.validated_data["reason"],
        )
        return Response(PublicationOutputSerializer(publication).data)
