"""Signing fixtures: one key set and one signed PDF per kind for the whole session.

Keys are made once in a temporary directory and every SIGNING_* setting that
could point elsewhere (production key paths from the environment) is cleared.
"""

from pathlib import Path
from typing import Any

import pytest

from signing.services import IssuedPdf, official_pdf_issue
from signing.snapshot import DocumentKind, OfficialDocument
from tests.factories.official_documents import sample_official_document

KINDS: tuple[DocumentKind, ...] = ("memo", "budget", "personnel")


@pytest.fixture(scope="session")
def signing_dir(signing_keys: Path) -> Path:
    """The session's key set (tests/conftest.py)."""
    return signing_keys


@pytest.fixture(autouse=True)
def _no_document_lookup(settings: Any) -> None:
    """Verify without the document look-up (it reads the database); test_lookup sets one.

    Per test, never a session override_settings: a test's own ``settings``
    fixture would drop a session override entered after it.
    """
    settings.SIGNING_DOCUMENT_LOOKUP = None


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
