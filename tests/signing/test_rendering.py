"""The official PDF shows the Korean form, as searchable text, with its metadata."""

import json
import re
import subprocess
from io import BytesIO
from pathlib import Path

import pytest
from pyhanko.pdf_utils.reader import PdfFileReader

from signing.errors import FontMissingError, RenderLimitError
from signing.fonts import forget_found_font, require_korean_font
from signing.rendering import render_official_pdf
from signing.samples import sample_official_document
from tests.signing.conftest import KINDS


def pdf_text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    result = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    )
    return result.stdout


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_shows_the_form_and_its_approval_box(issued, kind, tmp_path) -> None:
    # GIVEN the signed PDF of an approved document of this kind
    document, pdf = issued[kind]
    # WHEN its text is extracted
    text = pdf_text(pdf.pdf, tmp_path)
    # THEN the Korean title, body, number, box and marks are searchable text
    for expected in (
        document.issuer,
        document.title,
        "정보소통광장에 공개하고자",
        "수신",
        "제목",
        "붙임",
        "끝.",
        document.document_number,
        "2025. 3. 14.",
        "전결",
        "협조자",
        "동의",
        "부분공개(6)",
        document.drafter_email,
    ):
        assert expected in text, expected
    assert re.search(r"1\s*/\s*\d+", text), "page number"
    for signer in document.signers:
        assert signer.name in text
        assert signer.position in text


def test_kind_specific_fields_are_printed(issued, tmp_path) -> None:
    budget_text = pdf_text(issued["budget"][1].pdf, tmp_path)
    personnel_text = pdf_text(issued["personnel"][1].pdf, tmp_path)

    assert "금12,500,000원(금일천이백오십만원)" in budget_text
    assert "일반회계 > 정보화 > 전산운영비" in budget_text
    assert "정하늘" in personnel_text
    assert "2025. 4. 1." in personnel_text


def test_metadata_and_approval_history_are_embedded(issued) -> None:
    document, pdf = issued["memo"]
    reader = PdfFileReader(BytesIO(pdf.pdf))
    info = reader.trailer["/Info"]

    assert str(info["/Title"]) == document.title
    assert str(info["/DojangDocumentNumber"]) == document.document_number
    assert str(info["/DojangContentHash"]) == document.content_hash
    assert document.content_hash in str(info["/Keywords"])
    names = reader.root["/Names"]["/EmbeddedFiles"]["/Names"]
    assert str(names[0]) == "approval-history.json"
    record = json.loads(names[1].get_object()["/EF"]["/F"].get_object().data)
    assert record["content_hash"] == document.content_hash
    assert [s["name"] for s in record["signers"]] == [s.name for s in document.signers]
    assert record["history"][-1]["action"] == "approve"


def test_a_proxy_approval_is_marked_with_the_absent_approver(signing_dir, tmp_path) -> None:
    from dataclasses import replace

    base = sample_official_document("memo")
    proxy = replace(base.signers[-1], delegated=False, proxy_for="박성우", name="한지원")
    document = replace(base, signers=(*base.signers[:-1], proxy))

    text = pdf_text(render_official_pdf(document).pdf, tmp_path)

    assert "대결" in text
    assert "한지원" in text
    assert "박성우 부재" in text


def test_outside_resources_are_refused_and_rendering_goes_on(signing_dir, tmp_path) -> None:
    # GIVEN a body that tries to pull a local file and a network address into the PDF
    from dataclasses import replace

    body = (
        '<p>본문입니다.</p><img src="file:///etc/passwd">'
        '<img src="http://169.254.169.254/latest/meta-data/">'
        '<p style="background: url(file:///etc/hostname)">배경</p>'
    )
    document = replace(sample_official_document("memo"), body_html=body)
    # WHEN it is rendered
    rendered = render_official_pdf(document)
    # THEN every outside URL was refused, and the PDF still came out
    assert "file:///etc/passwd" in rendered.refused
    assert "http://169.254.169.254/latest/meta-data/" in rendered.refused
    assert "file:///etc/hostname" in rendered.refused
    assert "본문입니다." in pdf_text(rendered.pdf, tmp_path)
    assert b"root:x:0:0" not in rendered.pdf


def test_the_page_limit_stops_a_long_document(signing_dir, settings) -> None:
    settings.SIGNING_MAX_PAGES = 2

    with pytest.raises(RenderLimitError, match="more than 2 pages"):
        render_official_pdf(sample_official_document("memo", paragraphs=30))


def test_the_time_limit_stops_a_slow_render(signing_dir, settings) -> None:
    settings.SIGNING_RENDER_TIMEOUT_SECONDS = 0

    with pytest.raises(RenderLimitError, match="longer than"):
        render_official_pdf(sample_official_document("memo"))


def test_a_missing_korean_font_names_the_package(monkeypatch) -> None:
    # GIVEN a system where fontconfig finds nothing (no fc-list on the PATH)
    forget_found_font()
    monkeypatch.setenv("PATH", "/nonexistent")
    try:
        with pytest.raises(FontMissingError, match="fonts-noto-cjk"):
            require_korean_font()
    finally:
        monkeypatch.undo()
        forget_found_font()
    assert "CJK KR" in require_korean_font()
