"""Searching the public publications: filters, ranking, pagination and snippets."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from functools import cached_property
from typing import TYPE_CHECKING, cast

from django.core.paginator import Page, Paginator
from django.db.models import F, QuerySet

from portal.analysis import analyse_query
from portal.dates import local_day_start
from portal.models import Publication
from portal.public import SEARCH_FIELDS, PublicDocument, public_document
from portal.search.fulltext import matching
from portal.search.snippets import Segment, needle_pattern, snippet
from portal.selectors import public_listing

PER_PAGE = 20
MAX_QUERY_LENGTH = 200
# Counting every match of a word found in most documents costs more than the page
# itself; beyond this the page says "1,000+" and offers the first pages only.
COUNT_CAP = 1000


class Sort(StrEnum):
    NEWEST = "newest"
    RELEVANCE = "relevance"


# Django's Paginator is generic only to the type checker (django-stubs).
if TYPE_CHECKING:
    _Paginator = Paginator[Publication]
else:
    _Paginator = Paginator


class CappedPaginator(_Paginator):
    """Counts at most COUNT_CAP + 1 rows (SELECT COUNT(*) over a LIMITed subquery)."""

    @cached_property
    def count(self) -> int:
        queryset = cast("QuerySet[Publication]", self.object_list)
        return queryset.order_by()[: COUNT_CAP + 1].count()


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
    sort: Sort = Sort.NEWEST

    @property
    def total_capped(self) -> bool:
        """True when there are more than COUNT_CAP matches (``total`` is then a floor)."""
        return self.total > COUNT_CAP


def publication_search(
    *,
    query: str,
    filters: SearchFilters,
    page: int = 1,
    per_page: int = PER_PAGE,
    sort: Sort = Sort.NEWEST,
) -> SearchPage:
    """Public publications matching every content morpheme of ``query`` and the filters.

    Newest first by default (the public listing's index serves it, however many
    documents match); ``Sort.RELEVANCE`` puts the best ranked first (title matches
    weigh more), which ranks every match and so is slower for common words. A query
    with no content morpheme at all (only punctuation) finds nothing rather than
    everything. Counts stop at COUNT_CAP + 1.
    """
    query = " ".join(query.split())[:MAX_QUERY_LENGTH]
    analysis = analyse_query(query)
    terms = analysis.terms
    queryset = _filtered(public_listing().only(*SEARCH_FIELDS), filters)
    if terms:
        ranked = sort is Sort.RELEVANCE
        queryset = matching(queryset, terms, ranked=ranked)
        if ranked:
            queryset = queryset.order_by(F("rank").desc(), "-published_at", "-id")
    elif query:
        queryset = queryset.none()
    paginator = CappedPaginator(queryset, per_page)
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
        sort=sort,
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
