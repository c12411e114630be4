from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from audit.models import AuditEvent


class AuditEventListInputSerializer(serializers.Serializer[dict[str, object]]):
    document = serializers.IntegerField(
        required=False, min_value=1, help_text=_("Only events of this document.")
    )
    action = serializers.CharField(
        required=False,
        max_length=64,
        help_text=_('An action ("step.approved"), or a prefix ending in a dot ("step.").'),
    )
    actor = serializers.IntegerField(
        required=False, min_value=1, help_text=_("Only events of this user id.")
    )


class AuditEventOutputSerializer(serializers.ModelSerializer[AuditEvent]):
    """One event with its chain link, so a client can recompute the hash itself."""

    class Meta:
        model = AuditEvent
        fields = (
            "id",
            "sequence",
            "created_at",
            "actor",
            "actor_name",
            "action",
            "document",
            "object_type",
            "object_id",
            "version_hash",
            "client_address",
            "data",
            "prev_hash",
            "hash",
        )
        read_only_fields = fields
