"""Helpers of the records officer's tests: approved documents with a line and content.

`approved_document()` makes what the approval flow leaves behind: an approved
document with its number, its approved version (canonical content as
documents.services.versions writes it) and a final-approval stage whose step was
approved, so the public PDF has an approval box.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import Group
from django.test import override_settings
from django.utils import timezone

from approvals.models import ApprovalStage, ApprovalStep, StageKind, StepStatus
from directory.models import Person, Role, Unit
from documents.models import Document, DocumentStatus, DocumentVersion
from signing.keys import ensure_signing_keys
from tests.factories.directory import PersonFactory, UnitFactory, head_position
from tests.factories.documents import (
    BudgetDocumentFactory,
    DocumentFactory,
    PersonnelDocumentFactory,
)

_numbers = iter(range(1, 1_000_000))

BODY_WITH_PERSONAL_DATA = (
    "<p>1. 관련: 도장시 민원처리 지침</p>"
    "<p>2. 민원인 홍길동(연락처 010-2345-6789, 이메일 gildong.hong@example.com)이 "
    "제기한 민원을 다음과 같이 처리하고자 합니다.</p>"
    "<p>3. 민원인 주소: 서울특별시 마포구 월드컵북로 21 (<b>자택</b>)</p>"
    "<p>4. 주민등록번호 900101-1234568 확인 완료.</p>"
    "<p>5. 처리 결과는 담당 부서에서 안내합니다.</p>"
)


def officer(unit: Unit | None = None, **fields: Any) -> Person:
    """A records officer (member of the records_officer group)."""
    person = PersonFactory.create(unit=unit or UnitFactory.create(), **fields)
    group, _ = Group.objects.get_or_create(name=Role.RECORDS_OFFICER.value)
    person.user.groups.add(group)
    return person


def canonical(document: Document) -> dict[str, Any]:
    """The approved content, in the shape documents.services.versions gives it."""
    fields: dict[str, Any] = {}
    if document.kind == "budget":
        budget = document.budget
        fields = {
            "fiscal_year": budget.fiscal_year,
            "budget_line": {"code": budget.budget_line.code, "name": budget.budget_line.name},
            "amount": budget.amount,
            "payee": budget.payee,
            "purpose": budget.purpose,
        }
    elif document.kind == "personnel":
        action = document.personnel
        fields = {
            "person": {
                "employee_number": action.person.employee_number,
                "name": action.person.name,
            },
            "action_type": action.action_type,
            "effective_date": action.effective_date.isoformat(),
            "target_unit": (
                {"code": action.target_unit.code, "name": action.target_unit.name}
                if action.target_unit
                else None
            ),
            "target_position": action.target_position.title if action.target_position else None,
        }
    return {
        "kind": document.kind,
        "title": document.title,
        "body": document.body,
        "recipient": document.recipient,
        "retention_period": document.retention_period,
        "proposed_disclosure": {
            "level": document.proposed_disclosure_level,
            "grounds": sorted(document.proposed_disclosure_grounds),
        },
        "fields": fields,
        "attachments": [{"name": a.name, "sha256": a.sha256} for a in document.attachments.all()],
    }


def approve(document: Document, *, approver: Person | None = None) -> Document:
    """Make ``document`` approved as the flow would: version, number, final step."""
    content = canonical(document)
    digest = hashlib.sha256(
        json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()
    ).hexdigest()
    version = DocumentVersion.objects.create(
        document=document,
        number=document.versions.count() + 1,
        reason=DocumentVersion.Reason.SUBMITTED,
        content=content,
        content_hash=digest,
        created_by=document.drafter,
    )
    approver = approver or PersonFactory.create(
        unit=document.unit, position=head_position("team"), name="이과장"
    )
    stage = ApprovalStage.objects.create(document=document, order=1, kind=StageKind.APPROVE)
    now = timezone.now()
    ApprovalStep.objects.create(
        stage=stage,
        assignee=approver,
        acted_by=approver,
        position_title="팀장",
        status=StepStatus.APPROVED,
        acted_at=now,
    )
    sequence = next(_numbers)
    Document.objects.filter(pk=document.pk).update(
        status=DocumentStatus.APPROVED,
        current_version=version,
        number=f"{document.unit.code}-{sequence}",
        number_year=now.year,
        number_sequence=sequence,
        approved_at=now - dt.timedelta(minutes=1),
    )
    document.refresh_from_db()
    return document


def approved_document(kind: str = "memo", **fields: Any) -> Document:
    """An approved document of ``kind``; ``fields`` go to the factory."""
    unit = fields.pop("unit", None) or UnitFactory.create(
        address="도장시 중구 세종대로 110", phone="02-120-1234"
    )
    drafter = fields.pop("drafter", None) or PersonFactory.create(unit=unit)
    factory = {
        "memo": DocumentFactory,
        "budget": BudgetDocumentFactory,
        "personnel": PersonnelDocumentFactory,
    }[kind]
    document = factory.create(drafter=drafter, unit=drafter.unit, **fields)
    return approve(document)


@pytest.fixture(scope="session")
def signing_keys(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """One local key set for the session, whatever SIGNING_* the environment sets."""
    directory = tmp_path_factory.mktemp("records-signing")
    with override_settings(
        SIGNING_DIR=directory,
        SIGNING_KEY_PATH=None,
        SIGNING_CERT_PATH=None,
        SIGNING_PKCS12_PATH=None,
        SIGNING_TRUST_ANCHORS=[],
        SIGNING_TSA_URL=None,
    ):
        ensure_signing_keys()
        yield directory


@pytest.fixture
def publishing(signing_keys: Path, settings: Any, tmp_path: Path) -> Path:
    """Signing keys and a media directory of the test's own."""
    settings.SIGNING_DIR = signing_keys
    settings.SIGNING_KEY_PATH = settings.SIGNING_CERT_PATH = settings.SIGNING_PKCS12_PATH = None
    settings.SIGNING_TSA_URL = None
    settings.MEDIA_ROOT = tmp_path
    return tmp_path
