"""API tokens: issued at login, alive while used, dead after an idle spell or a logout.

Rules: a token unused for AUTH_TOKEN_IDLE_SECONDS no longer authenticates and is
deleted when next presented; logging in again issues a fresh one. Revoking (the
revocation endpoint, or a logout) deletes the user's token at once. Use is written
at most every AUTH_TOKEN_TOUCH_SECONDS, so a busy client costs no write per request.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone
from rest_framework.authtoken.models import Token

from core.models import TokenActivity


def _idle_limit() -> timedelta:
    return timedelta(seconds=settings.AUTH_TOKEN_IDLE_SECONDS)


def _last_used(token: Token) -> tuple[TokenActivity | None, datetime]:
    # No query when the token was read with select_related("activity").
    try:
        activity: TokenActivity | None = token.activity
    except TokenActivity.DoesNotExist:
        activity = None
    return activity, activity.last_used_at if activity is not None else token.created


def token_is_expired(*, token: Token) -> bool:
    """True once the token has been idle longer than AUTH_TOKEN_IDLE_SECONDS."""
    return timezone.now() - _last_used(token)[1] > _idle_limit()


def token_use(*, token: Token) -> bool:
    """Record a use of `token` now; False (and the token deleted) if it had expired."""
    activity, last = _last_used(token)
    now = timezone.now()
    if now - last > _idle_limit():
        token.delete()
        return False
    if activity is None:
        TokenActivity.objects.get_or_create(token=token, defaults={"last_used_at": now})
    elif now - last > timedelta(seconds=settings.AUTH_TOKEN_TOUCH_SECONDS):
        TokenActivity.objects.filter(token=token).update(last_used_at=now)
    return True


@transaction.atomic
def token_for_user(*, user: User) -> str:
    """The user's token after a login: the live one, or a new one if it had expired."""
    token = Token.objects.select_for_update().filter(user=user).first()
    if token is not None and token_is_expired(token=token):
        token.delete()
        token = None
    if token is None:
        token = Token.objects.create(user=user)
    TokenActivity.objects.update_or_create(token=token, defaults={"last_used_at": timezone.now()})
    return str(token.key)


def token_revoke(*, user: User) -> bool:
    """Delete the user's token; True if there was one."""
    deleted, _rows = Token.objects.filter(user=user).delete()
    return deleted > 0
