"""Why a PDF could not be made, in words staff read (translated), from `last_error`.

`last_error` keeps the class of the failure and, for Dojang's own errors, their
English message (signing.issuance.error_text): stable text for operators and logs.
This module reads it back into a sentence in the reader's language, so the staff
app shows "쪽수가 200쪽을 넘습니다" rather than a class name.
"""

import re
from collections.abc import Callable

from django.utils.translation import gettext as _

TRANSIENT_KINDS = frozenset(
    {"OperationalError", "InterfaceError", "OSError", "SoftTimeLimitExceeded", "TimeLimitExceeded"}
)
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def _limit(detail: str) -> str:
    match = _NUMBER.search(detail)
    return match.group(0) if match else "?"


def _too_deep(detail: str = "") -> str:
    return _("The text is nested too deeply to be laid out.")


def _renderer(detail: str) -> str:
    if detail.strip() == "RecursionError":
        return _too_deep()
    return _("The PDF renderer could not lay this document out.")


def _pages(detail: str) -> str:
    return _("The document has more than %(limit)s pages, the most an official PDF may have.") % {
        "limit": _limit(detail)
    }


def _slow(detail: str) -> str:
    return _("Laying the document out took longer than %(seconds)s seconds.") % {
        "seconds": _limit(detail)
    }


def _fixed(message: Callable[[], str]) -> Callable[[str], str]:
    return lambda detail: message()


_READERS: dict[str, Callable[[str], str]] = {
    "PageLimitError": _pages,
    "RenderTimeoutError": _slow,
    "RendererError": _renderer,
    "RecursionError": _too_deep,
    "FontMissingError": _fixed(lambda: _("No Korean font is installed on the server.")),
    "SigningKeyError": _fixed(lambda: _("The signing key or certificate cannot be used.")),
    "SnapshotError": _fixed(lambda: _("The approval record of the document is incomplete.")),
    "SigningError": _fixed(lambda: _("The signed PDF did not verify.")),
    "too many attempts": _fixed(
        lambda: _("Rendering was started too many times without finishing.")
    ),
}


def failure_reason(last_error: str) -> str:
    """The translated reason for `last_error`; empty when there was no failure."""
    if not last_error:
        return ""
    kind, _sep, detail = last_error.partition(":")
    reader = _READERS.get(kind.strip())
    if reader is not None:
        return reader(detail)
    if kind.strip() in TRANSIENT_KINDS:
        return _("A temporary failure (database, storage or time limit).")
    return _("The PDF renderer could not lay this document out.")
