"""The Korean full-text search: morphemes, both backends, filters, ranking, removal."""

import datetime as dt

import pytest
from django.utils import timezone

from portal.analysis import morpheme_string, query_terms
from portal.models import PublicationSearchIndex
from portal.search import (
    SearchFilters,
    Sort,
    publication_index,
    publication_search,
    publication_unindex,
)
from portal.search import query as search_query
from tests.portal.factories import approved_document, publish, republish, unit, withdraw

pytestmark = pytest.mark.django_db


def _titles(
    query: str, filters: SearchFilters | None = None, sort: Sort = Sort.NEWEST
) -> list[str]:
    page = publication_search(query=query, filters=filters or SearchFilters(), sort=sort)
    return [hit.document.title for hit in page.hits]


def test_the_analyser_keeps_content_morphemes_and_drops_particles_and_endings():
    assert query_terms("점검을") == ["점검"]
    assert query_terms("점검은") == ["점검"]
    assert query_terms("점검이 끝났다") == ["점검", "끝나"]
    assert morpheme_string("2026년 COVID 예산을") == "2026 년 covid 예산"


@pytest.mark.parametrize("query", ["점검", "점검을", "점검은", "점검의"])
def test_a_word_is_found_whatever_particle_it_carries(query):
    # GIVEN documents that use the word only with particles, and one without it
    publish(title="교량 보고", public_text="교량 점검을 마쳤다. 점검은 3일 걸렸다.")
    publish(title="예산 보고", public_text="예산 집행 현황을 알린다.")
    # WHEN a citizen searches the word in any form THEN the document is found
    assert _titles(query) == ["교량 보고"]


def test_a_bare_word_in_the_text_is_found_by_a_query_with_a_particle():
    publish(title="보고", public_text="하천 점검 결과")
    assert _titles("점검을") == ["보고"]
    assert _titles("점검은") == ["보고"]


def test_every_query_word_must_match():
    publish(title="교량 점검", public_text="교량 안전 점검")
    publish(title="도로 점검", public_text="도로 포장 점검")
    assert _titles("교량 점검을") == ["교량 점검"]
    assert sorted(_titles("점검")) == ["교량 점검", "도로 점검"]


def test_results_come_newest_first_unless_best_match_is_asked():
    # Published a day apart (the earlier one's date moved back: the tests' clock)
    yesterday = timezone.now() - dt.timedelta(days=1)
    publish(title="점검 결과", public_text="결과를 알린다.", published_at=yesterday)
    publish(title="예산 보고", public_text="이번 달 점검 일정도 함께 알린다.")
    assert _titles("점검") == ["예산 보고", "점검 결과"]
    # A title match ranks above a body match.
    assert _titles("점검", sort=Sort.RELEVANCE) == ["점검 결과", "예산 보고"]


def test_counts_stop_above_the_cap(monkeypatch):
    monkeypatch.setattr(search_query, "COUNT_CAP", 3)
    for number in range(6):
        publish(title=f"점검 {number}")
    page = publication_search(query="점검", filters=SearchFilters(), per_page=2)
    assert page.total == 4
    assert page.total_capped
    assert len(page.hits) == 2


def test_a_query_of_particles_only_finds_nothing_rather_than_everything():
    publish(title="점검 결과", public_text="점검")
    page = publication_search(query="?! ... ~", filters=SearchFilters())
    assert page.no_terms
    assert page.total == 0


def test_without_a_query_every_public_document_is_listed_newest_first():
    # Published two days apart (the older one's date moved back: the tests' clock)
    publish(title="older", published_at=timezone.now() - dt.timedelta(days=2))
    publish(title="newer")
    approved_document(title="draft")  # approved, awaiting its review: not published
    assert _titles("") == ["newer", "older"]


def test_filters_by_unit_kind_and_approval_date():
    # Approved on a given day: each is walked through its line as of that day
    roads, parks = unit("도로과"), unit("공원과")
    day = dt.datetime(2026, 3, 10, 9, 0, tzinfo=dt.UTC)
    publish(title="도로 점검", unit=roads, approved_at=day)
    publish(title="공원 점검", unit=parks, approved_at=day)
    publish(title="도로 점검 예산", unit=roads, kind="budget", approved_at=day)
    publish(title="도로 점검 작년", unit=roads, approved_at=day - dt.timedelta(days=400))

    assert sorted(_titles("점검", SearchFilters(unit_id=parks.pk))) == ["공원 점검"]
    by_kind = SearchFilters(unit_id=roads.pk, kind="budget")
    assert _titles("점검", by_kind) == ["도로 점검 예산"]
    in_march = SearchFilters(date_from=dt.date(2026, 3, 1), date_to=dt.date(2026, 3, 10))
    assert sorted(_titles("점검", in_march)) == ["공원 점검", "도로 점검", "도로 점검 예산"]
    assert _titles("점검", SearchFilters(date_to=dt.date(2026, 3, 9))) == ["도로 점검 작년"]


