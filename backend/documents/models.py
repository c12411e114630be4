"""Official documents: content, immutable versions, attachments, numbers, budget lines.

The document owns its content and its history; the workflow engine (workflows/) owns
who must act next. Every submitted or edited state is an immutable DocumentVersion
with the SHA-256 of its canonical content; approved content never changes.
"""

from typing import Any, ClassVar, NoReturn

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


class ImmutableVersionError(Exception):
    """A document version was about to be changed or removed."""


def _refuse_version_change(what: str) -> NoReturn:
    raise ImmutableVersionError(f"document versions are immutable: {what} is refused")


class DocumentVersionQuerySet(models.QuerySet["DocumentVersion"]):
    """Queries that cannot rewrite a version: no bulk update or delete."""

    def update(self, **kwargs: Any) -> int:
        _refuse_version_change("update")

    def delete(self) -> tuple[int, dict[str, int]]:
        _refuse_version_change("delete")

    def bulk_update(self, *args: Any, **kwargs: Any) -> int:
        _refuse_version_change("bulk update")


class DocumentKind(models.TextChoices):
    MEMO = "memo", _("Memo")
    BUDGET = "budget", _("Budget request")
    PERSONNEL = "personnel", _("Personnel action")


class DocumentStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_PROGRESS = "in_progress", _("In progress")
    ON_HOLD = "on_hold", _("On hold")
    RETURNED = "returned", _("Returned")
    APPROVED = "approved", _("Approved")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class RetentionPeriod(models.TextChoices):
    YEARS_1 = "1y", _("1 year")
    YEARS_3 = "3y", _("3 years")
    YEARS_5 = "5y", _("5 years")
    YEARS_10 = "10y", _("10 years")
    YEARS_30 = "30y", _("30 years")
    SEMI_PERMANENT = "semi_permanent", _("Semi-permanent")
    PERMANENT = "permanent", _("Permanent")


class DisclosureLevel(models.TextChoices):
    OPEN = "open", _("Open")
    PARTIAL = "partial", _("Partial")
    CLOSED = "closed", _("Closed")


class Document(models.Model):
    """One official document, from draft to approval.

    `lock_version` grows on every write of the draft: an update that names an older
    value is refused (optimistic concurrency). `number` is given once, at final
    approval, and never changes.
    """

    kind = models.CharField(_("kind"), max_length=16, choices=DocumentKind.choices)
    status = models.CharField(
        _("status"), max_length=16, choices=DocumentStatus.choices, default=DocumentStatus.DRAFT
    )
    title = models.CharField(_("title"), max_length=300)
    body = models.TextField(_("body"), blank=True, help_text=_("Sanitized HTML."))
    recipient = models.CharField(_("recipient"), max_length=300, blank=True)
    drafter = models.ForeignKey(
        "directory.Person", verbose_name=_("drafter"), on_delete=models.PROTECT, related_name="+"
    )
    unit = models.ForeignKey(
        "directory.Unit",
        verbose_name=_("drafting unit"),
        on_delete=models.PROTECT,
        related_name="documents",
    )
    retention_period = models.CharField(
        _("retention period"),
        max_length=16,
        choices=RetentionPeriod.choices,
        default=RetentionPeriod.YEARS_5,
    )
    proposed_disclosure_level = models.CharField(
        _("proposed disclosure level"),
        max_length=8,
        choices=DisclosureLevel.choices,
        blank=True,
        default="",
        help_text=_("Chosen by the drafter before submitting; empty until then."),
    )
    proposed_disclosure_grounds = models.JSONField(
        _("proposed disclosure grounds"),
        default=list,
        blank=True,
        help_text=_("Grounds 1 to 8 of Article 9(1) of the Official Information Disclosure Act."),
    )
    lock_version = models.PositiveIntegerField(_("lock version"), default=1)
    current_version = models.ForeignKey(
        "DocumentVersion",
        verbose_name=_("current version"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # Null until the final approval gives it (처리과명-일련번호; documents.services.numbering).
    number = models.CharField(  # noqa: DJ001
        _("document number"), max_length=240, null=True, blank=True, db_index=True
    )
    number_year = models.PositiveSmallIntegerField(null=True, blank=True, editable=False)
    number_sequence = models.PositiveIntegerField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)

    class Meta:
        ordering = ["-updated_at", "-id"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "number_year", "number_sequence"],
                name="document_sequence_unique_per_unit_year",
            ),
            models.CheckConstraint(
                condition=Q(status="approved", number__isnull=False) | ~Q(status="approved"),
                name="document_approved_has_number",
            ),
        ]
        indexes = [
            models.Index(fields=["drafter", "status"], name="document_drafter_status"),
            models.Index(fields=["unit", "status"], name="document_unit_status"),
            models.Index(fields=["status", "-updated_at"], name="document_status_updated"),
        ]

    def __str__(self) -> str:
        return self.number or self.title


