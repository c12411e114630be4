"""The texts of an approved version that the public may see, field by field.

The approved version's canonical content (documents.services.versions) holds the
title, body (sanitized HTML), recipient and the kind's fields. The fields that
can carry personal information are, in this order: title, recipient, body (its
plain text, see redaction.body), and per kind: budget payee and purpose,
personnel person (the name of the person concerned). Amounts, budget lines,
units, positions and dates are public facts of an official act.

The detector reads all fields as one text, joined by a blank line so that no
context window or pattern crosses from one field into the next; offsets are
mapped back to (field, start, end).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from disclosure.redaction.body import Body, parse_body

SEPARATOR = "\n\n"
FIELDS = ("title", "recipient", "body", "payee", "purpose", "person")

# A payee naming an organisation is not a private person (전자정부법 users write
# "(주)한빛정보", "도장시설관리공단"); without one of these marks the payee is
# treated as a private person, the safe side for personal information.
_ORGANISATION_MARKS = re.compile(
    r"\(주\)|㈜|\(유\)|\(재\)|\(사\)|주식회사|유한회사|유한책임|합자회사|합명회사|법인|재단|협회|"
    r"조합|공사|공단|회사|상사|상회|건설|산업|기업|은행|금고|학교|대학|병원|의원|센터|연구원|"
    r"연구소|시청|구청|군청|도청|청$|사무소|위원회|협동|\b(?:Inc|Ltd|LLC|Corp|Co)\b",
    re.IGNORECASE,
)
_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")


def is_private_payee(payee: str) -> bool:
    """True when a budget payee names no organisation (see _ORGANISATION_MARKS)."""
    return bool(payee.strip()) and _ORGANISATION_MARKS.search(payee) is None


@dataclass(frozen=True, slots=True)
class Located:
    """A span of the joined text, mapped to its field."""

    field: str
    start: int
    end: int


class VersionTexts:
    """The public-facing texts of one approved version's content."""

    def __init__(self, content: dict[str, Any]) -> None:
        self.content = content
        self.kind = str(content.get("kind", ""))

    @cached_property
    def body(self) -> Body:
        return parse_body(str(self.content.get("body") or ""))

    @cached_property
    def fields(self) -> dict[str, str]:
        """Field name -> plain text, only the fields this version has."""
        values: dict[str, str] = {
            "title": str(self.content.get("title") or ""),
            "recipient": str(self.content.get("recipient") or ""),
            "body": self.body.text,
        }
        kind_fields: dict[str, Any] = self.content.get("fields") or {}
        if self.kind == "budget":
            values["payee"] = str(kind_fields.get("payee") or "")
            values["purpose"] = str(kind_fields.get("purpose") or "")
        elif self.kind == "personnel":
            person = kind_fields.get("person") or {}
            values["person"] = str(person.get("name") or "") if isinstance(person, dict) else ""
        return values

    def private_fields(self) -> tuple[str, ...]:
        """Fields that are, whole, the name of a private person: always redacted."""
        names = []
        if self.fields.get("person", "").strip():
            names.append("person")
        if is_private_payee(self.fields.get("payee", "")):
            names.append("payee")
        return tuple(names)

    def private_names(self) -> tuple[str, ...]:
        """Names of private persons the structured fields give (found everywhere).

        A note in brackets is not part of the name: "홍길동(개인)" is 홍길동.
        """
        names = (_BRACKETS.sub("", self.fields[f]).strip() for f in self.private_fields())
        return tuple(n for n in names if n)

    @cached_property
    def offsets(self) -> dict[str, int]:
        """Where each field starts in the joined text."""
        starts: dict[str, int] = {}
        position = 0
        for name, value in self.fields.items():
            starts[name] = position
            position += len(value) + len(SEPARATOR)
        return starts

    @cached_property
    def joined(self) -> str:
        return SEPARATOR.join(self.fields.values())

    def locate(self, start: int, end: int) -> Located | None:
        """The field holding joined-text span start..end (clipped to it), or None."""
        for name, value in self.fields.items():
            first = self.offsets[name]
            if first <= start < first + len(value) or (start == end == first and value):
                return Located(name, start - first, min(end, first + len(value)) - first)
        return None
