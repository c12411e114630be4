"""Versions are immutable snapshots whose hash is the SHA-256 of canonical JSON."""

import hashlib
import json

import pytest
from django.db import connection, transaction
from django.db.utils import DatabaseError

from documents.models import DocumentVersion, ImmutableVersionError
from documents.services import canonical_content, version_snapshot
from tests.factories.documents import BudgetDocumentFactory, DocumentFactory

pytestmark = pytest.mark.django_db


def test_a_snapshot_freezes_the_canonical_content_and_its_hash(chain) -> None:
    # GIVEN a budget document
    document = BudgetDocumentFactory.create(drafter=chain.drafter, title="예산 집행")

    # WHEN it is snapshotted
    version = version_snapshot(document=document, reason="submitted", actor=chain.drafter)

    # THEN the hash is the SHA-256 of the canonical JSON, and it is current
    canonical = json.dumps(
        version.content, sort_keys=True, ensure_ascii=False, separators=(",", ":")
    )
    assert version.content_hash == hashlib.sha256(canonical.encode()).hexdigest()
    assert version.content["title"] == "예산 집행"
    assert version.content["fields"]["amount"] == document.budget.amount
    document.refresh_from_db()
    assert document.current_version == version
    assert version.number == 1


def test_the_same_content_gives_the_same_hash_and_a_change_another(chain) -> None:
    document = DocumentFactory.create(drafter=chain.drafter)
    first = version_snapshot(document=document, reason="submitted", actor=chain.drafter)
    second = version_snapshot(document=document, reason="resubmitted", actor=chain.drafter)

    document.title = "바뀐 제목"
    document.save()
    third = version_snapshot(document=document, reason="resubmitted", actor=chain.drafter)

    assert first.content_hash == second.content_hash != third.content_hash
    assert [first.number, second.number, third.number] == [1, 2, 3]


def test_the_canonical_content_names_attachments_by_name_and_hash(chain) -> None:
    document = DocumentFactory.create(drafter=chain.drafter)
    document.attachments.create(
        name="붙임.pdf",
        file="x.pdf",
        content_type="application/pdf",
        size=1,
        sha256="ab" * 32,
        uploaded_by=chain.drafter,
    )

    content = canonical_content(document=document)

    assert content["attachments"] == [{"name": "붙임.pdf", "sha256": "ab" * 32}]


def test_a_version_refuses_update_and_delete(chain) -> None:
    version = version_snapshot(
        document=DocumentFactory.create(drafter=chain.drafter),
        reason="submitted",
        actor=chain.drafter,
    )

    version.reason = "edited"
    with pytest.raises(ImmutableVersionError):
        version.save()
    with pytest.raises(ImmutableVersionError):
        version.delete()
    with pytest.raises(ImmutableVersionError):
        DocumentVersion.objects.filter(pk=version.pk).update(content_hash="0" * 64)
    with pytest.raises(ImmutableVersionError):
        DocumentVersion.objects.filter(pk=version.pk).delete()


def test_postgresql_refuses_raw_updates_of_a_version(chain) -> None:
    # GIVEN a version
    version = version_snapshot(
        document=DocumentFactory.create(drafter=chain.drafter),
        reason="submitted",
        actor=chain.drafter,
    )

    # WHEN raw SQL tries to change or remove it THEN the trigger refuses
    for statement in (
        "UPDATE documents_documentversion SET content_hash = 'x' WHERE id = %s",
        "DELETE FROM documents_documentversion WHERE id = %s",
    ):
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(statement, [version.pk])
    assert DocumentVersion.objects.get(pk=version.pk).content_hash == version.content_hash
