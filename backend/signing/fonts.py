"""The Korean font check: refuse to render Korean without a Korean font.

Without a CJK font WeasyPrint silently draws empty boxes (tofu) and the PDF
carries no searchable Korean text, so a missing font is an error, not a
warning. Fontconfig is asked once per process; a success is cached, a failure
is not (installing the package fixes the next render without a restart).
"""

import shutil
import subprocess
import threading

from signing.errors import FontMissingError

KOREAN_FAMILIES = ("Noto Serif CJK KR", "Noto Sans CJK KR")
APT_PACKAGE = "fonts-noto-cjk"

_found: list[str] = []
_lock = threading.Lock()


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
