"""What the disclosure services share: locking a review, checking it is editable, auditing."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from audit.services import audit_record
from core.disclosure_law import GROUNDS
from core.errors import ConflictError, InvalidInput
from directory.models import Person
from disclosure.models import DisclosureReview, ReviewStatus
from documents.models import DisclosureLevel, Document


def user_of(actor: Person | None) -> AbstractBaseUser | None:
    return actor.user if actor is not None else None


def audit(
    *,
    action: str,
    actor: Person | None,
    document: Document | None,
    data: dict[str, Any] | None = None,
    target: models.Model | None = None,
    version_hash: str = "",
) -> None:
    """One audit event; `data` carries ids, levels, grounds and counts, never personal data."""
    audit_record(
        action=action,
        actor=user_of(actor),
        document=document,
        version_hash=version_hash,
        data=data,
        target=target,
    )


def review_locked(*, review_id: int) -> DisclosureReview:
    """The review row, locked until the surrounding transaction ends."""
    return (
        DisclosureReview.objects.select_for_update()
        .select_related("document", "version")
        .get(pk=review_id)
    )


def require_editable(review: DisclosureReview) -> None:
    """A published review is frozen: withdraw it first, so the public never sees a
    version nobody published."""
    if review.status == ReviewStatus.PUBLISHED:
        raise ConflictError(_("This document is published. Withdraw it before changing it."))


def clean_grounds(*, level: str, grounds: list[int], field: str = "grounds") -> list[int]:
    """Open cites no ground; partial and closed cite at least one of 1 to 8."""
    unique = sorted(set(grounds))
    if any(g not in GROUNDS for g in unique):
        raise InvalidInput({field: [_("Grounds are numbers 1 to 8.")]})
    if level == DisclosureLevel.OPEN and unique:
        raise InvalidInput({field: [_("An open document cites no grounds.")]})
    if level != DisclosureLevel.OPEN and not unique:
        raise InvalidInput(
            {field: [_("Partial or closed disclosure must cite at least one ground (1 to 8).")]}
        )
    return unique
