"""The signed PDF of an approved version, and the outbox that makes sure it exists.

A Rendition row is written in the final-approval transaction (status pending), so a
committed approval always names the PDF it owes; the Celery task renders and signs
it and the beat sweep re-sends any row a lost message or a killed worker left
behind. One row per (version, variant): a version has at most one official and one
public PDF, however often the task runs.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RenditionVariant(models.TextChoices):
    OFFICIAL = "official", _("Official")
    PUBLIC = "public", _("Public (redacted)")


class RenditionStatus(models.TextChoices):
    PENDING = "pending", _("Waiting to be rendered")
    RENDERING = "rendering", _("Rendering")
    DONE = "done", _("Signed")
    FAILED = "failed", _("Failed")


class Rendition(models.Model):
    """One PDF of one approved version: its state, its file and its signature facts.

    `attempts` grows by one on every claim; the worker that finishes must still hold
    the claim it took (same status, same attempt), so a worker whose lease expired and
    was taken over can never store a second PDF. `last_error` is an error class and,
    for Dojang's own errors only, their message: never personal data.
    """

    version = models.ForeignKey(
        "documents.DocumentVersion",
        verbose_name=_("approved version"),
        on_delete=models.PROTECT,
        related_name="renditions",
    )
    variant = models.CharField(
        _("variant"),
        max_length=16,
        choices=RenditionVariant.choices,
        default=RenditionVariant.OFFICIAL,
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=RenditionStatus.choices,
        default=RenditionStatus.PENDING,
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.CharField(_("last error"), max_length=300, blank=True)
    claimed_at = models.DateTimeField(_("claimed at"), null=True, blank=True)
    pdf = models.FileField(_("PDF"), upload_to="official/%Y/", blank=True)
    sha256 = models.CharField(_("SHA-256 of the PDF"), max_length=64, blank=True)
    size = models.PositiveBigIntegerField(_("size in bytes"), null=True, blank=True)
    pages = models.PositiveIntegerField(_("pages"), null=True, blank=True)
    signed_at = models.DateTimeField(_("signed at"), null=True, blank=True)
    signer_subject = models.CharField(_("signer certificate subject"), max_length=500, blank=True)
    signer_fingerprint = models.CharField(
        _("signer certificate SHA-256"), max_length=64, blank=True
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("rendition")
        verbose_name_plural = _("renditions")
        constraints = [
            models.UniqueConstraint(fields=["version", "variant"], name="rendition_once"),
            models.CheckConstraint(
                condition=~models.Q(status="done") | ~models.Q(sha256=""),
                name="rendition_done_has_pdf",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "updated_at"], name="rendition_outbox"),
        ]

    def __str__(self) -> str:
        return f"{self.version_id}/{self.variant} {self.status}"
