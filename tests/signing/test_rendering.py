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
from tests.factories.official_documents import sample_official_document
from tests.signing.conftest import KINDS


def pdf_text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    result = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    )
    return result.stdout


# A phrase of each kind's sample body (tests.factories.official_documents).
BODY_PHRASES = {
    "memo": "정보소통광장에 공개하고자",
    "budget": "연간 유지보수비를",
    "personnel": "정기 인사발령을 하고자",
}


def pdf_pages(pdf: bytes, tmp_path: Path) -> list[str]:
    """The -layout text of each page."""
    return pdf_text(pdf, tmp_path).split("\f")[:-1]


def lines_of(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_shows_the_form_and_its_approval_box(issued, kind, tmp_path) -> None:
    # GIVEN the signed PDF of an approved document of this kind
    document, pdf = issued[kind]
    # WHEN its text is extracted
    text = pdf_text(pdf.pdf, tmp_path)
    # THEN the Korean title, body, number, box and marks are searchable text
    for expected in (
        document.issuer.organization,
        document.title,
        BODY_PHRASES[kind],
        "수신",
        "(경유)",
        "제목",
        "붙임",
        "끝.",
        f"시행 {document.document_number} (2025. 3. 14.)",
        "접수",
        "전결",
        "협조자",
        "동의",
        "부분공개(6)",
        document.issuer.email,
    ):
        assert expected in " ".join(text.split()), expected
    assert re.search(r"1\s*/\s*\d+", text), "page number"
    for signer in (document.drafter, *document.signers):
        assert signer.name in text
        assert signer.position in text


def test_the_drafter_heads_the_approval_box(issued, tmp_path) -> None:
    # GIVEN the memo drafted by 주무관 김민지, reviewed by 팀장 이준호, approved by 과장 박성우
    document, pdf = issued["memo"]
    lines = lines_of(pdf_text(pdf.pdf, tmp_path))
    # THEN the box's first column is the drafter's title and name, then the line in order
    assert "주무관 팀장 과장" in lines
    assert "김민지 이준호 박성우" in lines
    assert document.drafter.name == "김민지"


def test_consultees_are_named_by_unit_and_title(issued, tmp_path) -> None:
    lines = lines_of(pdf_text(issued["memo"][1].pdf, tmp_path))

    assert "예산총괄팀장 인사과장" in lines
    assert "최서연 정유진" in lines


def test_the_end_mark_stands_on_the_last_line_of_the_body(signing_dir, tmp_path) -> None:
    # GIVEN a memo without attachments
    document = sample_official_document("memo", attachments=False)
    # WHEN rendered
    lines = lines_of(pdf_text(render_official_pdf(document).pdf, tmp_path))
    # THEN "끝." follows the last body text on the same line, and nowhere else
    assert "나) 기술 제안서의 세부 내용 끝." in lines
    assert sum(line.count("끝.") for line in lines) == 1


def test_the_end_mark_follows_the_last_attachment(issued, tmp_path) -> None:
    # GIVEN the memo with two attachments, by title and copies
    lines = lines_of(pdf_text(issued["memo"][1].pdf, tmp_path))
    # THEN 붙임 lists them numbered, in 부, and "끝." ends the last one only
    assert "붙임 1. 공개 대상 목록 1부." in lines
    assert "2. 비공개 사유서 2부. 끝." in lines
    assert sum(line.count("끝.") for line in lines) == 1


def test_a_single_attachment_is_not_numbered(issued, tmp_path) -> None:
    lines = lines_of(pdf_text(issued["personnel"][1].pdf, tmp_path))

    assert "붙임 인사발령 대상자 명단 1부. 끝." in lines


def test_a_body_ending_with_a_table_has_the_end_mark_below_it(signing_dir, tmp_path) -> None:
    from dataclasses import replace

    body = (
        "<p>1. 일정</p>"
        "<table><tr><th>구분</th><th>기간</th></tr><tr><td>준비</td><td>3월</td></tr></table>"
    )
    document = replace(sample_official_document("memo", attachments=False), body_html=body)

    lines = lines_of(pdf_text(render_official_pdf(document).pdf, tmp_path))

    assert lines[lines.index("준비 3월") + 1] == "끝."


def test_a_document_sent_outside_carries_the_sender_and_seal_omitted(signing_dir, tmp_path) -> None:
    # GIVEN a memo to another agency, through a via
    document = sample_official_document("memo", recipient="행정안전부장관", via="기획조정실장")
    # WHEN rendered
    text = " ".join(pdf_text(render_official_pdf(document).pdf, tmp_path).split())
    # THEN 수신, (경유), 발신명의 and 관인생략 are printed
    assert "수신 행정안전부장관" in text
    assert "(경유) 기획조정실장" in text
    assert "도장특별시장 관인생략" in text


def test_an_internal_approval_has_no_sender(issued, tmp_path) -> None:
    # GIVEN the memo for internal approval (내부결재)
    text = pdf_text(issued["memo"][1].pdf, tmp_path)
    # THEN neither 발신명의 nor 관인생략 is printed, and the organisation is named in full
    assert "수신 내부결재" in " ".join(text.split())
    assert "도장특별시장" not in text
    assert "관인생략" not in text
    assert not re.search("도장시", text)


@pytest.mark.parametrize("kind", KINDS)
def test_the_contact_lines_follow_the_form(issued, kind, tmp_path) -> None:
    document, pdf = issued[kind]
    text = " ".join(pdf_text(pdf.pdf, tmp_path).split())
    issuer = document.issuer

    assert f"우편번호 {issuer.postcode} 주소 {issuer.address} / 홈페이지 {issuer.homepage}" in text
    assert (
        f"전화 {issuer.phone} 전송 {issuer.fax} / 전자우편 {issuer.email} / 공개구분 부분공개(6)"
        in text
    )
    assert "도장시" not in text


def test_items_are_indented_by_level_with_a_hanging_indent(issued, tmp_path) -> None:
    # GIVEN the memo's items 1. 가. 1) 가), item 2. wrapping over three lines
    path = tmp_path / "memo.pdf"
    path.write_bytes(issued["memo"][1].pdf)
    words = _words(path)
    # THEN each level starts 2타 (1em, 12pt) right of its parent
    left = {marker: _first(words, marker)[0] for marker in ("1.", "가.", "1)", "가)")}
    assert left["가."] - left["1."] == pytest.approx(12, abs=0.5)
    assert left["1)"] - left["가."] == pytest.approx(12, abs=0.5)
    assert left["가)"] - left["1)"] == pytest.approx(12, abs=0.5)
    # AND a wrapped line starts under the text after the marker, not under the marker
    text_after_marker = _first(words, "시민의")[0]
    wrapped = _first(words, "주시기")[0]
    assert wrapped == pytest.approx(text_after_marker, abs=2)


def _words(path: Path) -> list[tuple[float, float, str]]:
    result = subprocess.run(
        ["pdftotext", "-bbox", "-f", "1", "-l", "1", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    )
    return [
        (float(x), float(y), word)
        for x, y, word in re.findall(
            r'xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]+)<', result.stdout
        )
    ]


def _first(words: list[tuple[float, float, str]], word: str) -> tuple[float, float]:
    return next((x, y) for x, y, w in words if w == word)


@pytest.mark.parametrize("paragraphs", [2, 4, 5, 8, 11])
def test_the_last_page_holds_the_end_of_the_text_with_the_box(
    signing_dir, paragraphs, tmp_path
) -> None:
    # GIVEN a memo long enough for several pages, without attachments
    document = sample_official_document("memo", paragraphs=paragraphs, attachments=False)
    # WHEN rendered
    rendered = render_official_pdf(document)
    pages = pdf_pages(rendered.pdf, tmp_path)
    # THEN the last page has at least two lines of the body above the approval box
    assert rendered.pages == len(pages) > 1
    last = lines_of(pages[-1])
    box = last.index("주무관 팀장 과장")
    assert box >= 2
    assert last[box - 1] == "나) 기술 제안서의 세부 내용 끝."
    assert last[box - 2] == "가) 계약 단가와 산출 내역"
    assert all("주무관 팀장 과장" not in page for page in pages[:-1])


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
    signers = (document.drafter, *document.signers)
    assert [s["name"] for s in record["signers"]] == [s.name for s in signers]
    assert record["history"][-1]["action"] == "approve"


def test_a_proxy_of_a_delegated_approval_shows_both_marks_and_the_post_approval(
    signing_dir, tmp_path
) -> None:
    # GIVEN 과장 박성우's 전결 taken by his deputy 한지원 (대결), post-approved on 3/17
    document = sample_official_document("memo", proxy=True)
    # WHEN rendered
    lines = lines_of(pdf_text(render_official_pdf(document).pdf, tmp_path))
    # THEN the 과장 column shows 전결 and 대결, the deputy's name and date, then 후결
    assert "주무관 팀장 과장" in lines
    assert "전결 대결" in lines
    assert "김민지 이준호 한지원" in lines
    assert any(line.endswith("3/14") for line in lines)
    assert "후결 3/17 박성우" in lines


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
