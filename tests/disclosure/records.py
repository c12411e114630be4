"""Helpers of the records officer's tests: approved documents with a line and content.

`approved_document()` walks a new document of its kind through the approval
services (tests/support/walk.py): drafted, submitted, reviewed by the team leader
and approved by the division head under a delegation rule (전결), so it carries
what a real approval leaves behind: the submitted version, the line's steps, the
number ("<unit name>-<n>") and the pending official rendition. `approve()` walks a
draft the test made itself. What the approval's commit sends (tagging, the PDF)
does not run here: tests tag with disclosure_tag when they need a review.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import Group

from directory.models import Person, Role, Unit
from documents.models import Document
from tests.factories.directory import PersonFactory, UnitFactory
from tests.support.walk import Organisation, Shape, organisation, organisation_of, walk

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


def organisation_around(unit: Unit, drafter: Person | None = None) -> Organisation:
    """The organisation whose team is `unit` (built around it if none is), drafting as
    `drafter` when given (a member of `unit`)."""
    org = organisation_of(unit) or organisation(team=unit)
    if drafter is None or drafter.pk == org.drafter.pk:
        return org
    return dataclasses.replace(org, chain=dataclasses.replace(org.chain, drafter=drafter))


def approve(document: Document, *, shape: Shape = Shape.DELEGATED_DIVISION) -> Document:
    """Walk `document`, a draft, through its drafter's line to "approved"."""
    org = organisation_around(document.unit, document.drafter)
    return walk(org, shape, document.kind, document=document).document


def approved_document(kind: str = "memo", **fields: Any) -> Document:
    """An approved document of ``kind``; ``fields`` go to the factory before submitting.

    ``unit`` puts it in that unit (which becomes a team of a headed organisation),
    ``drafter`` has it drafted by that person (their unit is the team).
    """
    drafter: Person | None = fields.pop("drafter", None)
    unit: Unit | None = fields.pop("unit", None) or (drafter.unit if drafter else None)
    org = organisation_around(unit, drafter) if unit is not None else organisation()
    return walk(org, Shape.DELEGATED_DIVISION, kind, **fields).document


@pytest.fixture
def publishing(signing_keys: Path, settings: Any, tmp_path: Path) -> Path:
    """Signing keys (the session's, tests/conftest.py) and a media directory of the test's own."""
    settings.SIGNING_DIR = signing_keys
    settings.SIGNING_KEY_PATH = settings.SIGNING_CERT_PATH = settings.SIGNING_PKCS12_PATH = None
    settings.SIGNING_TSA_URL = None
    settings.MEDIA_ROOT = tmp_path
    return tmp_path
