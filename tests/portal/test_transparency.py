"""The transparency figures by unit and month."""

import datetime as dt

import pytest
from django.urls import reverse

from portal.transparency import transparency_rows
from tests.portal.factories import approved_document, publish, unit, withdraw

pytestmark = pytest.mark.django_db

MARCH = dt.datetime(2026, 3, 15, 3, 0, tzinfo=dt.UTC)
APRIL = dt.datetime(2026, 4, 2, 3, 0, tzinfo=dt.UTC)


@pytest.fixture
def seeded():
    # Published in March and April (the dates moved back after publishing: the tests' clock)
    roads, parks = unit("도로과"), unit("공원과")
    publish(title="a", unit=roads, published_at=MARCH)
    publish(title="b", unit=roads, published_at=MARCH, level="partial", grounds=[6])
    publish(title="c", unit=roads, published_at=MARCH, level="closed", grounds=[5, 6])
    withdraw(publish(title="d", unit=roads, published_at=MARCH))
    publish(title="e", unit=parks, published_at=APRIL, level="partial", grounds=[7])
    approved_document(title="never", unit=parks)  # approved, awaiting its review
    return roads, parks


@pytest.mark.usefixtures("seeded")
def test_rows_count_levels_grounds_and_withdrawals_by_unit_and_month():
    rows = {(r.unit_name, r.month): r.as_dict() for r in transparency_rows()}
    assert set(rows) == {("도로과", "2026-03"), ("공원과", "2026-04")}
    march = rows[("도로과", "2026-03")]
    assert (march["published"], march["open"], march["partial"], march["closed"]) == (4, 2, 1, 1)
    assert march["withdrawn"] == 1
    assert (march["ground_5"], march["ground_6"], march["ground_7"]) == (1, 2, 0)
    april = rows[("공원과", "2026-04")]
    assert (april["published"], april["partial"], april["ground_7"]) == (1, 1, 1)


def test_the_month_is_the_local_month():
    # 23:30 UTC on 31 March is 1 April in Seoul (the date moved back: the tests' clock).
    publish(title="x", published_at=dt.datetime(2026, 3, 31, 23, 30, tzinfo=dt.UTC))
    [row] = transparency_rows()
    assert row.month == "2026-04"


@pytest.mark.usefixtures("seeded")
def test_the_page_and_the_open_data_agree(visitors):
    # Six documents walked and published: seeded once, asked by every kind of visitor
    for name, visitor in visitors.items():
        page = visitor.get(reverse("portal:transparency"))
        assert page.status_code == 200, name
        html = page.content.decode()
        assert "도로과" in html, name
        assert "2026-03" in html, name
        data = visitor.get(reverse("portal:open-data-transparency")).json()
        assert {(r["unit_name"], r["month"], r["published"]) for r in data} == {
            ("도로과", "2026-03", 4),
            ("공원과", "2026-04", 1),
        }, name
        csv = visitor.get(reverse("portal:open-data-transparency-csv"))
        text = b"".join(csv.streaming_content).decode("utf-8-sig")
        assert text.splitlines()[0].startswith("unit_id,unit_name,month,published"), name
        assert len(text.splitlines()) == 3, name


def test_a_year_narrows_the_figures(anonymous, seeded):
    assert anonymous.get(reverse("portal:open-data-transparency"), {"year": "2025"}).json() == []
    html = anonymous.get(reverse("portal:transparency"), {"year": "2026"}).content.decode()
    assert "도로과" in html


def test_the_transparency_page_query_count_is_bounded(
    anonymous, seeded, django_assert_max_num_queries
):
    with django_assert_max_num_queries(7):
        anonymous.get(reverse("portal:transparency"))


def test_disclosure_requests_are_counted_by_how_they_ended(anonymous):
    from disclosure.services.requests import disclosure_request_create

    publication = publish(title="교량 점검", level="partial", grounds=[6])
    disclosure_request_create(
        name="김시민",
        email="citizen@example.com",
        phone="",
        subject="비공개 부분",
        reason="",
        document=publication.document,
        client_address=None,
        consent=True,
    )
    rows = anonymous.get(reverse("portal:open-data-transparency")).json()
    assert sum(r["requests_pending"] for r in rows) == 1
    assert "김시민" not in str(rows)
