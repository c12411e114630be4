"""The official PDF: rendering, digital signatures and verification."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SigningConfig(AppConfig):
    name = "signing"
    verbose_name = _("Signing")

    def ready(self) -> None:
        # Approvals announces a post-approval; signing answers with a counter-signature,
        # at once if the PDF is done, else when issuance announces the PDF.
        from approvals.events import document_approved, step_post_approved
        from signing.countersign import post_approval_received, rendition_finished_received
        from signing.events import rendition_finished
        from signing.receivers import on_document_approved

        # The final approval owes its official PDF: the outbox row, in its transaction.
        document_approved.connect(on_document_approved, dispatch_uid="signing.document_approved")

        step_post_approved.connect(
            post_approval_received, dispatch_uid="signing.countersign.post_approval"
        )
        rendition_finished.connect(
            rendition_finished_received, dispatch_uid="signing.countersign.rendition_finished"
        )
        # Documents runs its version checks on every new version; signing refuses one
        # too long for the official PDF (signing.page_check).
        from documents.version_checks import version_check_register
        from signing.page_check import version_pages_check

        version_check_register(name="signing.page_limit", check=version_pages_check)
        # The embedded beat works these rows itself, not a request (core.outbox).
        from core.outbox import outbox_register
        from signing.outbox import countersignatures_pending, renditions_pending

        outbox_register(task="signing.issue_official_pdf", pending=renditions_pending)
        outbox_register(task="signing.countersign_official_pdf", pending=countersignatures_pending)