def test_the_date_filter_uses_the_local_day():
    # 23:30 UTC on 9 March is 08:30 on 10 March in Seoul.
    publish(title="점검", approved_at=dt.datetime(2026, 3, 9, 23, 30, tzinfo=dt.UTC))
    assert _titles("점검", SearchFilters(date_from=dt.date(2026, 3, 10))) == ["점검"]
    assert _titles("점검", SearchFilters(date_to=dt.date(2026, 3, 9))) == []


def test_a_withdrawn_publication_disappears_from_search():
    kept = publish(title="교량 점검")
    gone = publish(title="하천 점검")
    withdraw(gone)
    assert _titles("점검") == ["교량 점검"]
    assert not PublicationSearchIndex.objects.filter(pk=gone.pk).exists()
    assert PublicationSearchIndex.objects.filter(pk=kept.pk).exists()


def test_index_and_unindex_are_idempotent():
    publication = publish(title="교량 점검")
    publication_index(publication=publication)
    publication_index(publication=publication)
    assert _titles("교량") == ["교량 점검"]
    publication_unindex(publication=publication)
    publication_unindex(publication=publication)
    assert _titles("교량") == []


def test_reindexing_replaces_the_old_words():
    # GIVEN an open publication found by a word of its text
    publication = publish(title="교량 점검", public_text="하천 정비 계획을 알린다.")
    assert _titles("하천") == ["교량 점검"]
    # WHEN it is re-reviewed as closed and published again (publishing indexes it)
    republish(publication, level="closed", grounds=[5])
    # THEN its text's words are gone from the index; its title's remain
    assert _titles("하천") == []
    assert _titles("교량") == ["교량 점검"]


def test_indexing_a_publication_that_is_not_public_keeps_it_out():
    # GIVEN a withdrawn publication (an approved, unpublished document has none)
    publication = withdraw(publish(title="교량 점검"))
    # WHEN it is indexed again THEN it stays out of the index and the results
    publication_index(publication=publication)
    assert not PublicationSearchIndex.objects.filter(pk=publication.pk).exists()
    assert _titles("교량") == []


def test_a_closed_document_is_found_by_its_title_only():
    publish(title="감사 결과", original="교량 점검 내용", level="closed", grounds=[5])
    assert _titles("감사") == ["감사 결과"]
    assert _titles("교량") == []


def test_snippets_come_from_the_public_text_and_mark_the_hits():
    publish(title="보고", public_text="서두 문장. 올해 교량 점검을 실시하였다. 끝.")
    hit = publication_search(query="점검", filters=SearchFilters()).hits[0]
    marked = [segment.text for segment in hit.snippet if segment.hit]
    assert marked == ["점검"]
    # The public text is the title, then the body: the snippet starts where it does.
    assert "".join(s.text for s in hit.snippet).startswith("보고 서두 문장.")


def test_pagination_splits_results():
    # Pages of 4 (the page's 20 would need 21 documents walked through their line)
    for number in range(5):
        publish(title=f"점검 {number}")
    first = publication_search(query="점검", filters=SearchFilters(), page=1, per_page=4)
    second = publication_search(query="점검", filters=SearchFilters(), page=2, per_page=4)
    assert first.total == 5
    assert len(first.hits) == 4
    assert len(second.hits) == 1
    ids = {h.document.id for h in first.hits} | {h.document.id for h in second.hits}
    assert len(ids) == 5


def test_fts_syntax_in_a_query_is_taken_as_words(db):
    publish(title="점검 AND 보고")
    assert _titles('점검 " OR NEAR(') == []
    assert _titles("and") == ["점검 AND 보고"]


def test_the_reindex_command_rebuilds_the_index_of_public_publications():
    from io import StringIO

    from django.core.management import call_command

    kept = publish(title="교량 점검")
    hidden = withdraw(publish(title="하천 점검"))
    PublicationSearchIndex.objects.all().delete()
    out = StringIO()
    call_command("portal_reindex", stdout=out)
    assert "indexed 1 public publications" in out.getvalue()
    assert _titles("점검") == ["교량 점검"]
    assert set(PublicationSearchIndex.objects.values_list("pk", flat=True)) == {kept.pk}
    assert hidden.pk
