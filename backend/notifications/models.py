"""Notifications: what a person is told, in the app and by e-mail.

A Notification is written once per recipient with its title and body already
rendered (in the default language, Korean), so the inbox shows what was sent even
after templates change. `emailed_at` is set once the e-mail went out: a task that
runs twice never sends twice. `withdrawn_at` is set when what it asked for no longer
stands (a deputy's task went back to the assignee): the inbox no longer shows it and
an e-mail not yet sent is not sent.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class NotificationKind(models.TextChoices):
    TASK_ASSIGNED = "task_assigned", _("Task assigned")
    RETURNED = "returned", _("Returned")
    APPROVED = "approved", _("Approved")
    OVERDUE = "overdue", _("Overdue")
    ESCALATED = "escalated", _("Escalated")
    POST_APPROVAL_DUE = "post_approval_due", _("Post-approval due")
    LINE_CHANGED = "line_changed", _("Approval line changed")
    PUBLICATION_FAILED = "publication_failed", _("Publication failed")
    REFERENCED = "referenced", _("Sent for reference")
    HELD = "held", _("Put on hold")
    DISAGREED = "disagreed", _("Consultee disagreed")
    DISCLOSURE_REVIEW_DUE = "disclosure_review_due", _("Disclosure review due")
    DISCLOSURE_REQUEST_RECEIVED = "disclosure_request_received", _("Disclosure request received")
    DISCLOSURE_REQUEST_DUE = "disclosure_request_due", _("Disclosure request due soon")
    DISCLOSURE_REQUEST_OVERDUE = "disclosure_request_overdue", _("Disclosure request overdue")


class Notification(models.Model):
    """One message to one person about one event, read or not, e-mailed or not."""

    recipient = models.ForeignKey(
        "directory.Person",
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    kind = models.CharField(_("kind"), max_length=32, choices=NotificationKind.choices)
    document = models.ForeignKey(
        "documents.Document",
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    title = models.CharField(_("title"), max_length=300)
    body = models.TextField(_("body"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("e-mailed at"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        indexes = [
            models.Index(fields=["recipient", "read_at", "-created_at"], name="notification_inbox"),
            models.Index(
                fields=["emailed_at", "created_at"],
                name="notification_unsent",
                condition=models.Q(emailed_at__isnull=True),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} -> {self.recipient_id}"
