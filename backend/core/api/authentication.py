"""Token authentication with idle expiry (core.tokens); 401 with WWW-Authenticate."""

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework.authentication import TokenAuthentication
from rest_framework.authtoken.models import Token
from rest_framework.exceptions import AuthenticationFailed

from core.tokens import token_use


class ExpiringTokenAuthentication(TokenAuthentication):
    """DRF's `Authorization: Token <key>`, refused once the token has been idle too long.

    Listed first in DEFAULT_AUTHENTICATION_CLASSES: DRF answers a missing or wrong
    credential with 401 and this class's WWW-Authenticate header; a browser session
    that fails its CSRF check still gets 403 from SessionAuthentication.
    """

    def authenticate_credentials(self, key: str) -> tuple[Any, Any]:
        # DRF's lookup and messages, reading the token's activity in the same query.
        token = Token.objects.select_related("user", "activity").filter(key=key).first()
        if token is None:
            raise AuthenticationFailed(_("Invalid token."))
        if not token.user.is_active:
            raise AuthenticationFailed(_("User inactive or deleted."))
        if not token_use(token=token):
            raise AuthenticationFailed(_("The token has expired. Log in again."))
        return token.user, token
