"""Authentication services shared by the session, token and admin logins."""

from django.contrib.auth import authenticate
from django.contrib.auth.models import User
from django.http import HttpRequest
from django.utils.translation import gettext as _

from core.errors import CredentialsRejected
from core.login_throttle import login_failure_record, login_success_record


def user_authenticate(
    *, request: HttpRequest, username: str, password: str, address: str = ""
) -> User:
    """Check the credentials against every configured backend (LDAP first when set).

    Wrong passwords, unknown users and disabled accounts get the same answer, so the
    answer does not tell an attacker which accounts exist; each failure slows the
    username from that address (core.login_throttle), a success clears it.
    """
    user = authenticate(request, username=username, password=password)
    if not isinstance(user, User) or not user.is_active:
        login_failure_record(username=username, address=address)
        raise CredentialsRejected(_("The username or password is not correct."))
    login_success_record(username=username, address=address)
    return user
