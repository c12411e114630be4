"""Typed access to the signing settings, read on every call.

Reading at call time (not import time) lets tests and `override_settings`
point the app at another key directory without reloading modules.
"""

from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings

from core.env import env_int

CA_KEY_FILE = "ca-key.pem"
CA_CERT_FILE = "ca-cert.pem"
SIGNER_KEY_FILE = "signer-key.pem"
SIGNER_CERT_FILE = "signer-cert.pem"


@dataclass(frozen=True, slots=True)
class KeySource:
    """Where the signer's key and certificate come from.

    Exactly one of `pkcs12_path` or (`key_path`, `cert_path`) is set. The
    password fields are secrets: this object is never logged or returned.
    """

    pkcs12_path: Path | None
    pkcs12_password: str | None = field(repr=False)
    key_path: Path | None
    key_password: str | None = field(repr=False)
    cert_path: Path | None
    local: bool

    def files(self) -> tuple[Path, ...]:
        return tuple(p for p in (self.pkcs12_path, self.key_path, self.cert_path) if p)


def signing_dir() -> Path:
    return Path(settings.SIGNING_DIR)


def key_source() -> KeySource:
    """PKCS#12 first, then PEM key + certificate, else the local keys of SIGNING_DIR."""
    if settings.SIGNING_PKCS12_PATH:
        return KeySource(
            pkcs12_path=Path(settings.SIGNING_PKCS12_PATH),
            pkcs12_password=settings.SIGNING_PKCS12_PASSWORD,
            key_path=None,
            key_password=None,
            cert_path=None,
            local=False,
        )
    if settings.SIGNING_KEY_PATH or settings.SIGNING_CERT_PATH:
        return KeySource(
            pkcs12_path=None,
            pkcs12_password=None,
            key_path=Path(settings.SIGNING_KEY_PATH or ""),
            key_password=settings.SIGNING_KEY_PASSWORD,
            cert_path=Path(settings.SIGNING_CERT_PATH or ""),
            local=False,
        )
    base = signing_dir()
    return KeySource(
        pkcs12_path=None,
        pkcs12_password=None,
        key_path=base / SIGNER_KEY_FILE,
        key_password=None,
        cert_path=base / SIGNER_CERT_FILE,
        local=True,
    )


def trust_anchor_paths() -> tuple[Path, ...]:
    """The PEM files of SIGNING_TRUST_ANCHORS, or the local CA certificate."""
    configured = [Path(p) for p in settings.SIGNING_TRUST_ANCHORS]
    return tuple(configured) or (signing_dir() / CA_CERT_FILE,)


def tsa_url() -> str | None:
    url: str | None = settings.SIGNING_TSA_URL
    return url or None


def organization() -> str:
    return str(settings.SIGNING_ORGANIZATION)


def max_pages() -> int:
    return int(settings.SIGNING_MAX_PAGES)


def render_timeout_seconds() -> float:
    return float(settings.SIGNING_RENDER_TIMEOUT_SECONDS)


# A request waits for the check: below gunicorn's 30 s worker timeout, with room.
DEFAULT_SUBMIT_RENDER_TIMEOUT_SECONDS = 20


def submit_render_timeout_seconds() -> float:
    """SIGNING_SUBMIT_RENDER_TIMEOUT_SECONDS: the longest the page check at submission
    lays a document out (default 20; signing.page_check)."""
    value = getattr(settings, "SIGNING_SUBMIT_RENDER_TIMEOUT_SECONDS", None)
    if value is None:
        return float(
            env_int(
                "SIGNING_SUBMIT_RENDER_TIMEOUT_SECONDS",
                default=DEFAULT_SUBMIT_RENDER_TIMEOUT_SECONDS,
            )
        )
    return float(value)


def verify_max_bytes() -> int:
    return int(settings.SIGNING_VERIFY_MAX_BYTES)
