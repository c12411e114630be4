#!/usr/bin/env python3
"""Render the sample official documents and write the pictures of docs/official-pdf.md.

    .venv/bin/python scripts/render_official_samples.py            # -> docs/images/official-pdf/
    .venv/bin/python scripts/render_official_samples.py --out var/official --resolution 100 --pdf

One picture per sample page named in SAMPLES, from tests.factories.official_documents through the
real renderer (signing.rendering.render_official_pdf, unsigned), so the pictures
show exactly what the templates print. Needs the Korean font (apt package
fonts-noto-cjk) and pdftoppm (poppler-utils); no database is touched. At the
default 60 dpi a page is about 500 x 700 pixels and well under 200 KB.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from signing.snapshot import OfficialDocument

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "docs" / "images" / "official-pdf"


@dataclass(frozen=True)
class Sample:
    """A sample document and which of its pages to picture (-1: the last)."""

    name: str
    build: Callable[[], OfficialDocument]
    pages: tuple[int, ...] = (1,)


def _samples() -> tuple[Sample, ...]:
    from tests.factories.official_documents import sample_official_document

    return (
        # Sent outside, through a via, its 전결 taken by a deputy and post-approved.
        Sample(
            "memo",
            lambda: sample_official_document(
                "memo",
                recipient="행정안전부장관(공공데이터정책과장)",
                via="도장특별시 기획조정실장",
                proxy=True,
            ),
        ),
        Sample("budget", lambda: sample_official_document("budget")),
        Sample("personnel", lambda: sample_official_document("personnel")),
        # Three pages with a table: the last page keeps the end of the text with the box.
        Sample(
            "memo-long",
            lambda: sample_official_document("memo", paragraphs=5, table=True),
            pages=(-1,),
        ),
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="directory of the PNGs")
    parser.add_argument("--resolution", type=int, default=60, help="dots per inch (default 60)")
    parser.add_argument("--pdf", action="store_true", help="also keep each sample's PDF")
    args = parser.parse_args()
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        print("pdftoppm not found: apt-get install -y poppler-utils", file=sys.stderr)
        return 1
    _setup_django()
    from signing.rendering import render_official_pdf

    args.out.mkdir(parents=True, exist_ok=True)
    for sample in _samples():
        rendered = render_official_pdf(sample.build())
        with tempfile.TemporaryDirectory() as work:
            pdf = Path(work) / f"{sample.name}.pdf"
            pdf.write_bytes(rendered.pdf)
            for page in sample.pages:
                number = rendered.pages if page == -1 else page
                suffix = "last" if page == -1 else str(page)
                target = args.out / f"{sample.name}-p{suffix}"
                _to_png(pdftoppm, pdf, number, target, args.resolution)
                size = target.with_suffix(".png").stat().st_size
                print(f"{target.with_suffix('.png')}  page {number}/{rendered.pages}, {size} B")
            if args.pdf:
                shutil.copy(pdf, args.out / pdf.name)
    return 0


def _setup_django() -> None:
    sys.path[:0] = [str(ROOT / "backend"), str(ROOT)]
    # Rendering reads settings and templates only; the test settings need no secret.
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    import django

    django.setup()


def _to_png(pdftoppm: str, pdf: Path, page: int, target: Path, resolution: int) -> None:
    command = [pdftoppm, "-png", "-r", str(resolution), "-f", str(page), "-l", str(page)]
    subprocess.run([*command, "-singlefile", str(pdf), str(target)], check=True)  # noqa: S603


if __name__ == "__main__":
    sys.exit(main())
