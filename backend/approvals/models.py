"""Approval lines and the rules that shape them.

A line is an ordered list of stages per submission round: review stages (one step
each, sequential), consult stages (several steps that run in parallel) and exactly one
final approval stage, last. References receive the document and take no action.
The workflow engine (workflows/) decides who acts next; these rows record who is on
the line, what each did, and as whom (proxy, delegated).
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from directory.models import Rank
from documents.models import DocumentKind


class StageKind(models.TextChoices):
    REVIEW = "review", _("Review")
    CONSULT = "consult", _("Consultation")
    APPROVE = "approve", _("Final approval")


class StepStatus(models.TextChoices):
    WAITING = "waiting", _("Waiting")  # an earlier stage has not finished
    PENDING = "pending", _("Pending")  # the assignee must act
    ON_HOLD = "on_hold", _("On hold")
    APPROVED = "approved", _("Approved")
    AGREED = "agreed", _("Agreed")
    DISAGREED = "disagreed", _("Disagreed")
    RETURNED = "returned", _("Returned")
    SKIPPED = "skipped", _("Skipped")  # closed by a recall, withdrawal or return


class ApprovalStage(models.Model):
    document = models.ForeignKey(
        "documents.Document", on_delete=models.CASCADE, related_name="stages"
    )
    round = models.PositiveSmallIntegerField(
        _("submission round"), default=1, help_text=_("Grows by one on every resubmission.")
    )
    order = models.PositiveSmallIntegerField(_("order"))
    kind = models.CharField(_("kind"), max_length=16, choices=StageKind.choices)

    class Meta:
        ordering = ["document", "round", "order"]
        verbose_name = _("approval stage")
        verbose_name_plural = _("approval stages")
        constraints = [
            models.UniqueConstraint(
                fields=["document", "round", "order"], name="stage_order_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.document_id}#{self.round}.{self.order} {self.kind}"


class ApprovalStep(models.Model):
    """One person's part in a stage, and what they did.

    `assignee` is who the line names; `acted_by` is who acted. They differ for a proxy
    approval (대결), in which case the absent assignee owes a post-approval (후결).
    """

    stage = models.ForeignKey(ApprovalStage, on_delete=models.CASCADE, related_name="steps")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    assignee = models.ForeignKey(
        "directory.Person", verbose_name=_("assignee"), on_delete=models.PROTECT, related_name="+"
    )
    position_title = models.CharField(_("position at the time"), max_length=100, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=StepStatus.choices, default=StepStatus.WAITING
    )
    acted_by = models.ForeignKey(
        "directory.Person",
        verbose_name=_("acted by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    is_proxy = models.BooleanField(_("proxy approval"), default=False)
    is_delegated = models.BooleanField(_("delegated approval"), default=False)
    post_approved_at = models.DateTimeField(_("post-approved at"), null=True, blank=True)
    comment = models.TextField(_("comment"), blank=True)
    due_at = models.DateTimeField(_("due at"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("reminded at"), null=True, blank=True)
    escalated_at = models.DateTimeField(_("escalated at"), null=True, blank=True)
    activated_at = models.DateTimeField(_("activated at"), null=True, blank=True)
    acted_at = models.DateTimeField(_("acted at"), null=True, blank=True)
    assignee_unit = models.ForeignKey(
        "directory.Unit",
        verbose_name=_("assignee's unit at the time"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Where the assignee sat when the line was set; a successor comes from here."),
    )
    post_approval_notified_at = models.DateTimeField(
        _("post-approval reminder sent at"), null=True, blank=True
    )
    task = models.ForeignKey(
        "viewflow.Task",
        verbose_name=_("workflow task"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["stage", "order", "id"]
        verbose_name = _("approval step")
        verbose_name_plural = _("approval steps")
        indexes = [
            models.Index(fields=["assignee", "status"], name="step_assignee_status"),
            models.Index(fields=["acted_by", "status"], name="step_actor_status"),
            models.Index(fields=["status", "due_at"], name="step_status_due"),
        ]

    def __str__(self) -> str:
        return f"{self.stage} {self.assignee_id} {self.status}"


class Reference(models.Model):
    """A person who receives the document for information (참조) and takes no action."""

    document = models.ForeignKey(
        "documents.Document", on_delete=models.CASCADE, related_name="references"
    )
    person = models.ForeignKey("directory.Person", on_delete=models.PROTECT, related_name="+")
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)

    class Meta:
        verbose_name = _("reference")
        verbose_name_plural = _("references")
        constraints = [
            models.UniqueConstraint(fields=["document", "person"], name="reference_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.document_id} -> {self.person_id}"


class DelegationRule(models.Model):
    """전결 규정: the lowest rank that may take the final approval of a kind of document.

    A rule matches a document of its kind when the amount is below `amount_below` (budget)
    and the person concerned ranks at most `subject_rank_at_most` (personnel); of the rules
    that match, the most specific one applies (the narrowest amount band, then the lowest
    rank bound), so nested bands work: see approvals.rules.
    """

    kind = models.CharField(_("kind"), max_length=16, choices=DocumentKind.choices)
    amount_below = models.PositiveBigIntegerField(
        _("amount below (KRW)"), null=True, blank=True, help_text=_("Empty: any amount.")
    )
    subject_rank_at_most = models.PositiveSmallIntegerField(
        _("person concerned ranks at most"), choices=Rank.choices, null=True, blank=True
    )
    required_rank = models.PositiveSmallIntegerField(_("required rank"), choices=Rank.choices)
    description = models.CharField(_("description"), max_length=300, blank=True)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["kind", "amount_below", "subject_rank_at_most"]
        verbose_name = _("delegation rule")
        verbose_name_plural = _("delegation rules")

    def __str__(self) -> str:
        return self.description or f"{self.kind} -> {self.required_rank}"


class MandatoryConsultation(models.Model):
    """A consultation every document of a kind must pass (the budget division for budgets)."""

    kind = models.CharField(_("kind"), max_length=16, choices=DocumentKind.choices)
    unit = models.ForeignKey("directory.Unit", verbose_name=_("unit"), on_delete=models.PROTECT)
    description = models.CharField(_("description"), max_length=300, blank=True)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("mandatory consultation")
        verbose_name_plural = _("mandatory consultations")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "unit"], condition=Q(active=True), name="mandatory_consult_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind}: {self.unit_id}"


class SavedLine(models.Model):
    """A line a person saved to reuse; it is validated against the rules again on use.

    `stages` is a list of {"kind": StageKind, "assignees": [person ids]}; `references`
    a list of person ids; `posts` where each person sat when the line was saved,
    {"<person id>": {"unit": id, "position": id or null}}, so a move is noticed.
    """

    owner = models.ForeignKey(
        "directory.Person", on_delete=models.CASCADE, related_name="saved_lines"
    )
    name = models.CharField(_("name"), max_length=100)
    kind = models.CharField(
        _("kind"),
        max_length=16,
        choices=DocumentKind.choices,
        blank=True,
        help_text=_("Empty: any kind."),
    )
    stages = models.JSONField(_("stages"))
    references = models.JSONField(_("references"), default=list, blank=True)
    posts = models.JSONField(_("posts when saved"), default=dict, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["owner", "name"]
        verbose_name = _("saved approval line")
        verbose_name_plural = _("saved approval lines")
        constraints = [
            models.UniqueConstraint(fields=["owner", "name"], name="saved_line_name_unique"),
        ]

    def __str__(self) -> str:
        return self.name
