"""What the signing app announces, for the apps above it to answer.

`rendition_finished` is sent once the transaction that finished a rendition (done
or failed) commits, with `rendition_id`, `variant` and `status`. A receiver runs
after the commit: it must do its own work in its own transaction and never let an
error reach the sender (the PDF is stored whatever a listener does).
"""

from django.db import transaction
from django.dispatch import Signal

from signing.models import Rendition

rendition_finished = Signal()


def announce_finished(rendition: Rendition) -> None:
    """Send `rendition_finished` for `rendition` when the current transaction commits."""
    rendition_id, variant, status = rendition.pk, rendition.variant, rendition.status
    transaction.on_commit(
        lambda: rendition_finished.send_robust(
            sender=Rendition, rendition_id=rendition_id, variant=variant, status=status
        )
    )
