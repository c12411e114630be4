"""Full-text search of published documents that understands Korean.

Both the indexed text and the query are reduced to content morphemes
(portal.analysis), so a word is found whatever particle or ending it carries.
The index is PostgreSQL full-text search (tsvector, 'simple' configuration, GIN
index; portal.search.fulltext).

- ``publication_index(publication=...)``: (re)index a public publication;
  idempotent; a publication that is not public is removed instead.
- ``publication_unindex(publication=...)``: remove it; idempotent.
- ``publication_search(query=..., filters=..., page=..., sort=...)``: one page of
  public publications matching every query morpheme, newest or best first, with
  snippets taken from the public text only.
"""

from portal.search.indexing import publication_index, publication_reindex_all, publication_unindex
from portal.search.query import SearchFilters, SearchHit, SearchPage, Sort, publication_search

__all__ = [
    "SearchFilters",
    "SearchHit",
    "SearchPage",
    "Sort",
    "publication_index",
    "publication_reindex_all",
    "publication_search",
    "publication_unindex",
]
