"""Attachments: added and removed by the drafter while the document can be edited."""

from __future__ import annotations

import hashlib
import unicodedata
import uuid

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from core.errors import InvalidInput, Refused
from directory.models import Person
from documents.conf import attachment_max_bytes
from documents.filetypes import FILE_TYPES, FileType, extension, sniff
from documents.models import Attachment, Document, DocumentStatus
from documents.services.events import document_event
from documents.services.files import files_delete_on_commit

EDITABLE_STATUSES = frozenset({DocumentStatus.DRAFT, DocumentStatus.RETURNED})
NAME_MAX_LENGTH = 255


def _clean_name(name: str) -> str:
    """The file's own name: no directories, no control characters, at most 255 characters."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    printable = "".join(ch for ch in base if unicodedata.category(ch)[0] != "C").strip()
    stem, dot, ext = printable.rpartition(".")
    if len(printable) > NAME_MAX_LENGTH and dot:
        printable = stem[: NAME_MAX_LENGTH - len(ext) - 1] + "." + ext
    return printable[:NAME_MAX_LENGTH]


def _checked_type(upload: UploadedFile[bytes], name: str) -> FileType:
    limit = attachment_max_bytes()
    if not upload.size:
        raise InvalidInput({"file": [_("The file is empty.")]})
    if upload.size > limit:
        raise InvalidInput(
            {"file": [_("The file is larger than %(limit)s bytes.") % {"limit": f"{limit:,}"}]}
        )
    kind = FILE_TYPES.get(extension(name))
    if kind is None:
        allowed = ", ".join(sorted(FILE_TYPES))
        raise InvalidInput(
            {
                "file": [
                    _("This type of file is not accepted. Accepted: %(types)s.")
                    % {"types": allowed}
                ]
            }
        )
    if upload.file is None or not sniff(upload.file, kind):
        raise InvalidInput({"file": [_("The content of the file does not match its type.")]})
    return kind


def _sha256(upload: UploadedFile[bytes]) -> str:
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()


def _lock_for_attachments(*, document: Document, actor: Person) -> Document:
    locked = Document.objects.select_for_update().get(pk=document.pk)
    if locked.drafter_id != actor.pk:
        raise Refused(_("Only the drafter may change the attachments."))
    if locked.status not in EDITABLE_STATUSES:
        raise InvalidInput(
            {
                "status": [
                    _("Attachments can change only while the document is a draft or returned.")
                ]
            }
        )
    return locked


def attachment_add(
    *,
    document: Document,
    actor: Person,
    upload: UploadedFile[bytes],
    client_address: str | None = None,
) -> Attachment:
    """Store an uploaded file on the document after checking its size, type and content.

    The file is stored under a random name through Django's storage API; the name the
    user gave is kept for display. Size limit: DOCUMENT_ATTACHMENT_MAX_BYTES.
    """
    name = _clean_name(upload.name or "")
    kind = _checked_type(upload, name)
    sha256 = _sha256(upload)
    with transaction.atomic():
        locked = _lock_for_attachments(document=document, actor=actor)
        attachment = Attachment(
            document=locked,
            name=name,
            content_type=kind.content_type,
            size=upload.size or 0,
            sha256=sha256,
            uploaded_by=actor,
        )
        attachment.file.save(f"{uuid.uuid4().hex}.{extension(name)}", upload, save=False)
        try:
            attachment.save()
            _bump(locked)
            document_event(
                action="attachment.added",
                actor=actor,
                document=locked,
                client_address=client_address,
                data={"attachment": attachment.pk, "sha256": sha256, "size": attachment.size},
            )
        except Exception:
            # Cleanup, then re-raise: a stored file must not outlive its refused row.
            attachment.file.storage.delete(attachment.file.name or "")
            raise
    return attachment


def attachment_delete(
    *, attachment: Attachment, actor: Person, client_address: str | None = None
) -> None:
    """Remove an attachment (row now, file once that commits)."""
    with transaction.atomic():
        locked = _lock_for_attachments(document=attachment.document, actor=actor)
        files_delete_on_commit(names=[attachment.file.name or ""])
        document_event(
            action="attachment.removed",
            actor=actor,
            document=locked,
            client_address=client_address,
            data={"attachment": attachment.pk, "sha256": attachment.sha256},
        )
        attachment.delete()
        _bump(locked)


def _bump(document: Document) -> None:
    """Attachments are part of the content: a change makes older edit forms stale."""
    document.lock_version += 1
    document.save(update_fields=["lock_version", "updated_at"])
