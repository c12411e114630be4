"""The transparency page and the open-data index page."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from portal.labels import GROUND_LABELS
from portal.transparency import publication_years, transparency_rows, transparency_totals


@require_safe
def transparency(request: HttpRequest) -> HttpResponse:
    years = publication_years()
    raw = request.GET.get("year", "")
    year = int(raw) if raw.isdigit() and int(raw) in years else None
    rows = transparency_rows(year=year)
    context = {
        "rows": rows,
        "totals": transparency_totals(rows),
        "years": years,
        "year": year,
        "grounds": sorted(GROUND_LABELS.items()),
    }
    return render(request, "portal/transparency.html", context)


@require_safe
def open_data(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/open_data.html")
