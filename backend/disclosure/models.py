"""Disclosure rules administrators edit (classification reads them)."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class LapseEventChoices(models.TextChoices):
    """The events that end a time-limited withholding (classification.LapseEvent)."""

    TENDER_ANNOUNCED = "tender_announced", _("Tender announced")
    CONTRACT_AWARDED = "contract_awarded", _("Contract awarded")
    DISPOSITION_FINAL = "disposition_final", _("Disposition final")
    DECISION_TAKEN = "decision_taken", _("Decision taken")
    CASE_CLOSED = "case_closed", _("Case closed")


class DisclosureRule(models.Model):
    """A signal of a ground of Article 9(1) of the Official Information Disclosure
    Act, or a counter-signal that keeps a document open (classification.RuleSpec).

    A rule names a document kind, a keyword or both; an empty field matches any
    document, and ``context`` is a second keyword the text must also hold. A
    withholding rule suggests partial or closed on its ground; with a lapse event
    the withholding ends when the event happens. A keep-open rule sets aside the
    signals of its ground that its words overlap, or (with a lapse event) every
    signal of the document waiting for that event. ``source`` cites the law or the
    non-disclosure criterion the rule comes from. Inactive rules are kept for
    history but never applied.
    """

    class DocumentKind(models.TextChoices):
        MEMO = "memo", _("Memo")
        BUDGET = "budget", _("Budget request")
        PERSONNEL = "personnel", _("Personnel action")

    class Level(models.TextChoices):
        OPEN = "open", _("Keep open")
        PARTIAL = "partial", _("Partial disclosure")
        CLOSED = "closed", _("Closed")

    class Effect(models.TextChoices):
        WITHHOLD = "withhold", _("Withhold (a signal of the ground)")
        KEEP_OPEN = "keep_open", _("Keep open (a counter-signal)")

    effect = models.CharField(
        _("effect"), max_length=16, choices=Effect.choices, default=Effect.WITHHOLD
    )
    document_kind = models.CharField(
        _("document kind"), max_length=16, choices=DocumentKind.choices, blank=True
    )
    keyword = models.CharField(
        _("keyword"), max_length=100, blank=True, help_text=_("Spacing is ignored when matching.")
    )
    context = models.CharField(
        _("context"),
        max_length=100,
        blank=True,
        help_text=_("A second keyword the text must also contain, anywhere."),
    )
    level = models.CharField(_("level"), max_length=8, choices=Level.choices)
    ground = models.PositiveSmallIntegerField(
        _("ground (Article 9(1))"), validators=[MinValueValidator(1), MaxValueValidator(8)]
    )
    lapse_event = models.CharField(
        _("ends when"), max_length=24, choices=LapseEventChoices.choices, blank=True
    )
    active = models.BooleanField(_("active"), default=True)
    description_ko = models.TextField(_("description (Korean)"))
    description_en = models.TextField(_("description (English)"))
    source = models.CharField(
        _("source"),
        max_length=300,
        blank=True,
        help_text=_("The law or the non-disclosure criterion the rule comes from."),
    )

    class Meta:
        ordering = ("pk",)
        verbose_name = _("disclosure rule")
        verbose_name_plural = _("disclosure rules")
        constraints = [
            models.CheckConstraint(
                condition=~Q(document_kind="") | ~Q(keyword=""),
                name="disclosure_rule_has_condition",
            ),
            models.CheckConstraint(
                condition=Q(ground__gte=1, ground__lte=8), name="disclosure_rule_ground_1_to_8"
            ),
            models.CheckConstraint(
                condition=(Q(effect="withhold", level__in=["partial", "closed"]))
                | (Q(effect="keep_open", level="open") & ~Q(keyword="")),
                name="disclosure_rule_level_fits_effect",
            ),
        ]

    def __str__(self) -> str:
        condition = " + ".join(c for c in (self.document_kind, self.keyword, self.context) if c)
        return f"{condition} → {self.level} ({self.ground})"


# ---------------------------------------------------------------------------
# Disclosure review, redaction, publication marks and disclosure requests.
# (Records engineer; appended below the rules, which belong to classification.)
# ---------------------------------------------------------------------------


class ReviewStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting review")
    PUBLISHED = "published", _("Published")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class DisclosureReview(models.Model):
    """The records officer's review of one approved document before it is published.

    Tagging fills the suggestion (level, grounds, explanations) and copies the
    drafter's proposal; `disagrees` says they differ. `level` and `grounds` are the
    working decision: at tagging the stricter of proposal and suggestion, then
    whatever the officer decides (with `decision_reason`). A review is in the queue
    while PENDING, oldest `due_at` first. `held_at` stops the automatic publication
    of open documents. `rereview_at` and `related_document` drive the re-review of
    documents withheld on ground 5 (a decision in progress).
    """

    document = models.OneToOneField(
        "documents.Document",
        verbose_name=_("document"),
        on_delete=models.PROTECT,
        related_name="disclosure_review",
    )
    version = models.ForeignKey(
        "documents.DocumentVersion",
        verbose_name=_("approved version"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=16, choices=ReviewStatus.choices, default=ReviewStatus.PENDING
    )
    proposed_level = models.CharField(_("proposed level"), max_length=8)
    proposed_grounds = models.JSONField(_("proposed grounds"), default=list, blank=True)
    suggested_level = models.CharField(_("suggested level"), max_length=8)
    suggested_grounds = models.JSONField(_("suggested grounds"), default=list, blank=True)
    explanations = models.JSONField(_("explanations"), default=list, blank=True)
    disagrees = models.BooleanField(_("drafter and suggestion disagree"), default=False)
    comparison = models.JSONField(_("comparison"), default=dict, blank=True)
    level = models.CharField(_("disclosure level"), max_length=8)
    grounds = models.JSONField(_("grounds"), default=list, blank=True)
    decision_reason = models.TextField(_("reason for the decision"), blank=True)
    decided_by = models.ForeignKey(
        "directory.Person",
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    queued_at = models.DateTimeField(_("queued at"))
    due_at = models.DateTimeField(_("due at"))
    held_at = models.DateTimeField(_("held at"), null=True, blank=True)
    hold_reason = models.CharField(_("hold reason"), max_length=500, blank=True)
    related_document = models.ForeignKey(
        "documents.Document",
        verbose_name=_("related decision"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Ground 5: the decision whose approval ends the withholding."),
    )
    rereview_at = models.DateTimeField(_("re-review due at"), null=True, blank=True)
    rereview_count = models.PositiveSmallIntegerField(_("re-reviews"), default=0)
    has_signals = models.BooleanField(
        _("the text carries a ground signal"),
        default=False,
        help_text=_("Such a document is never published automatically."),
    )
    lapse_events = models.JSONField(
        _("withholding ends when"),
        default=list,
        blank=True,
        help_text=_("The events that would end the time-limited signals still standing."),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["due_at", "id"]
        verbose_name = _("disclosure review")
        verbose_name_plural = _("disclosure reviews")
        indexes = [
            models.Index(fields=["status", "due_at"], name="review_queue"),
            models.Index(fields=["status", "rereview_at"], name="review_rereview"),
            models.Index(fields=["related_document", "status"], name="review_related"),
        ]

    def __str__(self) -> str:
        return f"review of {self.document_id} ({self.level})"


class WithholdingLapse(models.Model):
    """An event recorded against a review that ends its time-limited withholding
    (the tender announced, the contract awarded, the disposition final, the
    decision taken, the case closed). Recording it sets aside the signals waiting
    for it and puts the review back in the queue (services.lapses)."""

    review = models.ForeignKey(DisclosureReview, on_delete=models.CASCADE, related_name="lapses")
    event = models.CharField(_("event"), max_length=24, choices=LapseEventChoices.choices)
    occurred_on = models.DateField(_("occurred on"))
    note = models.CharField(_("note"), max_length=500, blank=True)
    recorded_by = models.ForeignKey(
        "directory.Person", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        ordering = ["review", "recorded_at", "id"]
        verbose_name = _("withholding lapse")
        verbose_name_plural = _("withholding lapses")
        constraints = [
            models.UniqueConstraint(fields=["review", "event"], name="withholding_lapse_once"),
        ]

    def __str__(self) -> str:
        return f"{self.review_id}: {self.event}"


class RedactionSource(models.TextChoices):
    DETECTOR = "detector", _("Detector")
    OFFICER = "officer", _("Records officer")


class Redaction(models.Model):
    """A span of one field of the approved version removed from the public version.

    `field` names the text (title, recipient, body, payee, purpose, person) and
    `start`/`end` are character offsets into that field's plain text. Detector
    findings are stored as proposed redactions, applied unless an officer rejects
    them (`rejected_at`); the officer adds spans of their own. The matched text is
    never stored: it can be read from the version, and this table must not become
    a second copy of the personal data.
    """

    review = models.ForeignKey(
        DisclosureReview, on_delete=models.CASCADE, related_name="redactions"
    )
    field = models.CharField(_("field"), max_length=16)
    start = models.PositiveIntegerField(_("start"))
    end = models.PositiveIntegerField(_("end"))
    ground = models.PositiveSmallIntegerField(_("ground"), default=6)
    kind = models.CharField(_("kind"), max_length=32, blank=True)
    source = models.CharField(_("source"), max_length=16, choices=RedactionSource.choices)
    confidence = models.FloatField(_("confidence"), null=True, blank=True)
    reason = models.CharField(_("reason"), max_length=500, blank=True)
    created_by = models.ForeignKey(
        "directory.Person", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    rejected_at = models.DateTimeField(_("rejected at"), null=True, blank=True)
    rejected_by = models.ForeignKey(
        "directory.Person", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["review", "field", "start", "id"]
        verbose_name = _("redaction")
        verbose_name_plural = _("redactions")
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=models.F("start")), name="redaction_span"),
            models.CheckConstraint(
                condition=Q(ground__gte=1, ground__lte=8), name="redaction_ground_1_to_8"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.field}[{self.start}:{self.end}] ({self.ground})"


class WithheldParagraph(models.Model):
    """A paragraph of the body left out of the public version, with its ground.

    Set by the drafter while drafting ("disclosure by design") or by a records
    officer. `index` is the paragraph's position in the body; `fingerprint` (the
    SHA-256 of its text) anchors the mark when edits move the paragraph: tagging
    re-finds it by fingerprint, and a mark whose paragraph is gone is kept with
    `anchored=False` for the officer to see. The public version shows
    "[비공개(ground) 부분]" in its place.
    """

    document = models.ForeignKey(
        "documents.Document", on_delete=models.CASCADE, related_name="withheld_paragraphs"
    )
    index = models.PositiveIntegerField(_("paragraph index"))
    fingerprint = models.CharField(_("paragraph fingerprint"), max_length=64)
    anchored = models.BooleanField(_("found in the approved text"), default=True)
    ground = models.PositiveSmallIntegerField(_("ground"))
    note = models.CharField(_("note"), max_length=500, blank=True)
    marked_by = models.ForeignKey("directory.Person", on_delete=models.PROTECT, related_name="+")
    marked_at = models.DateTimeField(_("marked at"), auto_now=True)

    class Meta:
        ordering = ["document", "index"]
        verbose_name = _("withheld paragraph")
        verbose_name_plural = _("withheld paragraphs")
        constraints = [
            models.UniqueConstraint(fields=["document", "index"], name="withheld_paragraph_once"),
            models.CheckConstraint(
                condition=Q(ground__gte=1, ground__lte=8), name="withheld_paragraph_ground"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.document_id} ¶{self.index} ({self.ground})"


class AttachmentRelease(models.Model):
    """A records officer's release of one attachment of a partial or closed document."""

    review = models.ForeignKey(
        DisclosureReview, on_delete=models.CASCADE, related_name="attachment_releases"
    )
    attachment = models.ForeignKey(
        "documents.Attachment", on_delete=models.CASCADE, related_name="+"
    )
    reason = models.CharField(_("reason"), max_length=500, blank=True)
    released_by = models.ForeignKey("directory.Person", on_delete=models.PROTECT, related_name="+")
    released_at = models.DateTimeField(_("released at"), auto_now_add=True)

    class Meta:
        verbose_name = _("attachment release")
        verbose_name_plural = _("attachment releases")
        constraints = [
            models.UniqueConstraint(
                fields=["review", "attachment"], name="attachment_release_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.review_id}: {self.attachment_id}"


class RequestStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    EXTENDED = "extended", _("Deadline extended")
    GRANTED = "granted", _("Disclosed")
    PARTIAL = "partial", _("Partly disclosed")
    REFUSED = "refused", _("Refused")


class DisclosureRequest(models.Model):
    """정보공개청구: a citizen asks for a document or information that is not published.

    The receipt number ("2026-000123") is gapless per year. The request goes to
    the owning unit's records officers, who decide within `due_date` (10 working
    days), extendable once by 10 working days (`extended_due_date`). The name and
    contact details are personal data: they are shown only to records officers and
    are never logged.
    """

    receipt_number = models.CharField(_("receipt number"), max_length=16, unique=True)
    year = models.PositiveSmallIntegerField(_("year"), editable=False)
    sequence = models.PositiveIntegerField(_("sequence"), editable=False)
    name = models.CharField(_("name"), max_length=100)
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    subject = models.CharField(_("what is requested"), max_length=500)
    reason = models.TextField(_("purpose"), blank=True, max_length=4000)
    document = models.ForeignKey(
        "documents.Document",
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="disclosure_requests",
    )
    unit = models.ForeignKey(
        "directory.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(
        _("status"), max_length=16, choices=RequestStatus.choices, default=RequestStatus.RECEIVED
    )
    received_at = models.DateTimeField(_("received at"))
    due_date = models.DateField(_("decide by"))
    extended_due_date = models.DateField(_("extended deadline"), null=True, blank=True)
    extension_reason = models.CharField(_("reason for the extension"), max_length=500, blank=True)
    decision_grounds = models.JSONField(_("grounds"), default=list, blank=True)
    decision_reason = models.TextField(_("reason for the decision"), blank=True)
    decided_by = models.ForeignKey(
        "directory.Person", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    reminded_for = models.DateField(_("reminded for deadline"), null=True, blank=True)

    class Meta:
        ordering = ["-received_at", "-id"]
        verbose_name = _("disclosure request")
        verbose_name_plural = _("disclosure requests")
        constraints = [
            models.UniqueConstraint(fields=["year", "sequence"], name="request_receipt_unique"),
        ]
        indexes = [
            models.Index(fields=["unit", "status"], name="request_unit_status"),
            models.Index(fields=["status", "due_date"], name="request_status_due"),
        ]

    def __str__(self) -> str:
        return self.receipt_number


class RequestSequence(models.Model):
    """The last receipt number given per year; the row is locked to allocate."""

    year = models.PositiveSmallIntegerField(unique=True)
    last_value = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.year}: {self.last_value}"


class TaggingStatus(models.TextChoices):
    PENDING = "pending", _("Waiting to be tagged")
    DONE = "done", _("Tagged")
    FAILED = "failed", _("Tagging failed")


class TaggingJob(models.Model):
    """The tagging an approved document owes: the outbox of disclosure tagging.

    Written in the final approval's transaction (one per document), so an approval
    that commits always owes its review and one that rolls back owes nothing. The
    task is sent on commit and a sweep sends it again for a row left pending (a lost
    message, a killed worker); the review itself is made at most once (one per
    document, under the document's row lock), and making it marks the row done.
    `attempts` grows by one on every run; past DISCLOSURE_TAGGING_MAX_ATTEMPTS the row
    is failed. `last_error` is an error class only, never personal data.
    """

    document = models.OneToOneField(
        "documents.Document",
        verbose_name=_("document"),
        on_delete=models.PROTECT,
        related_name="tagging_job",
    )
    status = models.CharField(
        _("status"), max_length=16, choices=TaggingStatus.choices, default=TaggingStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.CharField(_("last error"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ("updated_at", "pk")
        verbose_name = _("disclosure tagging job")
        verbose_name_plural = _("disclosure tagging jobs")
        indexes = [models.Index(fields=["status", "updated_at"], name="tagging_outbox")]

    def __str__(self) -> str:
        return f"{self.document_id} {self.status}"
