from django.urls import URLPattern, URLResolver, path
from rest_framework.routers import SimpleRouter

from directory.api.views import AbsenceViewSet, MeView, PersonViewSet, PositionViewSet, UnitViewSet

router = SimpleRouter()
router.register("units", UnitViewSet, basename="unit")
router.register("people", PersonViewSet, basename="person")
router.register("positions", PositionViewSet, basename="position")
router.register("absences", AbsenceViewSet, basename="absence")

urlpatterns: list[URLPattern | URLResolver] = [
    path("me/", MeView.as_view(), name="me"),
    *router.urls,
]
