"""The signed PDF of an approved version, and the outbox that makes sure it exists.

A Rendition row is written in the final-approval transaction (status pending), so a
committed approval always names the PDF it owes; the Celery task renders and signs
it and the beat sweep re-sends any row a lost message or a killed worker left
behind. A version has one official PDF however often the task runs, and one public
PDF per public content (what redaction left, `public_content`, keyed by its hash in
`content_key`): publishing the same redactions again reuses it.
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
    # The public variant's input (signing.public_content.PublicContent) and its hash;
    # empty for the official variant, which renders from the version alone.
    public_content = models.JSONField(_("public content"), default=dict, blank=True)
    content_key = models.CharField(_("public content hash"), max_length=64, blank=True)
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
            models.UniqueConstraint(
                fields=["version", "variant", "content_key"], name="rendition_once"
            ),
            models.CheckConstraint(
                condition=(models.Q(variant="official") & models.Q(content_key=""))
                | (models.Q(variant="public") & ~models.Q(content_key="")),
                name="rendition_public_has_content",
            ),
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


class CountersignatureStatus(models.TextChoices):
    PENDING = "pending", _("Waiting to be signed")
    SIGNING = "signing", _("Signing")
    DONE = "done", _("Signed")
    FAILED = "failed", _("Failed")


class Countersignature(models.Model):
    """The counter-signature a post-approval (후결) owes the official PDF, and its outbox.

    One row per (rendition, step): a post-approval is signed into the PDF once,
    however often the task runs. The row waits (pending) while its rendition is not
    done. `label` is the whole of what the signature says ("후결: <title> <name>
    <date>"): never a comment. The claim rules are the Rendition's (`attempts`,
    `claimed_at`); `sha256_before` keeps the hash of the file it replaced, so that file
    still leads to the document; `last_error` is an error class, never personal data.
    """

    rendition = models.ForeignKey(
        Rendition,
        verbose_name=_("rendition"),
        on_delete=models.PROTECT,
        related_name="countersignatures",
    )
    step = models.ForeignKey(
        "approvals.ApprovalStep",
        verbose_name=_("post-approved step"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    label = models.CharField(_("label"), max_length=200)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=CountersignatureStatus.choices,
        default=CountersignatureStatus.PENDING,
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.CharField(_("last error"), max_length=300, blank=True)
    claimed_at = models.DateTimeField(_("claimed at"), null=True, blank=True)
    sha256_before = models.CharField(_("SHA-256 of the PDF before"), max_length=64, blank=True)
    sha256_after = models.CharField(_("SHA-256 of the PDF after"), max_length=64, blank=True)
    signed_at = models.DateTimeField(_("signed at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("counter-signature")
        verbose_name_plural = _("counter-signatures")
        constraints = [
            models.UniqueConstraint(fields=["rendition", "step"], name="countersignature_once"),
            models.CheckConstraint(
                condition=~models.Q(status="done") | ~models.Q(sha256_after=""),
                name="countersignature_done_has_pdf",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "updated_at"], name="countersignature_outbox"),
            models.Index(fields=["sha256_before"], name="countersignature_before"),
        ]

    def __str__(self) -> str:
        return f"{self.rendition_id}/{self.step_id} {self.status}"
