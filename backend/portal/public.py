"""What a public page, feed or API may show of a publication: an explicit allow-list.

Templates and serializers receive a ``PublicDocument`` built from these fields only,
never the model instance, so an internal field added to Publication later cannot
reach citizens by accident.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import nh3
from django.urls import reverse
from django.utils.functional import Promise

from documents.models import DisclosureLevel
from portal.labels import KIND_LABELS, LEVEL_LABELS, ground_label
from portal.models import Publication

# The Publication columns public listings read (``.only(*LISTING_FIELDS)``).
LISTING_FIELDS: tuple[str, ...] = (
    "id",
    "number",
    "title",
    "kind",
    "unit_id",
    "unit_name",
    "approved_at",
    "level",
    "grounds",
    "public_pdf",
    "published_at",
)
# A search result also reads the redacted text its snippet is cut from.
SEARCH_FIELDS: tuple[str, ...] = (*LISTING_FIELDS, "public_text")
# A document page also reads the redacted text and the withdrawal facts.
PAGE_FIELDS: tuple[str, ...] = (
    *LISTING_FIELDS,
    "version",
    "public_rendition",
    "public_text",
    "public_html",
    "withdrawn_at",
    "withdrawal_reason",
)


@dataclass(frozen=True, slots=True)
class Ground:
    number: int
    label: Promise | str


@dataclass(frozen=True, slots=True)
class PublicDocument:
    """One published document as citizens see it; a closed one carries no text or PDF."""

    id: int
    number: str
    title: str
    kind: str
    kind_label: Promise | str
    unit_id: int
    unit_name: str
    approved_at: datetime
    published_at: datetime | None
    level: str
    level_label: Promise | str
    grounds: tuple[Ground, ...]
    has_pdf: bool
    public_text: str = ""
    public_html: str = ""

    @property
    def url(self) -> str:
        return reverse("portal:document", kwargs={"pk": self.id})

    @property
    def is_closed(self) -> bool:
        return self.level == DisclosureLevel.CLOSED

    @property
    def withholds_something(self) -> bool:
        return self.level != DisclosureLevel.OPEN


def public_document(
    publication: Publication, *, with_text: bool = False, with_html: bool = False
) -> PublicDocument:
    """The public view of ``publication``; ``with_text`` adds the redacted plain text,
    ``with_html`` the redacted body HTML (each only when the fields were loaded).

    The HTML is cleaned again here (nh3) although the publish service stores it
    sanitized: it is inserted into the page as markup.
    """
    closed = publication.level == DisclosureLevel.CLOSED
    text = "" if closed or not with_text else publication.public_text
    html = "" if closed or not with_html else nh3.clean(publication.public_html)
    return PublicDocument(
        id=publication.pk,
        number=publication.number,
        title=publication.title,
        kind=publication.kind,
        kind_label=KIND_LABELS.get(publication.kind, publication.kind),
        unit_id=publication.unit_id,
        unit_name=publication.unit_name,
        approved_at=publication.approved_at,
        published_at=publication.published_at,
        level=publication.level,
        level_label=LEVEL_LABELS.get(publication.level, publication.level),
        grounds=tuple(Ground(n, ground_label(n)) for n in _ground_numbers(publication.grounds)),
        has_pdf=bool(publication.public_pdf) and not closed,
        public_text=text,
        public_html=html,
    )


def _ground_numbers(value: object) -> list[int]:
    if not isinstance(value, list):
        return []
    return sorted({int(n) for n in value if isinstance(n, int) or str(n).isdigit()})
