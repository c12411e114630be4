from django.urls import URLPattern, URLResolver
from rest_framework.routers import SimpleRouter

from signing.api.rendition_views import DocumentRenditionViewSet

_router = SimpleRouter()
_router.register("documents", DocumentRenditionViewSet, basename="document-rendition")

urlpatterns: list[URLPattern | URLResolver] = [*_router.urls]
