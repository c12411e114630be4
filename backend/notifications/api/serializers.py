from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from notifications.models import Notification


class NotificationListInputSerializer(serializers.Serializer[dict[str, object]]):
    unread = serializers.BooleanField(
        required=False,
        allow_null=True,
        default=None,
        help_text=_("true: only unread; false: only read; absent: all."),
    )


class NotificationOutputSerializer(serializers.ModelSerializer[Notification]):
    class Meta:
        model = Notification
        fields = ("id", "kind", "title", "body", "document", "created_at", "read_at")
        read_only_fields = fields


class MarkedOutputSerializer(serializers.Serializer[dict[str, int]]):
    marked = serializers.IntegerField(help_text=_("How many notifications were marked read."))


class UnreadCountOutputSerializer(serializers.Serializer[dict[str, int]]):
    unread = serializers.IntegerField()
