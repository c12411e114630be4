"""Reaching the real services the suite runs against (PostgreSQL, Redis, slapd).

Under CI=true a test that needs a service it cannot reach fails; on a developer's
machine without the service it is skipped with the reason. This is the only place
that decides between the two.
"""

import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NoReturn

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
IN_CI = os.environ.get("CI", "").lower() == "true"


def service_missing(reason: str) -> NoReturn:
    if IN_CI:
        pytest.fail(f"CI=true and a required service is unavailable: {reason}", pytrace=False)
    pytest.skip(reason)


@contextmanager
def throwaway_slapd(directory: Path, *ldifs: Path) -> Iterator[dict[str, str]]:
    """Start a slapd of our own with the given LDIF loaded; yields its connection settings."""
    script = ROOT / "scripts" / "test-slapd"
    result = subprocess.run(
        [str(script), "start", str(directory), *map(str, ldifs)],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        service_missing(f"could not start slapd: {result.stderr.strip()[-500:]}")
    settings: dict[str, str] = {}
    for line in result.stdout.splitlines():
        key, _, value = line.removeprefix("export ").partition("=")
        settings[key] = value.strip("'")
    try:
        yield settings
    finally:
        subprocess.run([str(script), "stop", str(directory)], check=False)
