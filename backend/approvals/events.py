"""What the approvals app announces to the layers above it, once it has happened.

Rules:
- a signal is sent only after the transaction that made it true commits (a
  rolled-back post-approval announces nothing), with plain ids, never objects;
- a receiver's failure is logged and never reaches the person who acted: their
  action is committed already, and each answering layer keeps its own outbox and
  sweep for what it could not do at once.

Signals:
- `step_post_approved(step_id, document_id)`: the absent approver post-approved
  (후결) a step their deputy took; the signing app counter-signs the official PDF.
- `document_approved(document)`: the final approval numbered the document and
  marked it approved. The one exception to the rules above: it is sent inside the
  final approver's transaction, with the locked document, because its receivers
  only write the outbox rows of what follows (signing: the official PDF; disclosure:
  the tagging), whose work runs after commit. A receiver that fails rolls the
  approval back, so a committed approval is never left without them.
"""

import logging
from functools import partial
from typing import Any

from django.db import transaction
from django.dispatch import Signal

from approvals.models import ApprovalStep
from documents.models import Document

logger = logging.getLogger(__name__)

step_post_approved = Signal()
document_approved = Signal()


def post_approval_announce(*, step_id: int, document_id: int) -> None:
    """Send `step_post_approved` once the current transaction commits."""
    transaction.on_commit(
        partial(_send, step_post_approved, step_id=step_id, document_id=document_id)
    )


def document_approved_announce(*, document: Document) -> None:
    """Send `document_approved` now, inside the final approval's transaction."""
    document_approved.send(sender=Document, document=document)


def _send(signal: Signal, **ids: Any) -> None:
    for receiver, answer in signal.send_robust(sender=ApprovalStep, **ids):
        if isinstance(answer, Exception):
            logger.error(
                "%s failed for %s: %s",
                getattr(receiver, "__qualname__", receiver),
                ids,
                type(answer).__name__,
                exc_info=answer,
            )
