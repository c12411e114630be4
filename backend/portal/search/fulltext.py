"""PostgreSQL full-text search over the stored morphemes.

The tsvector is written from PublicationSearchIndex's morpheme columns with the
'simple' configuration, which only lowercases: the morphemes are already the words
to match, and a language configuration would stem or drop them. Title morphemes
weigh A, body morphemes B; a GIN index (migration 0002) serves the match.
"""

from __future__ import annotations

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db.models import F, QuerySet

from portal.models import Publication, PublicationSearchIndex


def write_search_vector(publication_id: int) -> None:
    """Bring the index row's tsvector in line with its (already saved) morphemes."""
    PublicationSearchIndex.objects.filter(pk=publication_id).update(
        search_vector=SearchVector("title_morphemes", config="simple", weight="A")
        + SearchVector("body_morphemes", config="simple", weight="B")
    )


def matching(
    queryset: QuerySet[Publication], terms: list[str], *, ranked: bool
) -> QuerySet[Publication]:
    """Publications of ``queryset`` that contain every term; ``ranked`` annotates
    ``rank`` (higher is better), which costs a computation per match."""
    query = SearchQuery(" ".join(terms), config="simple", search_type="plain")
    matched = queryset.filter(search_index__search_vector=query)
    if not ranked:
        return matched
    return matched.annotate(rank=SearchRank(F("search_index__search_vector"), query))
