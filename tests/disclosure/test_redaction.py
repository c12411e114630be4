"""Redaction removes the text: the body as paragraphs, spans applied, HTML generated."""

import pytest

from disclosure.redaction import (
    FieldSpan,
    Span,
    VersionTexts,
    is_private_payee,
    merge_spans,
    paragraph_fingerprint,
    parse_body,
    public_version,
    redact_text,
)
from disclosure.redaction.apply import redact_body


def test_plain_text_is_paragraphs_with_normalised_spaces():
    # GIVEN a body with blocks, inline tags, entities, line breaks and an image
    html = (
        "<p>  첫째   줄 &amp; <b>굵게</b> </p>\n<ul><li>하나</li><li>둘<br>셋</li></ul>"
        '<img alt="비밀 이름">끝'
    )
    # WHEN it is parsed
    body = parse_body(html)
    # THEN the plain text is what a reader sees, one paragraph per line, no alt text
    assert body.text == "첫째 줄 & 굵게\n하나\n둘\n셋\n끝"
    assert [p.text for p in body.paragraphs] == ["첫째 줄 & 굵게", "하나", "둘\n셋", "끝"]
    assert "비밀" not in body.text
    # AND every paragraph's span points at its text
    for paragraph in body.paragraphs:
        assert body.text[paragraph.start : paragraph.end] == paragraph.text


def test_spans_merge_and_keep_the_smallest_ground():
    assert merge_spans([Span(5, 8, 6), Span(0, 3, 5), Span(2, 6, 7)]) == [Span(0, 8, 5)]
    assert merge_spans([Span(0, 2, 6), Span(4, 6, 6)]) == [Span(0, 2, 6), Span(4, 6, 6)]


def test_redact_text_replaces_each_span_once():
    assert redact_text("전화 010-1234-5678 입니다", [Span(3, 16, 6)]) == "전화 [비공개(6)] 입니다"
    assert redact_text("abcdef", [Span(0, 6, 4)]) == "[비공개(4)]"
    assert redact_text("abcdef", []) == "abcdef"


def test_a_span_across_inline_tags_and_paragraphs_leaves_no_character():
    # GIVEN a secret split by an inline tag and running into the next paragraph
    html = (
        '<p>이름 <b>홍길</b>동 님</p><p><a href="mailto:a@b.kr" title="홍길동">홍길동</a> 연락</p>'
    )
    body = parse_body(html)
    start = body.text.index("홍길")
    second = body.text.index("홍길동", start + 1)
    # WHEN both occurrences are redacted, the first by a span that crosses into paragraph 2
    result = redact_body(body, [Span(start, start + 3, 6), Span(second, second + 3, 6)], {})
    # THEN neither the text nor the HTML (attributes included) holds the name
    assert "홍" not in result.text
    assert "길" not in result.text
    assert "홍" not in result.html
    assert "mailto" not in result.html
    assert "title" not in result.html
    assert result.text == "이름 [비공개(6)] 님\n[비공개(6)] 연락"
    assert result.html == "<p>이름 <b>[비공개(6)]</b> 님</p><p>[비공개(6)] 연락</p>"


def test_a_withheld_paragraph_is_replaced_whole():
    body = parse_body("<p>공개 문단</p><p>협상 중인 <i>가격</i> 120만원</p><p>끝</p>")
    result = redact_body(body, [], {1: 5})
    assert result.text == "공개 문단\n[비공개(5) 부분]\n끝"
    assert result.html == "<p>공개 문단</p><p>[비공개(5) 부분]<i></i></p><p>끝</p>"


def test_generated_html_escapes_text_and_drops_attributes():
    body = parse_body('<p style="color:red" onclick="x()">a &lt;script&gt; b</p>')
    result = redact_body(body, [], {})
    assert result.html == "<p>a &lt;script&gt; b</p>"


def test_fingerprint_ignores_spacing():
    assert paragraph_fingerprint("a  b ") == paragraph_fingerprint("a b")
    assert paragraph_fingerprint("a b") != paragraph_fingerprint("a c")


@pytest.mark.parametrize(
    ("payee", "private"),
    [
        ("홍길동", True),
        ("김철수(개인)", True),
        ("(주)한빛정보", False),
        ("도장시설관리공단", False),
        ("Acme Inc", False),
        ("한빛상사", False),
        ("", False),
    ],
)
def test_private_payee(payee, private):
    assert is_private_payee(payee) is private


def _content(**fields: object) -> dict[str, object]:
    return {
        "kind": "budget",
        "title": "물품 구입",
        "body": "<p>지급 대상 홍길동에게 지급</p>",
        "recipient": "내부결재",
        "fields": {"payee": "홍길동(개인)", "purpose": "수당 지급", **fields},
    }


def test_version_texts_give_fields_private_names_and_offsets():
    texts = VersionTexts(_content())
    assert list(texts.fields) == ["title", "recipient", "body", "payee", "purpose"]
    assert texts.private_fields() == ("payee",)
    assert texts.private_names() == ("홍길동",)
    start = texts.joined.index("홍길동")
    located = texts.locate(start, start + 3)
    assert located is not None
    assert (located.field, located.start, located.end) == ("body", 6, 9)


def test_public_version_applies_spans_per_field():
    texts = VersionTexts(_content())
    public = public_version(
        texts, [FieldSpan("payee", 0, 7, 6), FieldSpan("body", 6, 9, 6)], withheld={}
    )
    assert public.fields["payee"] == "[비공개(6)]"
    assert "홍길동" not in public.text
    assert "홍길동" not in public.html
    assert public.title == "물품 구입"
    assert "지급 대상: [비공개(6)]" in public.text
