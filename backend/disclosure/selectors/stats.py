"""Transparency statistics: how approved documents were published, and how requests ended.

Rules:
- a publication counts once, under the level it is published at, in the month
  (Asia/Seoul, TIME_ZONE) of its publication and under its unit; a withdrawn one
  also counts as withdrawn, in the month of its publication;
- each ground a partial or closed publication cites counts once for it;
- a disclosure request counts in the month it was received, under its unit, by
  its status (pending while undecided);
- figures only: no title, text, name or contact appears.
Four GROUP BY queries and one for unit names, whatever the number of rows.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import TruncMonth
from django.utils import timezone

from core.disclosure_law import GROUNDS
from directory.models import Unit
from disclosure.models import DisclosureRequest, RequestStatus
from documents.models import DisclosureLevel
from portal.models import Publication

Key = tuple[int, str]


def _empty_row() -> dict[str, Any]:
    return {
        "published": {level: 0 for level in DisclosureLevel.values},
        "grounds": {str(g): 0 for g in GROUNDS},
        "withdrawn": 0,
        "requests": {status: 0 for status in ("pending", *_DECIDED)},
    }


_DECIDED = (RequestStatus.GRANTED, RequestStatus.PARTIAL, RequestStatus.REFUSED)


def _month(field: str) -> TruncMonth:
    return TruncMonth(field, tzinfo=timezone.get_current_timezone())


def _publications(year: int | None) -> QuerySet[Publication]:
    rows = Publication.objects.filter(published_at__isnull=False)
    if year is not None:
        rows = rows.filter(published_at__year=year)
    return rows


def transparency_stats(*, year: int | None = None) -> list[dict[str, Any]]:
    """Rows of {unit_id, unit_name, month "YYYY-MM", published{open,partial,closed},
    grounds{"1".."8"}, withdrawn, requests{pending,granted,partial,refused}},
    newest month first, then by unit name."""
    rows: dict[Key, dict[str, Any]] = defaultdict(_empty_row)
    publications = _publications(year)
    levels = publications.annotate(month=_month("published_at")).values("unit_id", "month", "level")
    for item in levels.annotate(n=Count("id")):
        rows[(item["unit_id"], _label(item["month"]))]["published"][item["level"]] += item["n"]
    withdrawn = publications.filter(withdrawn_at__isnull=False).annotate(
        month=_month("published_at")
    )
    for gone in withdrawn.values("unit_id", "month").annotate(n=Count("id")):
        rows[(gone["unit_id"], _label(gone["month"]))]["withdrawn"] += gone["n"]
    cited = publications.exclude(level=DisclosureLevel.OPEN).annotate(month=_month("published_at"))
    for group in cited.values("unit_id", "month", "grounds").annotate(n=Count("id")):
        row = rows[(group["unit_id"], _label(group["month"]))]
        for ground in set(group["grounds"] or ()):
            row["grounds"][str(ground)] += group["n"]
    _add_requests(rows, year)
    return _ordered(rows)


def _add_requests(rows: dict[Key, dict[str, Any]], year: int | None) -> None:
    requests = DisclosureRequest.objects.all()
    if year is not None:
        requests = requests.filter(year=year)
    grouped = (
        requests.annotate(month=_month("received_at"))
        .values("unit_id", "month")
        .annotate(
            pending=Count("id", filter=~Q(status__in=_DECIDED)),
            **{status: Count("id", filter=Q(status=status)) for status in _DECIDED},
        )
    )
    for item in grouped:
        values: dict[str, Any] = dict(item)
        counts = rows[(values["unit_id"], _label(values["month"]))]["requests"]
        for name in counts:
            counts[name] += values[name]


def _label(month: Any) -> str:
    return f"{month.year:04d}-{month.month:02d}"


def _ordered(rows: dict[Key, dict[str, Any]]) -> list[dict[str, Any]]:
    names = dict(Unit.objects.filter(pk__in={u for u, _m in rows}).values_list("pk", "name"))
    result = [
        {"unit_id": unit, "unit_name": names.get(unit, ""), "month": month, **row}
        for (unit, month), row in rows.items()
    ]
    result.sort(key=lambda r: r["unit_name"])
    result.sort(key=lambda r: r["month"], reverse=True)
    return result
