"""Renders share one font configuration per thread (a new one per render leaks).

Why it matters: WeasyPrint's default, a new FontConfiguration per render,
leaves about 0.22 MiB of native memory behind each time with Pango 1.50 and
fontconfig 2.14 (docs/performance.md, "Official PDF"). Memory itself is
measured by `make bench`; these tests pin the sharing that keeps it flat.
"""

import os
import threading
from pathlib import Path

import pytest

from signing import fonts
from signing.rendering import render_official_pdf
from tests.factories.official_documents import sample_official_document


@pytest.fixture(autouse=True)
def _fresh_font_config() -> None:
    fonts.forget_font_config()


def test_two_renders_in_one_thread_use_the_same_font_configuration(signing_dir: Path) -> None:
    # GIVEN the configuration this thread holds
    held = fonts.shared_font_config()
    # WHEN two documents are rendered
    render_official_pdf(sample_official_document("memo"))
    render_official_pdf(sample_official_document("budget"))
    # THEN both used it (its strut cache was filled) and it was not replaced
    assert fonts.shared_font_config() is held
    assert held.strut_layouts


def test_another_thread_gets_its_own_font_configuration() -> None:
    # GIVEN this thread's configuration
    mine = fonts.shared_font_config()
    theirs = []
    # WHEN another thread asks for one
    worker = threading.Thread(target=lambda: theirs.append(fonts.shared_font_config()))
    worker.start()
    worker.join()
    # THEN it is a different one (Pango font maps are not thread-safe)
    assert theirs[0] is not mine


def test_an_outgrown_font_configuration_is_replaced(monkeypatch: pytest.MonkeyPatch) -> None:
    # GIVEN a configuration whose strut cache passed the bound
    held = fonts.shared_font_config()
    monkeypatch.setattr(fonts, "MAX_STRUT_ENTRIES", 1)
    held.strut_layouts.update({("a",): (1.0, 1.0), ("b",): (1.0, 1.0)})
    # WHEN the next render asks for one
    # THEN it gets a fresh configuration
    assert fonts.shared_font_config() is not held


def test_a_forked_child_does_not_reuse_its_parents_font_configuration(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # GIVEN a configuration made in this process
    held = fonts.shared_font_config()
    # WHEN the same thread runs under another process id (as after fork)
    monkeypatch.setattr(os, "getpid", lambda: -1)
    # THEN it makes its own
    assert fonts.shared_font_config() is not held
