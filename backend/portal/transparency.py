"""Transparency figures: by unit and month, how approved documents were published and
how disclosure requests ended.

The figures are the records engineer's ``disclosure.selectors.transparency_stats``
(its docstring states the counting rules); this module only flattens each row into
the columns the page and the open data show. Aggregates only: no title, text or
person appears.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from core.disclosure_law import GROUNDS
from disclosure.selectors import transparency_stats
from portal.models import Publication

REQUEST_OUTCOMES = ("pending", "granted", "partial", "refused")


@dataclass(slots=True)
class TransparencyRow:
    unit_id: int
    unit_name: str
    month: str
    open: int = 0
    partial: int = 0
    closed: int = 0
    withdrawn: int = 0
    grounds: dict[int, int] = field(default_factory=dict)
    requests: dict[str, int] = field(default_factory=dict)

    @property
    def published(self) -> int:
        return self.open + self.partial + self.closed

    @property
    def ground_counts(self) -> list[int]:
        """Documents citing grounds 1 to 8, in that order."""
        return [self.grounds.get(n, 0) for n in GROUNDS]

    @property
    def request_counts(self) -> list[int]:
        """Requests still pending, granted, partly granted and refused, in that order."""
        return [self.requests.get(name, 0) for name in REQUEST_OUTCOMES]

    def as_dict(self) -> dict[str, Any]:
        """The open-data row: only aggregate figures."""
        row: dict[str, Any] = {
            "unit_id": self.unit_id,
            "unit_name": self.unit_name,
            "month": self.month,
            "published": self.published,
            "open": self.open,
            "partial": self.partial,
            "closed": self.closed,
            "withdrawn": self.withdrawn,
        }
        row.update({f"ground_{n}": self.grounds.get(n, 0) for n in GROUNDS})
        row.update({f"requests_{name}": self.requests.get(name, 0) for name in REQUEST_OUTCOMES})
        return row


def transparency_rows(*, year: int | None = None) -> list[TransparencyRow]:
    """The figures per (unit, month), newest month first, then by unit name."""
    return [_row(stats) for stats in transparency_stats(year=year)]


def _row(stats: dict[str, Any]) -> TransparencyRow:
    published = stats.get("published", {})
    return TransparencyRow(
        unit_id=int(stats["unit_id"]),
        unit_name=str(stats["unit_name"]),
        month=str(stats["month"]),
        open=int(published.get("open", 0)),
        partial=int(published.get("partial", 0)),
        closed=int(published.get("closed", 0)),
        withdrawn=int(stats.get("withdrawn", 0)),
        grounds={int(k): int(v) for k, v in stats.get("grounds", {}).items()},
        requests={str(k): int(v) for k, v in stats.get("requests", {}).items()},
    )


def transparency_totals(rows: list[TransparencyRow]) -> dict[str, int]:
    """The sums over ``rows`` (the page's bottom line)."""
    totals: dict[str, int] = defaultdict(int)
    for row in rows:
        for key, value in row.as_dict().items():
            if isinstance(value, int) and key != "unit_id":
                totals[key] += value
    return dict(totals)


def publication_years() -> list[int]:
    """The years in which something was published, newest first."""
    dates = Publication.objects.filter(published_at__isnull=False).dates(
        "published_at", "year", order="DESC"
    )
    return [d.year for d in dates]
