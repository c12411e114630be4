"""Authentication services shared by the session and token endpoints."""

from django.contrib.auth import authenticate
from django.contrib.auth.models import User
from django.http import HttpRequest
from django.utils.translation import gettext as _
from rest_framework.authtoken.models import Token
from rest_framework.exceptions import AuthenticationFailed


def user_authenticate(*, request: HttpRequest, username: str, password: str) -> User:
    """Check the credentials against every configured backend (LDAP first when set).

    Wrong passwords, unknown users and disabled accounts get the same answer, so the
    answer does not tell an attacker which accounts exist.
    """
    user = authenticate(request, username=username, password=password)
    if not isinstance(user, User) or not user.is_active:
        raise AuthenticationFailed(_("The username or password is not correct."))
    return user


def token_for_user(*, user: User) -> str:
    token, _created = Token.objects.get_or_create(user=user)
    return str(token.key)
