"""Reads of the public portal: only what has been published and not withdrawn, and
the verification page's answer about approved documents (see `VerifiedDocument`)."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Exists, F, OuterRef, Q, QuerySet

from documents.models import Attachment, Document, DocumentStatus
from portal.models import Publication
from portal.public import LISTING_FIELDS, PAGE_FIELDS, PublicDocument, public_document
from signing.models import Rendition, RenditionStatus, RenditionVariant

UNITS_CACHE_KEY = "portal:units-with-publications"
UNITS_CACHE_SECONDS = 300


def public_publications() -> QuerySet[Publication]:
    """Publications citizens may see: published and not withdrawn."""
    return Publication.objects.filter(published_at__isnull=False, withdrawn_at__isnull=True)


def public_listing() -> QuerySet[Publication]:
    """Public publications with only the listing fields loaded, newest first (served by
    the partial index publication_public_recent)."""
    return public_publications().only(*LISTING_FIELDS).order_by("-published_at", "-id")


def recent_publications(*, limit: int) -> list[Publication]:
    return list(public_listing()[:limit])


def publication_for_page(*, pk: int) -> Publication | None:
    """The publication behind a document page, if it was ever published.

    A withdrawn one is returned (its page says so, with 410); one never published
    is not (404): the public never learns it exists.
    """
    return Publication.objects.filter(pk=pk, published_at__isnull=False).only(*PAGE_FIELDS).first()


def public_publication(*, pk: int) -> Publication | None:
    """A public publication by id (published and not withdrawn), or None."""
    return public_publications().filter(pk=pk).only(*PAGE_FIELDS).first()


def released_attachments(*, publication: Publication) -> list[Attachment]:
    """The attachments citizens may download from a public publication: exactly those
    the publish service released with it (a records officer's choice for partial and
    closed documents), none once it is withdrawn."""
    if not publication.is_public:
        return []
    return list(
        publication.released_attachments.only(
            "id", "name", "size", "content_type", "file"
        ).order_by("id")
    )


def units_with_publications() -> list[tuple[int, str]]:
    """(unit id, unit name) of every unit with a public publication, by name.

    Cached for a few minutes: it scans every publication and changes rarely.
    """
    units: list[tuple[int, str]] | None = cache.get(UNITS_CACHE_KEY)
    if units is None:
        rows = public_publications().values_list("unit_id", "unit_name").distinct()
        units = sorted(set(rows), key=lambda row: (row[1], row[0]))
        cache.set(UNITS_CACHE_KEY, units, UNITS_CACHE_SECONDS)
    return units


def publication_matching_pdf(*, content_hash: str | None, file_sha256: str) -> Publication | None:
    """The public publication a verified PDF belongs to: the very file we publish, or
    the approved version whose content hash the signature names.

    Pass ``content_hash`` only when our trusted, intact signature covers it: a hash
    anyone could write into a file of their own would turn this into an oracle for
    guesses of a redacted document's approved content.
    """
    condition = Q(public_pdf_sha256=file_sha256)
    if content_hash:
        condition |= Q(version__content_hash=content_hash)
    return public_publications().filter(condition).only(*LISTING_FIELDS).first()


@dataclass(frozen=True, slots=True)
class VerifiedDocument:
    """What the public verification page may say of one approved document.

    ``published`` is its public record when it is published and not withdrawn. Of any
    other approved document the page says only what its number already says, the
    year of its number and whether its official PDF is signed, so nothing else is
    carried here: no title, no unit, no date, no content hash.
    """

    number: str
    year: int | None
    signed: bool
    published: PublicDocument | None = None


def verification_by_number(*, number: str, year: int | None = None) -> list[VerifiedDocument]:
    """The approved documents whose number is exactly ``number`` (numbered in ``year``
    when given), newest year first.

    A number is not unique: the serial restarts every year and two units may bear
    the same name, so every match is returned for the reader to tell apart.
    """
    documents = Document.objects.filter(number=number, status=DocumentStatus.APPROVED)
    if year is not None:
        documents = documents.filter(number_year=year)
    return _verified(documents)


def verification_by_pdf_hash(*, sha256: str) -> list[VerifiedDocument]:
    """The approved document a PDF file belongs to, by the file's SHA-256: a rendition
    we signed (official or public, done) or a publication's public PDF.

    Only file hashes match, never an approved version's content hash: for a
    redacted document that hash covers what redaction removed, and a page that
    confirmed guesses of it would let anyone brute-force the removed text.
    """
    renditions = Rendition.objects.filter(
        sha256=sha256,
        status=RenditionStatus.DONE,
        variant__in=(RenditionVariant.OFFICIAL, RenditionVariant.PUBLIC),
    ).values("version__document_id")
    publications = Publication.objects.filter(public_pdf_sha256=sha256).values("document_id")
    documents = Document.objects.filter(status=DocumentStatus.APPROVED).filter(
        Q(pk__in=renditions) | Q(pk__in=publications)
    )
    return _verified(documents)


def _verified(documents: QuerySet[Document]) -> list[VerifiedDocument]:
    official = Rendition.objects.filter(
        version=OuterRef("current_version"),
        variant=RenditionVariant.OFFICIAL,
        status=RenditionStatus.DONE,
    )
    rows = list(
        documents.annotate(signed=Exists(official))
        .order_by(F("number_year").desc(nulls_last=True), "pk")
        .values_list("pk", "number", "number_year", "signed")
    )
    if not rows:
        return []
    published = {
        publication.document_id: public_document(publication)
        for publication in public_publications()
        .filter(document_id__in=[pk for pk, *_ in rows])
        .only("document", *LISTING_FIELDS)
    }
    return [
        # An approved document always has a number (document_approved_has_number).
        VerifiedDocument(number=number or "", year=year, signed=signed, published=published.get(pk))
        for pk, number, year, signed in rows
    ]
