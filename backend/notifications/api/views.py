"""The notification inbox: list, mark one read, mark all read, count unread."""

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response

from directory.api.actor import person_of
from notifications.api import serializers as s
from notifications.models import Notification
from notifications.selectors import notification_list, notification_unread_count
from notifications.services import notification_mark_read, notifications_mark_all_read


@extend_schema(tags=["notifications"])
class NotificationViewSet(mixins.ListModelMixin, viewsets.GenericViewSet[Notification]):
    """The current user's own notifications; anyone else's are not found (404)."""

    permission_classes = [IsAuthenticated]
    serializer_class = s.NotificationOutputSerializer
    filter_backends: list[Any] = []

    def get_queryset(self) -> QuerySet[Notification]:
        if self.action != "list":
            return notification_list(user=self.request.user)
        params = s.NotificationListInputSerializer(data=self.request.query_params)
        params.is_valid(raise_exception=True)
        return notification_list(user=self.request.user, unread=params.validated_data["unread"])

    @extend_schema(parameters=[s.NotificationListInputSerializer])
    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().list(request, *args, **kwargs)

    @extend_schema(request=None, responses=s.NotificationOutputSerializer)
    @action(detail=True, methods=["post"])
    def read(self, request: Request, pk: str | None = None) -> Response:
        notification = notification_mark_read(notification=self.get_object())
        return Response(s.NotificationOutputSerializer(notification).data)

    @extend_schema(request=None, responses=s.MarkedOutputSerializer)
    @action(detail=False, methods=["post"], url_path="read-all")
    def read_all(self, request: Request) -> Response:
        person = person_of(request)
        marked = notifications_mark_all_read(person=person) if person is not None else 0
        return Response({"marked": marked})

    @extend_schema(responses=s.UnreadCountOutputSerializer)
    @action(detail=False, methods=["get"], url_path="unread-count")
    def unread_count(self, request: Request) -> Response:
        return Response({"unread": notification_unread_count(user=request.user)})
