"""Applying an approved personnel action to the directory."""

import datetime

import pytest
from django.utils import timezone

from audit.models import AuditEvent
from directory.models import Rank
from documents.models import DocumentStatus, PersonnelAction
from documents.services import personnel_apply, personnel_apply_due
from tests.factories.directory import PersonFactory, staff_position
from tests.factories.documents import PersonnelDocumentFactory

pytestmark = pytest.mark.django_db


def _approved_transfer(chain, effective: datetime.date):
    subject = PersonFactory.create(unit=chain.team)
    document = PersonnelDocumentFactory.create(
        drafter=chain.drafter,
        status=DocumentStatus.APPROVED,
        number="X-1",
        personnel__person=subject,
        personnel__target_unit=chain.division,
        personnel__effective_date=effective,
    )
    return document, subject


def test_an_approved_transfer_moves_the_person_once_and_is_audited(chain) -> None:
    # GIVEN an approved transfer effective today
    document, subject = _approved_transfer(chain, timezone.localdate())

    # WHEN it is applied twice
    personnel_apply(document=document)
    personnel_apply(document=document)

    # THEN the person moved, applied_at is set, and one event was recorded
    subject.refresh_from_db()
    assert subject.unit == chain.division
    assert PersonnelAction.objects.get(document=document).applied_at is not None
    assert AuditEvent.objects.filter(action="personnel.applied", document=document).count() == 1


def test_an_action_waits_for_its_effective_date(chain) -> None:
    document, subject = _approved_transfer(chain, timezone.localdate() + datetime.timedelta(days=3))

    personnel_apply(document=document)
    assert subject.__class__.objects.get(pk=subject.pk).unit == chain.team

    # WHEN the date comes, the daily sweep applies it
    applied = personnel_apply_due(today=timezone.localdate() + datetime.timedelta(days=3))
    subject.refresh_from_db()
    assert (applied, subject.unit) == (1, chain.division)


def test_an_action_not_approved_is_not_applied(chain) -> None:
    subject = PersonFactory.create(unit=chain.team)
    document = PersonnelDocumentFactory.create(
        drafter=chain.drafter, personnel__person=subject, personnel__target_unit=chain.division
    )

    personnel_apply(document=document)

    subject.refresh_from_db()
    assert subject.unit == chain.team


def test_a_promotion_changes_the_position(chain) -> None:
    subject = PersonFactory.create(unit=chain.team)
    target = staff_position(Rank.GRADE_6)
    document = PersonnelDocumentFactory.create(
        drafter=chain.drafter,
        status=DocumentStatus.APPROVED,
        number="X-2",
        personnel__person=subject,
        personnel__action_type="promotion",
        personnel__target_unit=None,
        personnel__target_position=target,
    )

    personnel_apply(document=document)

    subject.refresh_from_db()
    assert (subject.position, subject.unit) == (target, chain.team)
