"""Typed access to the documents settings, read on every call.

Each setting can be set in Django settings; when it is not, the environment
variable of the same name is read, with the default documented in docs/documents.md.
Reading at call time lets `override_settings` change them in tests.
"""

from django.conf import settings

from core.env import env_int

DEFAULT_ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024


def attachment_max_bytes() -> int:
    """DOCUMENT_ATTACHMENT_MAX_BYTES: the largest attachment accepted (default 20 MB)."""
    value = getattr(settings, "DOCUMENT_ATTACHMENT_MAX_BYTES", None)
    if value is None:
        return env_int("DOCUMENT_ATTACHMENT_MAX_BYTES", default=DEFAULT_ATTACHMENT_MAX_BYTES)
    return int(value)


# How deep a body may nest. Real documents stay far below it: the deepest an editor
# makes (a table in a list item in a table cell, with emphasis and a span) is about
# 15 elements. WeasyPrint lays nesting out by recursion and fails (RecursionError)
# from about 150 levels in a fresh process, and sooner under a deep caller stack (a
# request, a task): 40 keeps every real document and stays well clear of that.
DEFAULT_BODY_MAX_DEPTH = 40


def body_max_depth() -> int:
    """DOCUMENT_BODY_MAX_DEPTH: the deepest nesting of a body accepted (default 40; 0: no
    limit, for tests that need a body saved before the limit existed)."""
    value = getattr(settings, "DOCUMENT_BODY_MAX_DEPTH", None)
    if value is None:
        return env_int("DOCUMENT_BODY_MAX_DEPTH", default=DEFAULT_BODY_MAX_DEPTH)
    return int(value)
