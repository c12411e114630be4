"""Typed access to the documents settings, read on every call.

Each setting can be set in Django settings; when it is not, the environment
variable of the same name is read, with the default documented in docs/documents.md.
Reading at call time lets `override_settings` change them in tests.
"""

from django.conf import settings

from config.env import env_int

DEFAULT_ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024


def attachment_max_bytes() -> int:
    """DOCUMENT_ATTACHMENT_MAX_BYTES: the largest attachment accepted (default 20 MB)."""
    value = getattr(settings, "DOCUMENT_ATTACHMENT_MAX_BYTES", None)
    if value is None:
        return env_int("DOCUMENT_ATTACHMENT_MAX_BYTES", default=DEFAULT_ATTACHMENT_MAX_BYTES)
    return int(value)
