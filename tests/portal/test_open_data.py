"""The open-data API: allow-listed fields, pagination, filters, CSV for Excel."""

import csv
import io
import json

import pytest
from django.test import Client
from django.urls import reverse

from portal.api.serializers import (
    OpenDataPublicationSerializer,
    OpenDataTransparencySerializer,
)
from tests.portal.factories import approved_document, publish, republish, unit, withdraw

pytestmark = pytest.mark.django_db

PUBLICATION_FIELDS = {
    "id",
    "number",
    "title",
    "kind",
    "unit_id",
    "unit_name",
    "approved_at",
    "published_at",
    "level",
    "grounds",
    "url",
    "pdf_url",
}
TRANSPARENCY_FIELDS = {
    "unit_id",
    "unit_name",
    "month",
    "published",
    "open",
    "partial",
    "closed",
    "withdrawn",
    *(f"ground_{n}" for n in range(1, 9)),
    "requests_pending",
    "requests_granted",
    "requests_partial",
    "requests_refused",
}


def test_the_serializers_are_explicit_allow_lists():
    # A field added to Publication or to a serializer must be added here on purpose.
    assert set(OpenDataPublicationSerializer().fields) == PUBLICATION_FIELDS
    assert set(OpenDataTransparencySerializer().fields) == TRANSPARENCY_FIELDS


@pytest.mark.usefixtures("publishing")
def test_json_lists_public_publications_with_only_allowed_fields(visitors: dict[str, Client]):
    # GIVEN a publication with its signed PDF, an unpublished and a withdrawn document
    shown = publish(title="공개 문서", public_text="본문", pdf=True)
    approved_document(title="미공개")
    withdraw(publish(title="철회"))
    for name, visitor in visitors.items():
        response = visitor.get(reverse("portal:open-data-publications"))
        assert response.status_code == 200, name
        body = response.json()
        assert body["count"] == 1, name
        row = body["results"][0]
        assert set(row) == PUBLICATION_FIELDS
        assert row["id"] == shown.pk
        assert row["url"] == f"http://testserver/documents/{shown.pk}/"
        assert row["pdf_url"] == f"http://testserver/documents/{shown.pk}/pdf/"
        assert "public_text" not in json.dumps(body)


def test_json_is_paginated_with_a_bounded_number_of_queries(
    anonymous, django_assert_max_num_queries
):
    for number in range(5):  # more than a page of 4
        publish(title=f"문서 {number}")
    with django_assert_max_num_queries(2):
        response = anonymous.get(reverse("portal:open-data-publications"), {"page_size": 4})
    body = response.json()
    assert body["count"] == 5
    assert len(body["results"]) == 4
    assert body["next"] is not None


def test_json_filters_by_unit_kind_and_level(anonymous):
    roads = unit("도로과")
    publish(title="a", unit=roads)
    publish(title="b", unit=roads, kind="budget")
    publish(title="c", level="closed", grounds=[2])

    def titles(**params: object) -> list[str]:
        response = anonymous.get(reverse("portal:open-data-publications"), params)
        return sorted(r["title"] for r in response.json()["results"])

    assert titles(unit=roads.pk) == ["a", "b"]
    assert titles(kind="budget") == ["b"]
    assert titles(level="closed") == ["c"]


@pytest.mark.usefixtures("publishing")
def test_a_closed_publication_has_no_pdf_url(anonymous):
    # GIVEN a publication that had its signed PDF, re-reviewed as closed and republished
    republish(publish(title="c", pdf=True), level="closed", grounds=[2])
    row = anonymous.get(reverse("portal:open-data-publications")).json()["results"][0]
    assert row["pdf_url"] is None
    assert row["grounds"] == [2]


def test_csv_streams_utf8_with_bom_and_the_same_fields(visitor):
    publish(title='교량 점검, "결과"', public_text="본문")
    withdraw(publish(title="철회"))
    response = visitor.get(reverse("portal:open-data-publications-csv"))
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    raw = b"".join(response.streaming_content)
    assert raw.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == 1
    assert set(rows[0]) == PUBLICATION_FIELDS
    assert rows[0]["title"] == '교량 점검, "결과"'


def test_csv_applies_the_filters(anonymous):
    publish(title="a", kind="memo")
    publish(title="b", kind="budget")
    response = anonymous.get(reverse("portal:open-data-publications-csv"), {"kind": "budget"})
    rows = list(
        csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig")))
    )
    assert [r["title"] for r in rows] == ["b"]


def test_the_open_data_api_ignores_credentials_and_refuses_writes(officer_client):
    publish(title="a")
    url = reverse("portal:open-data-publications")
    assert officer_client.get(url).status_code == 200
    assert officer_client.post(url, {}).status_code == 405


OUT_OF_RANGE = {
    "offset past what PostgreSQL stores": {"published_since": "2026-01-01T00:00:00+16:30"},
    "offset of no real time zone": {"published_since": "2026-01-01T00:00:00-13:00"},
    "year 1": {"published_since": "0001-01-01T00:00:00+14:00"},
    "year 9999": {"published_since": "9999-12-31T23:59:59-12:00"},
    "first day in year 1": {"approved_from": "0001-01-01"},
    "last day in year 9999": {"approved_to": "9999-12-31"},
}


@pytest.mark.parametrize("query", OUT_OF_RANGE.values(), ids=OUT_OF_RANGE)
@pytest.mark.parametrize("view", ["open-data-publications", "open-data-publications-csv"])
def test_a_date_out_of_range_is_a_400_naming_the_filter(anonymous, view, query):
    publish(title="a")

    response = anonymous.get(reverse(f"portal:{view}"), query, HTTP_ACCEPT_LANGUAGE="ko")

    # THEN JSON and CSV alike refuse it in the API's error shape, in Korean
    assert response.status_code == 400
    body = response.json()
    assert body["type"] == "validation_error"
    [error] = body["errors"]
    assert error["field"] == next(iter(query))
    assert error["code"] == "out_of_range"
    assert "오프셋" in error["message"] or "년" in error["message"]


def test_a_real_offset_still_filters(anonymous):
    publish(title="a")
    since = {"published_since": "2000-01-01T00:00:00+14:00"}

    response = anonymous.get(reverse("portal:open-data-publications"), since)

    assert response.status_code == 200
    assert response.json()["count"] == 1


def _csv_rows(response) -> list[dict[str, str]]:
    return list(
        csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig")))
    )


FORMULAS = ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]


@pytest.mark.parametrize("title", FORMULAS)
def test_csv_cells_that_a_spreadsheet_would_run_are_quoted(anonymous, title):
    # GIVEN a published title a spreadsheet would read as a formula
    publish(title=title)

    rows = _csv_rows(anonymous.get(reverse("portal:open-data-publications-csv")))
    as_json = anonymous.get(reverse("portal:open-data-publications")).json()["results"]

    # THEN the CSV cell starts with a quote, and only the CSV
    assert rows[0]["title"] == "'" + title
    assert as_json[0]["title"] == title


def test_csv_keeps_numbers_and_plain_text_as_they_are(anonymous):
    publication = publish(title="교량 점검 = 완료")

    [row] = _csv_rows(anonymous.get(reverse("portal:open-data-publications-csv")))

    assert row["title"] == "교량 점검 = 완료"
    assert row["id"] == str(publication.pk)
