"""Disclosure levels, personal-information detection, redaction and requests."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DisclosureConfig(AppConfig):
    name = "disclosure"
    verbose_name = _("Disclosure")

    def ready(self) -> None:
        from approvals.events import document_approved
        from disclosure.receivers import on_document_approved, on_rendition_finished
        from signing.events import rendition_finished

        # Connected after signing's (INSTALLED_APPS order): the PDF is requested first.
        document_approved.connect(on_document_approved, dispatch_uid="disclosure.document_approved")

        rendition_finished.connect(
            on_rendition_finished, dispatch_uid="disclosure.on_rendition_finished"
        )
        # Tagging is an outbox the embedded beat works itself, not a request (core.outbox).
        from core.outbox import outbox_register
        from disclosure.services.tagging_jobs import taggings_pending

        outbox_register(task="disclosure.tag_document", pending=taggings_pending)
