"""Reads of the public portal: only what has been published and not withdrawn."""

from __future__ import annotations

from django.core.cache import cache
from django.db.models import Q, QuerySet

from documents.models import Attachment
from portal.models import Publication
from portal.public import LISTING_FIELDS, PAGE_FIELDS

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
    the approved version whose content hash the signature names."""
    condition = Q(public_pdf_sha256=file_sha256)
    if content_hash:
        condition |= Q(version__content_hash=content_hash)
    return public_publications().filter(condition).only(*LISTING_FIELDS).first()
