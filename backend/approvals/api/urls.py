from django.urls import URLPattern, URLResolver, path
from rest_framework.routers import SimpleRouter

from approvals.api.views_boxes import BoxCountsView, BoxView
from approvals.api.views_documents import DocumentActionViewSet
from approvals.api.views_tasks import TaskViewSet

urlpatterns: list[URLPattern | URLResolver] = []

# Engineer "workflows": tasks, boxes and the drafter's document actions.
_router = SimpleRouter()
_router.register("tasks", TaskViewSet, basename="task")
_router.register("documents", DocumentActionViewSet, basename="document-action")
urlpatterns += [
    path("boxes/", BoxCountsView.as_view(), name="box-counts"),
    path("boxes/<str:box>/", BoxView.as_view(), name="box-list"),
    *_router.urls,
]

# Engineer "documents": approval-line suggestion and validation, saved lines, rules.
from approvals.api.views_lines import (  # noqa: E402
    DelegationRuleViewSet,
    DocumentLineViewSet,
    SavedLineViewSet,
)

_line_router = SimpleRouter()
_line_router.register("documents", DocumentLineViewSet, basename="document-line")
_line_router.register("saved-lines", SavedLineViewSet, basename="saved-line")
_line_router.register("delegation-rules", DelegationRuleViewSet, basename="delegation-rule")
urlpatterns += _line_router.urls
