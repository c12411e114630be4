"""The approval box as the official PDF prints it, with the current disclosure decision."""

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from signing.api.serializers_renditions import RenditionOutputSerializer


class BoxSignerOutputSerializer(serializers.Serializer[Any]):
    position = serializers.CharField(
        help_text=_("The column's title: the absent approver's for 대결, the holder's for 전결.")
    )
    unit = serializers.CharField(help_text=_("The unit of the column's owner."))
    name = serializers.CharField(help_text=_("Who signed: the deputy, for 대결."))
    signed_on = serializers.DateField()
    role = serializers.ChoiceField(choices=["draft", "review", "consult", "approve"])
    marks = serializers.ListField(
        child=serializers.CharField(), help_text=_("전결, 대결, 동의 or 부동의, in that order.")
    )
    mark = serializers.CharField(help_text=_("The marks joined by a space, or empty."))
    proxy_for = serializers.CharField(
        allow_null=True, help_text=_("The absent approver a deputy signed for (대결).")
    )
    post_approved_on = serializers.DateField(
        allow_null=True, help_text=_("When the absent approver post-approved (후결).")
    )


class DisclosureDecisionOutputSerializer(serializers.Serializer[Any]):
    level = serializers.ChoiceField(choices=["open", "partial", "closed"])
    grounds = serializers.ListField(child=serializers.IntegerField(min_value=1, max_value=8))
    mark = serializers.CharField(help_text=_("The printed mark: 공개, 부분공개(6)..."))
    decided = serializers.BooleanField(
        help_text=_("Whether a records officer decided it (otherwise it is the working level).")
    )


class ApprovalBoxOutputSerializer(serializers.Serializer[Any]):
    """The approval box as the official PDF prints it, with the PDF's state."""

    document_number = serializers.CharField()
    enforcement_date = serializers.DateField()
    disclosure = serializers.CharField(
        help_text=_("The mark the official PDF prints: the level fixed at approval.")
    )
    disclosure_decision = DisclosureDecisionOutputSerializer(
        allow_null=True,
        help_text=_("The records officer's current decision, once the document is reviewed."),
    )
    content_hash = serializers.CharField()
    verification_url = serializers.CharField()
    drafter = BoxSignerOutputSerializer()
    signers = BoxSignerOutputSerializer(many=True)
    rendition = RenditionOutputSerializer(allow_null=True)
