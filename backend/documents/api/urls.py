from django.urls import URLPattern, URLResolver
from rest_framework.routers import SimpleRouter

from documents.api.views_attachments import DocumentAttachmentViewSet
from documents.api.views_budget_lines import BudgetLineViewSet
from documents.api.views_documents import DocumentViewSet
from documents.api.views_versions import DocumentVersionViewSet

_router = SimpleRouter()
_router.register("documents", DocumentViewSet, basename="document")
_router.register("documents", DocumentVersionViewSet, basename="document-version")
_router.register("documents", DocumentAttachmentViewSet, basename="document-attachment")
_router.register("budget-lines", BudgetLineViewSet, basename="budget-line")

urlpatterns: list[URLPattern | URLResolver] = [*_router.urls]
