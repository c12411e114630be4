"""Single-line text of a document (title, recipient, payee, purpose): no bidi controls.

The Unicode bidirectional controls (embeddings and overrides U+202A-U+202E,
isolates U+2066-U+2069, the marks U+200E, U+200F and U+061C) reorder the text
around them when it is shown. In a line that the official PDF, the portal and
search print on its own, "U+202E 서류 목록" reads backwards: the stored title and
the shown one differ, which is how a spoofed file name or title is made. They are
removed on input rather than refused (docs/documents.md says why): they are
invisible, so a drafter who pasted one could not see what to delete, and no
Korean administrative line needs them.
"""

from typing import Any

from rest_framework import serializers

BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
_REMOVE = dict.fromkeys(map(ord, BIDI_CONTROLS))


def strip_bidi_controls(value: str) -> str:
    """`value` without any bidirectional control character."""
    return value.translate(_REMOVE)


class SingleLineField(serializers.CharField):
    """A CharField whose value loses its bidi controls before any other check.

    Removed first, so a value made only of them is judged blank, as it looks.
    """

    def run_validation(self, data: Any = serializers.empty) -> Any:
        if isinstance(data, str):
            data = strip_bidi_controls(data)
        return super().run_validation(data)
