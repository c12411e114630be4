"""Searching the public publications: filters, ranking, pagination and snippets."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.core.paginator import Page, Paginator
from django.db.models import F, QuerySet

from portal.analysis import analyse_query
from portal.dates import local_day_start
from portal.models import Publication
from portal.public import SEARCH_FIELDS, PublicDocument, public_document
from portal.search.backends import current_backend
from portal.search.snippets import Segment, needle_pattern, snippet
from portal.selectors import public_listing

PER_PAGE = 20
MAX_QUERY_LENGTH = 200


@dataclass(frozen=True, slots=True)
class SearchFilters:
    """Narrowing of a search; dates are local (Asia/Seoul) days of approval, inclusive."""

    unit_id: int | None = None
    kind: str | None = None
    date_from: date | None = None
    date_to: date | None = None


@dataclass(frozen=True, slots=True)
class SearchHit:
    document: PublicDocument
    snippet: list[Segment]


@dataclass(frozen=True, slots=True)
class SearchPage:
    """One page of results; ``terms`` are the morphemes the query was reduced to."""

    query: str
    terms: list[str]
    hits: list[SearchHit]
    total: int
    page: Page[Publication]
    no_terms: bool = False
    filters: SearchFilters = field(default_factory=SearchFilters)


def publication_search(
    *, query: str, filters: SearchFilters, page: int = 1, per_page: int = PER_PAGE
) -> SearchPage:
    """Public publications matching every content morpheme of ``query`` and the filters.

    With a query, the best ranked come first (title matches weigh more), then the
    newest; without one, the newest first. A query with no content morpheme at all
    (only particles or punctuation) finds nothing rather than everything.
    """
    query = " ".join(query.split())[:MAX_QUERY_LENGTH]
    analysis = analyse_query(query)
    terms = analysis.terms
    queryset = _filtered(public_listing().only(*SEARCH_FIELDS), filters)
    if terms:
        queryset = (
            current_backend()
            .matching(queryset, terms)
            .order_by(F("rank").desc(), "-published_at", "-id")
        )
    elif query:
        queryset = queryset.none()
    paginator = Paginator(queryset, per_page)
    current = paginator.get_page(page)
    pattern = needle_pattern(analysis.needles)
    hits = [_hit(publication, pattern) for publication in current.object_list]
    return SearchPage(
        query=query,
        terms=terms,
        hits=hits,
        total=paginator.count,
        page=current,
        no_terms=bool(query) and not terms,
        filters=filters,
    )


def _hit(publication: Publication, pattern: re.Pattern[str] | None) -> SearchHit:
    document = public_document(publication)
    text = "" if document.is_closed else publication.public_text
    return SearchHit(document=document, snippet=snippet(text, pattern))


def _filtered(queryset: QuerySet[Publication], filters: SearchFilters) -> QuerySet[Publication]:
    if filters.unit_id is not None:
        queryset = queryset.filter(unit_id=filters.unit_id)
    if filters.kind:
        queryset = queryset.filter(kind=filters.kind)
    if filters.date_from:
        queryset = queryset.filter(approved_at__gte=local_day_start(filters.date_from))
    if filters.date_to:
        queryset = queryset.filter(approved_at__lt=local_day_start(filters.date_to + timedelta(1)))
    return queryset
