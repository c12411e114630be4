"""The URL fetcher of the official PDF: our own assets and data: URIs, nothing else.

The body HTML comes from users. Even sanitized, an <img> or a CSS url() could
make the renderer read a local file (file:///etc/passwd, the signing key) into
the signed PDF, or call a network address from inside the data centre (SSRF).
Rules:
- data: URIs are allowed (the QR code, inline images);
- file: URLs are allowed only when the resolved path, after following
  symlinks, lies under an allowed root: templates/official/ and the font
  directories;
- every other URL is refused: WeasyPrint then leaves the resource out and
  rendering goes on. Each refusal is logged and kept in `refused`.
"""

import logging
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from weasyprint.urls import URLFetcher, URLFetcherResponse

logger = logging.getLogger(__name__)

FONT_DIRS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"))


def template_dir() -> Path:
    return Path(settings.ROOT_DIR) / "templates" / "official"


class RefusedResourceError(ValueError):
    """A resource outside what the official PDF may include."""


class LockedDownFetcher(URLFetcher):
    """Fetches data: URIs and files under `roots`; refuses everything else."""

    def __init__(self, roots: tuple[Path, ...] | None = None) -> None:
        super().__init__(timeout=1, allowed_protocols={"data", "file"}, allow_redirects=False)
        chosen = roots if roots is not None else (template_dir(), *FONT_DIRS)
        self.roots = tuple(root.resolve() for root in chosen)
        self.refused: list[str] = []

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> URLFetcherResponse:
        scheme = urlsplit(url).scheme.lower()
        if scheme == "data":
            return super().fetch(url, headers)
        if scheme == "file" and self._allowed_file(url):
            return super().fetch(url, headers)
        self.refused.append(url)
        # Only the scheme and length: the URL is user input and may be long.
        logger.warning("Refused a %s resource in an official PDF (%d chars)", scheme, len(url))
        raise RefusedResourceError("the official PDF may not load this resource")

    def _allowed_file(self, url: str) -> bool:
        parts = urlsplit(url)
        if parts.netloc not in ("", "localhost"):
            return False
        path = Path(unquote(parts.path)).resolve()
        return any(path.is_relative_to(root) for root in self.roots)
