from django.urls import URLPattern, URLResolver
from rest_framework.routers import SimpleRouter

from signing.api.views_preview import DocumentPreviewViewSet
from signing.api.views_renditions import DocumentRenditionViewSet

_router = SimpleRouter()
_router.register("documents", DocumentRenditionViewSet, basename="document-rendition")
_router.register("documents", DocumentPreviewViewSet, basename="document-preview")

urlpatterns: list[URLPattern | URLResolver] = [*_router.urls]
