from django.urls import URLPattern, URLResolver
from rest_framework.routers import SimpleRouter

from audit.api.views import AuditEventViewSet

router = SimpleRouter()
router.register("audit/events", AuditEventViewSet, basename="audit-event")

urlpatterns: list[URLPattern | URLResolver] = [*router.urls]
