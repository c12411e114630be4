"""Bodies keep official formatting and lose everything that runs or reaches out."""

import pytest

from documents.sanitize import sanitize_body


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p>가<script>alert(1)</script></p>", "<p>가</p>"),
        ('<p onclick="steal()">가</p>', "<p>가</p>"),
        ('<img src="https://tracker.example/x.png">가', "가"),
        ('<a href="javascript:alert(1)">링크</a>', '<a rel="noopener noreferrer">링크</a>'),
        ('<p style="background:url(https://x)">가</p>', '<p style="">가</p>'),
        ("<iframe src=https://x></iframe><style>p{}</style>가", "가"),
        ("<svg><g onload=alert(1)></g></svg>가", "가"),
    ],
)
def test_dangerous_markup_is_removed(html: str, expected: str) -> None:
    assert sanitize_body(html) == expected


def test_official_formatting_is_kept() -> None:
    html = (
        '<h2 style="text-align:center">제목</h2><ol><li><strong>가</strong></li></ol>'
        '<table><tbody><tr><td colspan="2">칸</td></tr></tbody></table>'
        '<a href="https://seoul.go.kr" rel="noopener noreferrer">시</a>'
    )

    assert sanitize_body(html) == html


def cell(attributes: str) -> str:
    return f"<table><tbody><tr><td{attributes}>가</td></tr></tbody></table>"


@pytest.mark.parametrize(
    ("attributes", "kept"),
    [
        # One cell across 100,000 columns took WeasyPrint 75 s for a single page.
        (' colspan="100000"', ' colspan="100"'),
        (' colspan="3" rowspan="0"', ' colspan="3" rowspan="0"'),
        (' rowspan="99999999"', ' rowspan="65534"'),
        (' colspan="-5"', ' colspan="1"'),
        (' colspan="넓게"', ""),
    ],
)
def test_table_spans_are_held_to_what_a_table_can_lay_out(attributes: str, kept: str) -> None:
    assert sanitize_body(cell(attributes)) == cell(kept)


def test_column_group_spans_are_held_too() -> None:
    html = '<table><colgroup span="5000"><col span="5000"></colgroup></table>'

    assert sanitize_body(html) == '<table><colgroup span="100"><col span="100"></colgroup></table>'
