"""Request parsers that refuse, with a 4xx, what the stock ones would choke on.

A JSON body nested thousands deep makes the json module raise RecursionError (a 500
on any endpoint that reads the body, login included), and DRF reads a JSON body
whole whatever its size: Django's DATA_UPLOAD_MAX_MEMORY_SIZE only guards
`request.body` and form fields. So the JSON parser reads at most that many bytes
(413 beyond) and counts the nesting before it parses (400 beyond
API_JSON_MAX_DEPTH). A multipart body is refused with 413 when its declared length
exceeds API_UPLOAD_MAX_BYTES, before any of it is spooled to disk; each endpoint
still checks its own file limit and names the field.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Mapping
from typing import IO, TYPE_CHECKING, Any

from django.conf import settings
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext as _
from rest_framework.exceptions import ParseError
from rest_framework.parsers import DataAndFiles, JSONParser, MultiPartParser
from rest_framework.utils import json

from core.errors import PayloadTooLargeError

if TYPE_CHECKING:
    from django.http.request import _ImmutableQueryDict

# A JSON string, escapes included: what it holds is never structure.
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_PAIR = re.compile(r"\[\]|\{\}")


def nested_deeper_than(text: str, limit: int) -> bool:
    """Whether the arrays and objects of `text` nest more than `limit` deep.

    Each pass deletes the innermost empty pairs in C (a per-character loop in
    Python took 0.4 s on a 2.7 MB body); what is left after `limit` passes is deeper.
    """
    if text.count("[") + text.count("{") <= limit:  # strings' brackets only overcount
        return False
    brackets = _NOT_BRACKET.sub("", _STRING.sub("", text))
    for _pass in range(limit):
        if not brackets:
            return False
        brackets = _PAIR.sub("", brackets)
    return bool(brackets)


def _declared_length(parser_context: Mapping[str, Any] | None) -> int:
    request = (parser_context or {}).get("request")
    meta = getattr(request, "META", {})
    try:
        return int(meta.get("CONTENT_LENGTH") or 0)
    except (TypeError, ValueError):
        return 0


class BoundedJSONParser(JSONParser):
    """JSON of at most DATA_UPLOAD_MAX_MEMORY_SIZE bytes, nested at most API_JSON_MAX_DEPTH."""

    def parse(
        self,
        stream: IO[Any],
        media_type: str | None = None,
        parser_context: Mapping[str, Any] | None = None,
    ) -> Any:
        limit: int | None = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        if limit is not None and _declared_length(parser_context) > limit:
            raise PayloadTooLargeError
        raw = stream.read() if limit is None else stream.read(limit + 1)
        if limit is not None and len(raw) > limit:
            raise PayloadTooLargeError
        encoding = (parser_context or {}).get("encoding", settings.DEFAULT_CHARSET)
        try:
            text = codecs.decode(raw, encoding)
        except (LookupError, UnicodeDecodeError) as exc:
            raise ParseError(_("The body is not valid JSON.")) from exc
        max_depth: int = settings.API_JSON_MAX_DEPTH
        if nested_deeper_than(text, max_depth):
            raise ParseError(
                _("The JSON body is nested deeper than %(limit)d levels.") % {"limit": max_depth}
            )
        parse_constant = json.strict_constant if self.strict else None
        try:
            return json.loads(text, parse_constant=parse_constant)
        except ValueError as exc:
            raise ParseError(_("The body is not valid JSON.")) from exc


class BoundedMultiPartParser(MultiPartParser):
    """Multipart bodies declared at most API_UPLOAD_MAX_BYTES long."""

    def parse(
        self,
        stream: IO[Any],
        media_type: str | None = None,
        parser_context: Mapping[str, Any] | None = None,
    ) -> DataAndFiles[_ImmutableQueryDict, MultiValueDict[str, Any]]:
        if _declared_length(parser_context) > settings.API_UPLOAD_MAX_BYTES:
            raise PayloadTooLargeError
        return super().parse(stream, media_type, parser_context)
