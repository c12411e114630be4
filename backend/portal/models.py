"""What citizens see: the published face of an approved document.

A Publication is written by the records officer's publish service (disclosure app)
and read by the portal. It holds only what may be public: the redacted text, the
metadata and the signed public PDF. A closed document is published by its metadata
alone (no text, no PDF). A withdrawn publication disappears from every public
listing, search, feed and API; its page only says it was withdrawn.
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _

from documents.models import DisclosureLevel, DocumentKind


class Publication(models.Model):
    document = models.OneToOneField(
        "documents.Document",
        verbose_name=_("document"),
        on_delete=models.PROTECT,
        related_name="publication",
    )
    version = models.ForeignKey(
        "documents.DocumentVersion",
        verbose_name=_("approved version"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    # Copied, not joined: the public record must not change if internal data does.
    number = models.CharField(_("document number"), max_length=240)
    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(_("kind"), max_length=16, choices=DocumentKind.choices)
    unit = models.ForeignKey(
        "directory.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+"
    )
    unit_name = models.CharField(_("unit name"), max_length=200)
    approved_at = models.DateTimeField(_("approved at"))
    level = models.CharField(_("disclosure level"), max_length=8, choices=DisclosureLevel.choices)
    grounds = models.JSONField(_("grounds"), default=list, blank=True)
    public_text = models.TextField(
        _("public text"),
        blank=True,
        help_text=_("The redacted plain text; empty for a closed document."),
    )
    public_html = models.TextField(
        _("public HTML"),
        blank=True,
        help_text=_("The redacted body as sanitized HTML; empty for a closed document."),
    )
    # The public PDF is a signing Rendition (variant public), rendered after the
    # publication by the renditions' outbox; `public_pdf` and its hash are filled
    # from it once it is signed, and stay empty while it is pending or if it failed.
    public_rendition = models.ForeignKey(
        "signing.Rendition",
        verbose_name=_("public rendition"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    public_pdf = models.FileField(
        _("public PDF"), upload_to="public/%Y/", blank=True, help_text=_("Signed, redacted.")
    )
    public_pdf_sha256 = models.CharField(_("public PDF SHA-256"), max_length=64, blank=True)
    # The attachments citizens may download: for an open document those not marked
    # not_for_publication, for a partial or closed one each a records officer
    # released. Empty by default, so nothing is served unless chosen.
    released_attachments = models.ManyToManyField(
        "documents.Attachment",
        verbose_name=_("released attachments"),
        blank=True,
        related_name="+",
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    withdrawal_reason = models.CharField(_("withdrawal reason"), max_length=500, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = _("publication")
        verbose_name_plural = _("publications")
        indexes = [
            models.Index(fields=["withdrawn_at", "-published_at"], name="publication_listing"),
            models.Index(fields=["unit", "-published_at"], name="publication_unit"),
            models.Index(fields=["kind", "-published_at"], name="publication_kind"),
            # The public listing's order: search, feed, sitemap and open data walk it.
            models.Index(
                fields=["-published_at", "-id"],
                name="publication_public_recent",
                condition=models.Q(published_at__isnull=False, withdrawn_at__isnull=True),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.title}"

    @property
    def is_public(self) -> bool:
        return self.published_at is not None and self.withdrawn_at is None


class PublicationSearchIndex(models.Model):
    """The searchable form of one public publication: its content morphemes.

    Written only by ``portal.search.publication_index`` from the public fields
    (never from the internal document), removed by ``publication_unindex``.
    Morphemes are space-separated lowercase content morphemes from the Korean
    analyser, so a word matches whatever particle or ending it carries.

    ``search_vector`` holds the weighted tsvector ('simple' configuration:
    title A, body B) under a GIN index made by migration 0002.
    """

    publication = models.OneToOneField(
        Publication,
        verbose_name=_("publication"),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="search_index",
    )
    title_morphemes = models.TextField(_("title morphemes"))
    body_morphemes = models.TextField(_("body morphemes"), blank=True)
    search_vector = SearchVectorField(_("search vector"), null=True, editable=False)
    indexed_at = models.DateTimeField(_("indexed at"), auto_now=True)

    class Meta:
        verbose_name = _("publication search index entry")
        verbose_name_plural = _("publication search index")

    def __str__(self) -> str:
        return f"index of {self.publication_id}"
