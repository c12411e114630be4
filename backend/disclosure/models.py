"""Disclosure rules administrators edit (classification reads them)."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class DisclosureRule(models.Model):
    """When a document matches (its kind and/or a keyword in its text), suggest a
    level stricter than open on one ground of Article 9(1) of the Official
    Information Disclosure Act.

    A rule names a document kind, a keyword or both; an empty field matches any
    document. Inactive rules are kept for history but never applied.
    """

    class DocumentKind(models.TextChoices):
        MEMO = "memo", _("Memo")
        BUDGET = "budget", _("Budget request")
        PERSONNEL = "personnel", _("Personnel action")

    class Level(models.TextChoices):
        PARTIAL = "partial", _("Partial disclosure")
        CLOSED = "closed", _("Closed")

    document_kind = models.CharField(
        _("document kind"), max_length=16, choices=DocumentKind.choices, blank=True
    )
    keyword = models.CharField(
        _("keyword"), max_length=100, blank=True, help_text=_("Spacing is ignored when matching.")
    )
    level = models.CharField(_("level"), max_length=8, choices=Level.choices)
    ground = models.PositiveSmallIntegerField(
        _("ground (Article 9(1))"), validators=[MinValueValidator(1), MaxValueValidator(8)]
    )
    active = models.BooleanField(_("active"), default=True)
    description_ko = models.TextField(_("description (Korean)"))
    description_en = models.TextField(_("description (English)"))

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
                condition=Q(level__in=["partial", "closed"]), name="disclosure_rule_level"
            ),
        ]

    def __str__(self) -> str:
        condition = " + ".join(c for c in (self.document_kind, self.keyword) if c)
        return f"{condition} → {self.level} ({self.ground})"
