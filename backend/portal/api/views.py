"""The open-data API: published documents' metadata and the transparency figures.

Public by explicit opt-out of the default IsAuthenticated: no authentication is
read (so no session or CSRF is involved) and every list is paginated (JSON) or
streamed (CSV, UTF-8 with a BOM so Excel reads Hangul).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest, JsonResponse, StreamingHttpResponse
from django.utils import timezone
from django_filters.utils import translate_validation
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework.generics import ListAPIView
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api.errors import validation_error_body
from portal.api.filters import OpenDataPublicationFilter
from portal.api.serializers import (
    PUBLICATION_FIELDS,
    TRANSPARENCY_FIELDS,
    OpenDataPublicationSerializer,
    OpenDataTransparencySerializer,
)
from portal.models import Publication
from portal.selectors import public_listing
from portal.transparency import transparency_rows

CSV_CHUNK = 2000
UTF8_BOM = "\ufeff"


@extend_schema_view(get=extend_schema(operation_id="open_data_publications_list"))
class OpenDataPublicationList(ListAPIView[Publication]):
    """Published documents (not withdrawn), newest first; metadata only."""

    authentication_classes = ()
    permission_classes = (AllowAny,)
    serializer_class = OpenDataPublicationSerializer
    filterset_class = OpenDataPublicationFilter

    def get_queryset(self) -> QuerySet[Publication]:
        return public_listing()


class _Echo:
    """A file-like object whose write returns what it was given (for csv.writer)."""

    def write(self, value: str) -> str:
        return value


def _csv_lines(header: Iterable[str], rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    writer = csv.writer(_Echo())
    fields = list(header)
    yield UTF8_BOM + writer.writerow(fields)
    for row in rows:
        yield writer.writerow([_csv_value(row.get(name)) for name in fields])


# A text cell starting so is read as a formula by spreadsheets (OWASP "CSV
# injection"): a title such as =HYPERLINK(...) would run on a citizen's machine.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _csv_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, int | float):
        return str(value)
    text = ";".join(str(v) for v in value) if isinstance(value, list) else str(value)
    # The quote makes a spreadsheet show the text as typed; the JSON stays unchanged.
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def _csv_response(lines: Iterator[str], name: str) -> StreamingHttpResponse:
    response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="{name}-{stamp}.csv"'
    return response


def publications_csv(request: HttpRequest) -> StreamingHttpResponse | JsonResponse:
    """The same rows and filters as the JSON list, as one streamed CSV file.

    A filter that is not valid is refused as the JSON list refuses it (400), rather
    than left out, which would hand back every row.
    """
    filterset = OpenDataPublicationFilter(request.GET, queryset=public_listing())
    if not filterset.is_valid():
        refused = translate_validation(filterset.errors)
        return JsonResponse(validation_error_body(refused), status=400)
    filtered = filterset.qs
    serializer = OpenDataPublicationSerializer(context={"request": request})
    rows = (serializer.to_representation(p) for p in filtered.iterator(chunk_size=CSV_CHUNK))
    return _csv_response(_csv_lines(PUBLICATION_FIELDS, rows), "publications")


_YEAR = OpenApiParameter("year", int, description="Only this year of publication.")


def _year(raw: str | None) -> int | None:
    return int(raw) if raw and raw.isdigit() and len(raw) == 4 else None


class OpenDataTransparency(APIView):
    """Per unit and month: documents published open, partial or closed, the grounds
    cited and how many were withdrawn."""

    authentication_classes = ()
    permission_classes = (AllowAny,)

    @extend_schema(
        operation_id="open_data_transparency_list",
        parameters=[_YEAR],
        responses=OpenDataTransparencySerializer(many=True),
    )
    def get(self, request: Request) -> Response:
        rows = transparency_rows(year=_year(request.query_params.get("year")))
        return Response(OpenDataTransparencySerializer([r.as_dict() for r in rows], many=True).data)


def transparency_csv(request: HttpRequest) -> StreamingHttpResponse:
    rows = transparency_rows(year=_year(request.GET.get("year")))
    data = OpenDataTransparencySerializer([r.as_dict() for r in rows], many=True).data
    return _csv_response(_csv_lines(TRANSPARENCY_FIELDS, data), "transparency")
