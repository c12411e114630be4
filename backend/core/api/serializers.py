from django.utils.translation import gettext_lazy as _
from rest_framework import serializers


class LoginInputSerializer(serializers.Serializer[dict[str, str]]):
    username = serializers.CharField(max_length=150, label=_("username"))
    password = serializers.CharField(
        max_length=256, trim_whitespace=False, style={"input_type": "password"}
    )


class TokenOutputSerializer(serializers.Serializer[dict[str, str]]):
    token = serializers.CharField()


class SessionOutputSerializer(serializers.Serializer[dict[str, str]]):
    username = serializers.CharField()


class CsrfOutputSerializer(serializers.Serializer[dict[str, str]]):
    csrf_token = serializers.CharField()
