"""The disclosure API: the records officer's console, withheld paragraphs, requests."""

from django.urls import URLPattern, URLResolver, include, path
from rest_framework.routers import SimpleRouter

from disclosure.api.views import PublicationViewSet, ReviewViewSet
from disclosure.api.views_approval_box import DocumentApprovalBoxViewSet
from disclosure.api.views_marks import WithheldParagraphListView, WithheldParagraphView
from disclosure.api.views_requests import (
    PublicRequestCreateView,
    PublicRequestStatusView,
    RequestViewSet,
)
from disclosure.api.views_scan import DraftScanView

router = SimpleRouter()
router.register("disclosure/reviews", ReviewViewSet, basename="disclosure-review")
router.register("disclosure/publications", PublicationViewSet, basename="disclosure-publication")
router.register("disclosure/requests", RequestViewSet, basename="disclosure-request")
router.register("documents", DocumentApprovalBoxViewSet, basename="document-approval-box")

urlpatterns: list[URLPattern | URLResolver] = [
    path("", include(router.urls)),
    path("disclosure/draft-scan/", DraftScanView.as_view(), name="disclosure-draft-scan"),
    path(
        "disclosure/documents/<int:document_id>/withheld-paragraphs/",
        WithheldParagraphListView.as_view(),
        name="disclosure-withheld-paragraphs",
    ),
    path(
        "disclosure/documents/<int:document_id>/withheld-paragraphs/<int:index>/",
        WithheldParagraphView.as_view(),
        name="disclosure-withheld-paragraph",
    ),
    path(
        "public/disclosure-requests/",
        PublicRequestCreateView.as_view(),
        name="public-disclosure-request-create",
    ),
    path(
        "public/disclosure-requests/<str:receipt_number>/",
        PublicRequestStatusView.as_view(),
        name="public-disclosure-request-status",
    ),
]
