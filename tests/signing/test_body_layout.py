"""The body of the 기안문: item levels by marker, "끝." placement, and unit + title."""

import html
import re

import pytest

from signing.body_layout import (
    END_MARK_ALONE,
    END_MARK_INLINE,
    ItemMarker,
    item_marker,
    lay_out_body,
    mark_items,
    with_end_mark,
)
from signing.formatting import unit_title


def visible_text(fragment: str) -> str:
    """The text a reader sees, tags dropped and entities read."""
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("1. 관련: 운영 지침", 1),
        ("12. 열두째 항목", 1),
        ("가. 공개 대상", 2),
        ("하. 열넷째", 2),
        ("거. 열다섯째", 2),
        ("1) 개인정보", 3),
        ("가) 계약 단가", 4),
        ("(1) 다섯째", 5),
        ("(가) 여섯째", 6),
        ("① 일곱째", 7),
        ("⑮열다섯째, 띄어 쓰지 않아도", 7),
        ("㉮ 여덟째", 8),
        ("  \u00a0나. 앞의 공백은 세지 않는다", 2),
        ("3.\u00a0줄바꿈 없는 공백", 1),
    ],
)
def test_each_marker_of_the_handbook_names_its_level(text: str, level: int) -> None:
    marker = item_marker(text)
    assert marker is not None
    assert marker.level == level


@pytest.mark.parametrize(
    "text",
    [
        "2025. 3. 14. 시행한 계획에 따라",  # a date opens the sentence
        "1.5배 증가하였다",  # a decimal, not a marker
        "3.1절 기념식",
        "가나다 순으로",
        "끝.",
        "본문입니다.",
        "",
        "(주)한빛정보와 계약",
    ],
)
def test_text_that_only_looks_like_a_marker_is_plain(text: str) -> None:
    assert item_marker(text) is None


def test_a_two_digit_number_is_wide() -> None:
    assert item_marker("10. 열째") == ItemMarker(level=1, wide=True)
    assert item_marker("(11) 열한째") == ItemMarker(level=5, wide=True)
    assert item_marker("9. 아홉째") == ItemMarker(level=1, wide=False)


def test_top_level_paragraphs_get_their_level_class_and_keep_their_text() -> None:
    # GIVEN a sanitized body of four levels, one paragraph aligned and one bold
    body = (
        "<p>1. 관련</p>"
        '<p style="text-align: center;">가. 세부 &amp; 내용</p>'
        "<p><b>1)</b> 굵은 표지</p>"
        "<p>가) 넷째</p>"
        "<p>본문 문장</p>"
    )
    # WHEN items are marked
    marked = mark_items(body)
    # THEN each item paragraph carries its level, the rest is untouched
    assert marked == (
        '<p class="item-1">1. 관련</p>'
        '<p style="text-align: center;" class="item-2">가. 세부 &amp; 내용</p>'
        '<p class="item-3"><b>1)</b> 굵은 표지</p>'
        '<p class="item-4">가) 넷째</p>'
        "<p>본문 문장</p>"
    )
    assert visible_text(marked) == visible_text(body)


def test_only_top_level_paragraphs_are_classified() -> None:
    body = "<ul><li>1. 목록 안</li></ul><table><tr><td>1. 표 안</td></tr></table>"
    assert mark_items(body) == body


def test_end_mark_goes_on_the_last_line_of_the_last_paragraph() -> None:
    body = "<p>1. 관련</p><p>2. 검토하여 주시기 바랍니다.</p>"

    result = with_end_mark(body)

    assert result == f"<p>1. 관련</p><p>2. 검토하여 주시기 바랍니다.{END_MARK_INLINE}</p>"
    assert visible_text(result).endswith("바랍니다.\u00a0\u00a0끝.")


def test_end_mark_follows_inline_text_and_skips_trailing_blank_lines() -> None:
    body = "<p>마지막 <b>문장</b>입니다.<br></p><p></p>\n"

    result = with_end_mark(body)

    assert result.startswith(f"<p>마지막 <b>문장</b>입니다.{END_MARK_INLINE}<br></p>")


def test_end_mark_goes_into_the_last_item_of_a_closing_list() -> None:
    body = "<p>다음과 같다.</p><ol><li>첫째</li><li><p>둘째</p></li></ol>"

    assert with_end_mark(body) == (
        f"<p>다음과 같다.</p><ol><li>첫째</li><li><p>둘째{END_MARK_INLINE}</p></li></ol>"
    )


@pytest.mark.parametrize("body", ["", "  ", "<p>표:</p><table><tr><td>가</td></tr></table>"])
def test_an_empty_body_or_one_ending_with_a_table_gets_end_mark_alone(body: str) -> None:
    assert with_end_mark(body) == body + END_MARK_ALONE


def test_bare_text_gets_the_end_mark_after_it() -> None:
    assert with_end_mark("본문만 있다") == f"본문만 있다{END_MARK_INLINE}"


def test_lay_out_body_marks_items_and_adds_the_end_mark_only_when_asked() -> None:
    body = "<p>1. 관련</p><p>가. 세부</p>"

    assert lay_out_body(body, end_mark=True) == (
        f'<p class="item-1">1. 관련</p><p class="item-2">가. 세부{END_MARK_INLINE}</p>'
    )
    assert "끝." not in lay_out_body(body, end_mark=False)


def test_an_attribute_with_markup_characters_is_kept_escaped() -> None:
    body = '<p title="a &quot;b&quot; &lt;c&gt;">1. 항목</p>'

    assert mark_items(body) == '<p title="a &quot;b&quot; &lt;c&gt;" class="item-1">1. 항목</p>'


@pytest.mark.parametrize(
    ("unit", "title", "shown"),
    [
        ("인사과", "과장", "인사과장"),
        ("예산총괄팀", "팀장", "예산총괄팀장"),
        ("기획조정실", "실장", "기획조정실장"),
        ("정보화담당관", "담당관", "정보화담당관"),
        ("예산팀", "주무관", "예산팀 주무관"),
        ("인사과", "팀장", "인사과 팀장"),
        ("", "과장", "과장"),
        ("인사과", "", "인사과"),
    ],
)
def test_a_consultee_is_named_by_unit_and_title(unit: str, title: str, shown: str) -> None:
    assert unit_title(unit, title) == shown
