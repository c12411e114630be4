"""The Korean font check, and the font configuration every render shares.

Without a CJK font WeasyPrint silently draws empty boxes (tofu) and the PDF
carries no searchable Korean text, so a missing font is an error, not a
warning. Fontconfig is asked once per process; a success is cached, a failure
is not (installing the package fixes the next render without a restart).

One WeasyPrint FontConfiguration per thread, reused by every render
(`shared_font_config`). Left to itself WeasyPrint makes a new one per render:
fontconfig reloads its configuration and Pango builds a new font map, which
costs CPU and, with Pango 1.50 and fontconfig 2.14 (Debian 12), about 0.22 MiB
of native memory that is never returned, not even by malloc_trim: the RSS
growth of a worker (docs/performance.md, "Official PDF"). Reusing it keeps the
loaded faces warm as well. The official templates declare no @font-face, so
the configuration never gains fonts from a document; its only per-document
growth is WeasyPrint's strut cache (one entry per distinct font style), which
is bounded by replacing the configuration past MAX_STRUT_ENTRIES.
Per thread because Pango font maps are not thread-safe; per process id
because a forked child must not share its parent's native state.
"""

import os
import shutil
import subprocess
import threading

from weasyprint.text.fonts import FontConfiguration

from signing.errors import FontMissingError

KOREAN_FAMILIES = ("Noto Serif CJK KR", "Noto Sans CJK KR")
APT_PACKAGE = "fonts-noto-cjk"

MAX_STRUT_ENTRIES = 2048

_found: list[str] = []
_lock = threading.Lock()
_local = threading.local()


def require_korean_font() -> str:
    """The first installed family of KOREAN_FAMILIES; raises FontMissingError if none."""
    with _lock:
        if _found:
            return _found[0]
        families = _installed_korean_families()
        for wanted in KOREAN_FAMILIES:
            if wanted in families:
                _found.append(wanted)
                return wanted
    raise FontMissingError(
        f"No Korean font found by fontconfig (wanted one of {', '.join(KOREAN_FAMILIES)}). "
        f"Install the apt package {APT_PACKAGE} (apt-get install -y {APT_PACKAGE})."
    )


def _installed_korean_families() -> set[str]:
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        raise FontMissingError(
            f"fontconfig's fc-list is missing; install fontconfig and {APT_PACKAGE}."
        )
    result = subprocess.run(  # noqa: S603 - fixed arguments, no user input
        [fc_list, ":lang=ko", "family"],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    families: set[str] = set()
    for line in result.stdout.splitlines():
        families.update(name.strip() for name in line.split(","))
    return families


def forget_found_font() -> None:
    """Forget the cached answer (tests that simulate a missing font)."""
    with _lock:
        _found.clear()


def shared_font_config() -> FontConfiguration:
    """This thread's font configuration, made on first use and when it must be renewed."""
    held: tuple[int, FontConfiguration] | None = getattr(_local, "font_config", None)
    if held is not None and held[0] == os.getpid() and not _outgrown(held[1]):
        return held[1]
    config = FontConfiguration()
    _local.font_config = (os.getpid(), config)
    return config


def forget_font_config() -> None:
    """Drop this thread's font configuration (the next render makes a new one)."""
    _local.font_config = None


def _outgrown(config: FontConfiguration) -> bool:
    # User HTML may carry many font sizes; each adds a strut entry for good.
    return len(config.strut_layouts) > MAX_STRUT_ENTRIES
