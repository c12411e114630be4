"""The append-only, hash-chained audit log.

Every state change in Dojang is one AuditEvent. Events are numbered 1, 2, 3 ...
without gaps; each stores the SHA-256 of its previous event (`prev_hash`) and its
own hash over a canonical serialisation (audit.hashing), so removing, inserting or
changing a row breaks the chain at that row, which `manage.py verify_audit` finds.
Rows are never updated or deleted: the model refuses it, and on PostgreSQL a
trigger refuses it for every client of the database.
"""

from typing import Any, ClassVar, NoReturn

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from audit.hashing import ChainFields


class AppendOnlyError(Exception):
    """An audit event was about to be changed or removed."""


def _refuse(what: str) -> NoReturn:
    raise AppendOnlyError(f"the audit log is append-only: {what} is refused")


class AuditEventQuerySet(models.QuerySet["AuditEvent"]):
    """Queries that cannot rewrite history: no bulk update, delete or insert."""

    def update(self, **kwargs: Any) -> int:
        _refuse("update")

    def delete(self) -> tuple[int, dict[str, int]]:
        _refuse("delete")

    def bulk_create(self, *args: Any, **kwargs: Any) -> list["AuditEvent"]:
        _refuse("bulk insert outside audit_record")

    def bulk_update(self, *args: Any, **kwargs: Any) -> int:
        _refuse("bulk update")


class AuditEvent(models.Model):
    """One recorded action: who, what, on which document, from where, and its chain link."""

    sequence = models.PositiveBigIntegerField(_("sequence number"), unique=True, editable=False)
    created_at = models.DateTimeField(_("created at"), editable=False)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("actor"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    actor_name = models.CharField(
        _("actor name"),
        max_length=200,
        blank=True,
        help_text=_("The actor's display name when they acted."),
    )
    action = models.CharField(_("action"), max_length=64, db_index=True)
    document = models.ForeignKey(
        "documents.Document",
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="audit_events",
    )
    object_type = models.CharField(_("object type"), max_length=100, blank=True)
    object_id = models.CharField(_("object id"), max_length=64, blank=True)
    version_hash = models.CharField(_("version hash"), max_length=64, blank=True)
    client_address = models.GenericIPAddressField(_("client address"), null=True, blank=True)
    data = models.JSONField(_("data"), default=dict, blank=True)
    prev_hash = models.CharField(_("previous hash"), max_length=64)
    hash = models.CharField(_("hash"), max_length=64, unique=True)

    objects: ClassVar[AuditEventQuerySet] = AuditEventQuerySet.as_manager()  # type: ignore[assignment]

    class Meta:
        ordering = ["sequence"]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        indexes = [
            models.Index(fields=["document", "sequence"], name="audit_document_sequence"),
            models.Index(fields=["actor", "sequence"], name="audit_actor_sequence"),
        ]

    def __str__(self) -> str:
        return f"#{self.sequence} {self.action}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            _refuse("update")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        _refuse("delete")

    def chain_fields(self) -> ChainFields:
        return ChainFields(
            sequence=self.sequence,
            created_at=self.created_at,
            actor_id=self.actor_id,
            action=self.action,
            document_id=self.document_id,
            object_type=self.object_type,
            object_id=self.object_id,
            version_hash=self.version_hash,
            client_address=self.client_address,
            data=self.data,
            prev_hash=self.prev_hash,
        )


class AuditChainHead(models.Model):
    """The single row every append locks: the last sequence number and hash.

    Locking it serialises appends, so two writers never take the same number or
    link to the same predecessor; it also lets verify_audit notice a removed tail.
    """

    SINGLETON_ID = 1

    id = models.PositiveSmallIntegerField(primary_key=True, default=SINGLETON_ID)
    last_sequence = models.PositiveBigIntegerField(default=0)
    last_hash = models.CharField(max_length=64, blank=True)

    class Meta:
        verbose_name = _("audit chain head")
        verbose_name_plural = _("audit chain head")

    def __str__(self) -> str:
        return f"audit head #{self.last_sequence}"
