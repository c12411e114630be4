"""Writing the search index: only public fields of public publications go in."""

from __future__ import annotations

import logging

from django.core.cache import cache
from django.db import transaction

from documents.models import DisclosureLevel
from portal.analysis import morpheme_string
from portal.models import Publication, PublicationSearchIndex
from portal.search.fulltext import write_search_vector
from portal.selectors import UNITS_CACHE_KEY

logger = logging.getLogger(__name__)


def publication_index(*, publication: Publication) -> None:
    """Index ``publication`` from its public fields; safe to call again at any time.

    Rules: the title is always indexed; the body only from the redacted
    ``public_text`` and never for a closed document (it is published by its
    metadata alone). A publication that is not public (not yet published, or
    withdrawn) is removed from the index instead.
    """
    if not publication.is_public:
        publication_unindex(publication=publication)
        return
    body = "" if publication.level == DisclosureLevel.CLOSED else publication.public_text
    title_morphemes = morpheme_string(publication.title)
    body_morphemes = morpheme_string(body)
    with transaction.atomic():
        PublicationSearchIndex.objects.update_or_create(
            publication=publication,
            defaults={"title_morphemes": title_morphemes, "body_morphemes": body_morphemes},
        )
        write_search_vector(publication.pk)
    cache.delete(UNITS_CACHE_KEY)
    logger.debug("portal: indexed publication %s", publication.pk)


def publication_unindex(*, publication: Publication) -> None:
    """Remove ``publication`` from the search index; nothing happens if it is not there."""
    # The tsvector lives on the index row and goes with it.
    PublicationSearchIndex.objects.filter(publication=publication).delete()
    cache.delete(UNITS_CACHE_KEY)
    logger.debug("portal: unindexed publication %s", publication.pk)


def publication_reindex_all(*, batch_size: int = 500) -> int:
    """Rebuild the index of every publication (after an analyser upgrade); returns how
    many public ones were indexed. Publications that are not public are removed."""
    indexed = 0
    publications = Publication.objects.order_by("pk")
    for publication in publications.iterator(chunk_size=batch_size):
        publication_index(publication=publication)
        indexed += int(publication.is_public)
    return indexed
