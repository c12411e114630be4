"""Writing drafts: create, update (optimistic concurrency), delete; approver edits.

The drafter owns a draft until it is submitted and again when it comes back
returned; in between only the approver whose turn it is may edit the content, and
each such edit is a new version.
"""

from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from approvals.models import ApprovalStep, StepStatus
from core.errors import ConflictError, InvalidInput, Refused
from directory.models import Person
from documents.models import Document, DocumentKind, DocumentStatus, DocumentVersion
from documents.services.content import content_apply, content_parse
from documents.services.events import document_event
from documents.services.files import files_delete_on_commit
from documents.services.versions import version_snapshot

EDITABLE_STATUSES = frozenset({DocumentStatus.DRAFT, DocumentStatus.RETURNED})


def draft_create(
    *, drafter: Person, kind: str, data: dict[str, Any], client_address: str | None = None
) -> Document:
    """A new draft of `kind` in the drafter's unit; an inactive person cannot draft."""
    if kind not in DocumentKind.values:
        raise InvalidInput({"kind": [_("Unknown kind of document.")]})
    if not drafter.active:
        raise Refused(_("An inactive person cannot draft documents."))
    content = content_parse(kind=kind, data=data, partial=False)
    with transaction.atomic():
        document = Document(kind=kind, drafter=drafter, unit_id=drafter.unit_id)
        content_apply(document=document, content=content)
        document_event(
            action="document.created",
            actor=drafter,
            document=document,
            client_address=client_address,
            data={"kind": kind},
        )
    return document


def draft_update(
    *,
    document: Document,
    actor: Person,
    lock_version: int,
    data: dict[str, Any],
    client_address: str | None = None,
) -> Document:
    """Change a draft (or a returned document) if `lock_version` is still current.

    A stale `lock_version` means someone saved in between: ConflictError (409), and
    nothing is written. Each saved change raises `lock_version` by one.
    """
    content = content_parse(kind=document.kind, data=data, partial=True)
    with transaction.atomic():
        locked = _lock_editable(document=document, actor=actor)
        if locked.lock_version != lock_version:
            raise ConflictError(
                _("The draft was changed by someone else. Reload it and apply your changes again.")
            )
        locked.lock_version += 1
        content_apply(document=locked, content=content)
        document_event(
            action="document.updated",
            actor=actor,
            document=locked,
            client_address=client_address,
            data={"fields": sorted(content)},
        )
    return locked


def _lock_editable(*, document: Document, actor: Person) -> Document:
    locked = Document.objects.select_for_update().get(pk=document.pk)
    if locked.drafter_id != actor.pk:
        raise Refused(_("Only the drafter may change this document."))
    if locked.status not in EDITABLE_STATUSES:
        raise InvalidInput({"status": [_("Only a draft or a returned document can be changed.")]})
    return locked


def draft_delete(*, document: Document, actor: Person, client_address: str | None = None) -> None:
    """Delete a draft that was never submitted; only its drafter may.

    A document that has a version was part of the record: it is withdrawn, never
    deleted. The attachments' files are removed once the deletion commits.
    """
    with transaction.atomic():
        locked = _lock_editable(document=document, actor=actor)
        has_versions = DocumentVersion.objects.filter(document=locked).exists()
        if locked.status != DocumentStatus.DRAFT or has_versions:
            raise InvalidInput({"status": [_("A submitted document is withdrawn, not deleted.")]})
        files_delete_on_commit(names=[item.file.name or "" for item in locked.attachments.all()])
        document_event(
            action="document.deleted",
            actor=actor,
            document=locked,
            client_address=client_address,
            data={"kind": locked.kind, "title_length": len(locked.title)},
        )
        locked.delete()


def document_edit_by_approver(
    *,
    document: Document,
    actor: Person,
    data: dict[str, Any],
    client_address: str | None = None,
) -> DocumentVersion:
    """The approver whose turn it is (or their deputy) edits the content: a new version.

    The drafter is not asked again; the edit is shown as its own version with its
    hash, and the differences to the previous version can be listed.
    """
    content = content_parse(kind=document.kind, data=data, partial=True)
    with transaction.atomic():
        locked = Document.objects.select_for_update().get(pk=document.pk)
        if locked.status != DocumentStatus.IN_PROGRESS:
            raise InvalidInput({"status": [_("Only a document in progress can be edited.")]})
        if not _has_turn(document=locked, actor=actor):
            raise Refused(_("Only the approver whose turn it is may edit."))
        locked.lock_version += 1
        content_apply(document=locked, content=content)
        version = version_snapshot(
            document=locked, reason=DocumentVersion.Reason.EDITED, actor=actor
        )
        document_event(
            action="document.edited",
            actor=actor,
            document=locked,
            client_address=client_address,
            data={"version": version.number, "fields": sorted(content)},
        )
    document.refresh_from_db()
    return version


def _has_turn(*, document: Document, actor: Person) -> bool:
    """The actor holds a pending step of the document, or deputises for who does."""
    now = timezone.now()
    deputising = Q(
        assignee__absences__deputy=actor,
        assignee__absences__starts_at__lte=now,
        assignee__absences__ends_at__gt=now,
    )
    return ApprovalStep.objects.filter(
        Q(assignee=actor) | deputising,
        stage__document=document,
        status=StepStatus.PENDING,
    ).exists()