class DocumentVersion(models.Model):
    """An immutable snapshot of a document's content and its SHA-256.

    `content` is the canonical JSON of everything that is approved (title, body,
    kind-specific fields, attachments' hashes); `content_hash` is the SHA-256 of its
    canonical serialisation. Rows are never updated or deleted.
    """

    class Reason(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        EDITED = "edited", _("Edited by an approver")
        RESUBMITTED = "resubmitted", _("Resubmitted after revision")

    document = models.ForeignKey(
        Document, verbose_name=_("document"), on_delete=models.PROTECT, related_name="versions"
    )
    number = models.PositiveIntegerField(_("version number"))
    reason = models.CharField(_("reason"), max_length=16, choices=Reason.choices)
    content = models.JSONField(_("content"))
    content_hash = models.CharField(_("content hash"), max_length=64, db_index=True)
    created_by = models.ForeignKey(
        "directory.Person", verbose_name=_("created by"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects: ClassVar[DocumentVersionQuerySet] = DocumentVersionQuerySet.as_manager()  # type: ignore[assignment]

    class Meta:
        ordering = ["document", "number"]
        verbose_name = _("document version")
        verbose_name_plural = _("document versions")
        constraints = [
            models.UniqueConstraint(fields=["document", "number"], name="version_number_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.document_id} v{self.number}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        # Only the first insert is allowed; PostgreSQL also refuses by trigger (0002).
        if not self._state.adding:
            _refuse_version_change("update")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        _refuse_version_change("delete")


class Attachment(models.Model):
    """A file attached to a document, stored through Django's storage API."""

    document = models.ForeignKey(
        Document, verbose_name=_("document"), on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(_("file"), upload_to="attachments/%Y/%m/")
    name = models.CharField(_("name"), max_length=255)
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    uploaded_by = models.ForeignKey(
        "directory.Person",
        verbose_name=_("uploaded by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    not_for_publication = models.BooleanField(_("not for publication"), default=False)
    withheld_ground = models.PositiveSmallIntegerField(
        _("ground for withholding"), null=True, blank=True
    )

    class Meta:
        ordering = ["document", "id"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return self.name


class DocumentNumberSequence(models.Model):
    """The last document number given per unit and year; rows are locked to allocate."""

    unit = models.ForeignKey("directory.Unit", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField()
    last_value = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["unit", "year"], name="number_sequence_unit_year"),
        ]

    def __str__(self) -> str:
        return f"{self.unit_id}/{self.year}: {self.last_value}"


class BudgetLine(models.Model):
    """An appropriation: what may be spent on it and what approvals have committed."""

    code = models.CharField(_("code"), max_length=64, unique=True)
    name = models.CharField(_("name"), max_length=200)
    fiscal_year = models.PositiveSmallIntegerField(_("fiscal year"))
    unit = models.ForeignKey(
        "directory.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+"
    )
    allocation = models.PositiveBigIntegerField(_("allocation (KRW)"))
    committed = models.PositiveBigIntegerField(_("committed (KRW)"), default=0)

    class Meta:
        ordering = ["fiscal_year", "code"]
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        constraints = [
            models.CheckConstraint(
                condition=Q(committed__lte=F("allocation")), name="budget_line_not_overcommitted"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class BudgetRequest(models.Model):
    """The fields of a budget request (예산 집행 품의)."""

    document = models.OneToOneField(
        Document, on_delete=models.CASCADE, related_name="budget", primary_key=True
    )
    fiscal_year = models.PositiveSmallIntegerField(_("fiscal year"))
    budget_line = models.ForeignKey(
        BudgetLine, verbose_name=_("budget line"), on_delete=models.PROTECT, related_name="+"
    )
    amount = models.PositiveBigIntegerField(_("amount (KRW)"))
    payee = models.CharField(_("payee"), max_length=200)
    purpose = models.CharField(_("purpose"), max_length=500)
    committed_at = models.DateTimeField(_("committed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("budget request")
        verbose_name_plural = _("budget requests")
        constraints = [models.CheckConstraint(condition=Q(amount__gt=0), name="budget_amount_pos")]

    def __str__(self) -> str:
        return f"{self.budget_line_id}: {self.amount}"


class PersonnelActionType(models.TextChoices):
    APPOINTMENT = "appointment", _("Appointment")
    TRANSFER = "transfer", _("Transfer")
    PROMOTION = "promotion", _("Promotion")
    LEAVE = "leave", _("Leave of absence")
    RETURN = "return", _("Return from leave")


class PersonnelAction(models.Model):
    """The fields of a personnel action (인사발령); applied to the directory on its date."""

    document = models.OneToOneField(
        Document, on_delete=models.CASCADE, related_name="personnel", primary_key=True
    )
    person = models.ForeignKey(
        "directory.Person",
        verbose_name=_("person concerned"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    action_type = models.CharField(
        _("action type"), max_length=16, choices=PersonnelActionType.choices
    )
    effective_date = models.DateField(_("effective date"))
    target_unit = models.ForeignKey(
        "directory.Unit",
        verbose_name=_("target unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    target_position = models.ForeignKey(
        "directory.Position",
        verbose_name=_("target position"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    applied_at = models.DateTimeField(_("applied at"), null=True, blank=True)

    class Meta:
        verbose_name = _("personnel action")
        verbose_name_plural = _("personnel actions")

    def __str__(self) -> str:
        return f"{self.action_type} {self.person_id} {self.effective_date}"
