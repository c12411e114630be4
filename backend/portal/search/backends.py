"""The two full-text backends behind portal.search, chosen by the connection's vendor.

Each backend keeps its vendor's index in step with PublicationSearchIndex rows and
narrows a queryset of publications to those matching every term, annotated with
``rank`` (higher is better).
"""

from __future__ import annotations

from typing import Protocol

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import F, FloatField, QuerySet
from django.db.models.expressions import RawSQL

from portal.models import Publication, PublicationSearchIndex

# Title morphemes weigh more than body morphemes in both backends.
SQLITE_WEIGHTS = (4.0, 1.0)


class SearchBackend(Protocol):
    def write(self, publication_id: int) -> None:
        """Bring the vendor index in line with the (already saved) index row."""

    def delete(self, publication_id: int) -> None:
        """Remove what the vendor index holds beyond the index row itself."""

    def matching(
        self, queryset: QuerySet[Publication], terms: list[str], *, ranked: bool
    ) -> QuerySet[Publication]:
        """Publications of ``queryset`` that contain every term; ``ranked`` annotates
        ``rank`` (higher is better), which costs a computation per match."""


class PostgresBackend:
    """tsvector written from the stored morphemes with the 'simple' configuration.

    'simple' only lowercases: the morphemes are already the words to match, and a
    language configuration would stem or drop them.
    """

    def write(self, publication_id: int) -> None:
        PublicationSearchIndex.objects.filter(pk=publication_id).update(
            search_vector=SearchVector("title_morphemes", config="simple", weight="A")
            + SearchVector("body_morphemes", config="simple", weight="B")
        )

    def delete(self, publication_id: int) -> None:
        # The vector lives on the index row, which is deleted with it.
        return

    def matching(
        self, queryset: QuerySet[Publication], terms: list[str], *, ranked: bool
    ) -> QuerySet[Publication]:
        query = SearchQuery(" ".join(terms), config="simple", search_type="plain")
        matched = queryset.filter(search_index__search_vector=query)
        if not ranked:
            return matched
        return matched.annotate(rank=SearchRank(F("search_index__search_vector"), query))


class SqliteBackend:
    """An FTS5 table (portal_search_fts, made by migration 0002) keyed by publication id."""

    def write(self, publication_id: int) -> None:
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM portal_search_fts WHERE rowid = %s", [publication_id])
            cursor.execute(
                "INSERT INTO portal_search_fts (rowid, title_morphemes, body_morphemes) "
                "SELECT publication_id, title_morphemes, body_morphemes "
                "FROM portal_publicationsearchindex WHERE publication_id = %s",
                [publication_id],
            )

    def delete(self, publication_id: int) -> None:
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM portal_search_fts WHERE rowid = %s", [publication_id])

    def matching(
        self, queryset: QuerySet[Publication], terms: list[str], *, ranked: bool
    ) -> QuerySet[Publication]:
        match = fts5_match_expression(terms)
        title_weight, body_weight = SQLITE_WEIGHTS
        rank_sql = (
            f"(SELECT -bm25(portal_search_fts, {title_weight}, {body_weight}) "  # noqa: S608
            "FROM portal_search_fts WHERE portal_search_fts MATCH %s "
            "AND portal_search_fts.rowid = portal_publication.id)"
        )
        ids_sql = "SELECT rowid FROM portal_search_fts WHERE portal_search_fts MATCH %s"
        # The match expression is a bound parameter; the SQL around it is constant.
        ids = RawSQL(ids_sql, [match])  # noqa: S611
        matched = queryset.filter(pk__in=ids)
        if not ranked:
            return matched
        rank = RawSQL(rank_sql, [match], output_field=FloatField())  # noqa: S611
        return matched.annotate(rank=rank)


def fts5_match_expression(terms: list[str]) -> str:
    """Every term as a quoted FTS5 string, so no term is read as query syntax."""
    return " AND ".join('"' + term.replace('"', '""') + '"' for term in terms)


def current_backend() -> SearchBackend:
    """The backend of the default database's vendor."""
    if connection.vendor == "postgresql":
        return PostgresBackend()
    if connection.vendor == "sqlite":
        return SqliteBackend()
    raise NotImplementedError(
        f"portal search supports PostgreSQL and SQLite, not {connection.vendor}"
    )
