"""Models of the core app."""

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class IdempotencyKey(models.Model):
    """The first answer to an action sent with an `Idempotency-Key` header.

    A replay (same user, same key, same endpoint, same body) within
    IDEMPOTENCY_KEY_TTL_HOURS is answered from here without acting again. The row is
    written in the action's own transaction, so an action that fails leaves no key
    behind and may be retried.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(_("key"), max_length=255)
    endpoint = models.CharField(_("endpoint"), max_length=300)
    # SHA-256 of the body's canonical JSON; empty on keys stored before it was kept.
    request_hash = models.CharField(_("request hash"), max_length=64, blank=True, default="")
    response_status = models.PositiveSmallIntegerField(_("response status"))
    response_body = models.JSONField(_("response body"), encoder=DjangoJSONEncoder, null=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("idempotency key")
        verbose_name_plural = _("idempotency keys")
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], name="idempotency_key_unique_per_user")
        ]

    def __str__(self) -> str:
        return f"{self.user_id}:{self.key}"


class TokenActivity(models.Model):
    """When an API token was last used; a token idle for AUTH_TOKEN_IDLE_SECONDS is dead.

    Kept beside DRF's Token (whose model has no such field), one row per token.
    """

    token = models.OneToOneField(
        "authtoken.Token",
        verbose_name=_("token"),
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="activity",
    )
    last_used_at = models.DateTimeField(_("last used at"), default=timezone.now)

    class Meta:
        verbose_name = _("token activity")
        verbose_name_plural = _("token activities")

    def __str__(self) -> str:
        return f"{self.token_id} {self.last_used_at:%Y-%m-%d %H:%M}"
