"""What a citizen gives with a disclosure request, and its limits; errors name the field.

disclosure.services.requests checks the portal's form (and any other caller) against
it through core.input_schema, so its errors are domain errors.
"""

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers


class CitizenRequestSerializer(serializers.Serializer[dict[str, Any]]):
    """The citizen's fields and their limits; errors name the field."""

    name = serializers.CharField(max_length=100)
    email = serializers.EmailField(max_length=254)
    phone = serializers.RegexField(
        r"^[0-9+\-() ]{0,40}$", max_length=40, allow_blank=True, required=False
    )
    subject = serializers.CharField(max_length=500)
    reason = serializers.CharField(max_length=4000, allow_blank=True, required=False)
    consent = serializers.BooleanField()

    def validate_consent(self, value: bool) -> bool:
        if value is not True:
            raise serializers.ValidationError(
                _("Agree that your name and contact details are used to answer the request.")
            )
        return value
