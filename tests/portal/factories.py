# mypy: disallow-untyped-calls=False
"""Publications for the portal's tests, created directly (the records engineer's
publish service fills them in the product).

`publish(...)` makes an approved document with its version and a Publication with
the given public fields, and indexes it as the publish service does.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime, timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from directory.models import Unit
from documents.models import Document, DocumentStatus, DocumentVersion
from portal.models import Publication
from portal.search import publication_index
from tests.factories.directory import PersonFactory, UnitFactory
from tests.factories.documents import DocumentFactory

_counter = {"n": 0}


def _next() -> int:
    _counter["n"] += 1
    return _counter["n"]


def approved_document(*, title: str, body: str, unit: Unit | None = None) -> Document:
    """An approved memo with its approved version (content hash of canonical JSON)."""
    n = _next()
    drafter = PersonFactory.create(unit=unit or UnitFactory.create())
    document = DocumentFactory.create(
        title=title,
        body=body,
        drafter=drafter,
        unit=drafter.unit,
        status=DocumentStatus.APPROVED,
        number=f"{drafter.unit.code}-{n}",
        number_year=2026,
        number_sequence=n,
        approved_at=timezone.now(),
    )
    content = {"title": title, "body": body}
    canonical = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    version = DocumentVersion.objects.create(
        document=document,
        number=1,
        reason=DocumentVersion.Reason.SUBMITTED,
        content=content,
        content_hash=hashlib.sha256(canonical.encode()).hexdigest(),
        created_by=drafter,
    )
    document.current_version = version
    document.save(update_fields=["current_version"])
    return document


def publish(
    *,
    title: str = "도로 안전점검 결과 보고",
    original: str = "",
    public_text: str = "",
    level: str = "open",
    grounds: list[int] | None = None,
    unit: Unit | None = None,
    kind: str = "memo",
    approved_at: datetime | None = None,
    published_at: datetime | None = None,
    pdf: bytes | None = None,
    published: bool = True,
    index: bool = True,
) -> Publication:
    """A Publication of a new approved document; ``original`` is the internal text."""
    document = approved_document(title=title, body=original or public_text, unit=unit)
    approved = approved_at or timezone.now() - timedelta(days=1)
    publication = Publication(
        document=document,
        version=document.current_version,
        number=str(document.number),
        title=title,
        kind=kind,
        unit=document.unit,
        unit_name=document.unit.name,
        approved_at=approved,
        level=level,
        grounds=grounds or [],
        public_text="" if level == "closed" else public_text,
        public_html="",
        published_at=(published_at or timezone.now()) if published else None,
    )
    if pdf is not None:
        publication.public_pdf.save(f"test-{document.pk}.pdf", ContentFile(pdf), save=False)
        publication.public_pdf_sha256 = hashlib.sha256(pdf).hexdigest()
    publication.save()
    if index:
        publication_index(publication=publication)
    return publication


def withdraw(publication: Publication, reason: str = "개인정보 포함 확인") -> Publication:
    """What publication_withdraw does to the row, then the unindexing it calls."""
    from portal.search import publication_unindex

    publication.withdrawn_at = timezone.now()
    publication.withdrawal_reason = reason
    publication.public_text = publication.public_html = ""
    publication.save()
    publication_unindex(publication=publication)
    return publication


def unit(name: str) -> Unit:
    return UnitFactory.create(name=name)
