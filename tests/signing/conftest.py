"""Signing fixtures: one key set and one signed PDF per kind for the whole session.

Keys are made once in a temporary directory and every SIGNING_* setting that
could point elsewhere (production key paths from the environment) is cleared.
"""

from collections.abc import Iterator
from pathlib import Path

import pytest
from django.test import override_settings

from signing.samples import sample_official_document
from signing.services import IssuedPdf, official_pdf_issue
from signing.snapshot import DocumentKind, OfficialDocument

KINDS: tuple[DocumentKind, ...] = ("memo", "budget", "personnel")


@pytest.fixture(scope="session")
def signing_dir(signing_keys: Path) -> Iterator[Path]:
    """The session's key set (tests/conftest.py), without the document look-up."""
    with override_settings(SIGNING_DOCUMENT_LOOKUP=None):
        yield signing_keys


@pytest.fixture(scope="session")
def issued(signing_dir: Path) -> dict[DocumentKind, tuple[OfficialDocument, IssuedPdf]]:
    """A signed official PDF of each kind (rendering is the slow part: once each)."""
    result = {}
    for kind in KINDS:
        document = sample_official_document(kind)
        result[kind] = (document, official_pdf_issue(document=document))
    return result


@pytest.fixture
def memo_pdf(issued: dict[DocumentKind, tuple[OfficialDocument, IssuedPdf]]) -> bytes:
    return issued["memo"][1].pdf
