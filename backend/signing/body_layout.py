"""How the body of the official form is laid out: item levels and the end mark (끝.).

Rules of the 행정업무운영 편람 (행정업무의 운영 및 혁신에 관한 규정 시행규칙 제2조):

- an item's level is given by its marker, in this order: 1. / 가. / 1) / 가) /
  (1) / (가) / ① / ㉮. The marker is followed by one space (1타), which tells a
  marker from a number that opens a sentence ("1.5배", "2025. 3. 14."); a
  circled marker is one symbol and needs none;
- the first level starts at the left margin and each lower one 2타 further
  right than its parent; a wrapped line aligns with the text after the marker
  (hanging indent). The indents themselves are in templates/official/official.css
  (`item-1`..`item-8`, `item-wide` for a two-digit number): this module only
  names the level of each top-level paragraph;
- the text ends with two spaces and "끝." on its last line, inside the last
  paragraph (or list item); a body that is empty or ends with a table gets
  "끝." on a line of its own below it. With attachments, "끝." follows the last
  one instead (templates/official/base.html), and the body gets none.

The body is sanitized HTML (documents.sanitize), so its tags are balanced;
the text is never changed: an item paragraph's start tag is rebuilt with its
class (attributes kept, re-escaped) and the end mark is inserted before an end
tag; everything else is copied as is.
"""

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

# 가. 나. ... 하. then 거. 너. ... 허. once the fourteen run out (편람).
_HANGUL_MARKERS = "가나다라마바사아자차카타파하거너더러머버서어저처커터퍼허"
_SPACE_AFTER = r"(?=\s|$)"
# (level, pattern) in the 편람's order; the first that matches wins.
_MARKERS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (1, re.compile(rf"(\d{{1,3}})\.{_SPACE_AFTER}")),
    (2, re.compile(rf"[{_HANGUL_MARKERS}]\.{_SPACE_AFTER}")),
    (3, re.compile(rf"(\d{{1,3}})\){_SPACE_AFTER}")),
    (4, re.compile(rf"[{_HANGUL_MARKERS}]\){_SPACE_AFTER}")),
    (5, re.compile(rf"\((\d{{1,3}})\){_SPACE_AFTER}")),
    (6, re.compile(rf"\([{_HANGUL_MARKERS}]\){_SPACE_AFTER}")),
    # ①..⑳, ㉑..㉟, ㊱..㊿
    (7, re.compile("[\u2460-\u2473\u3251-\u325f\u32b1-\u32bf]")),
    # ㉮..㉻: the circled 가..하
    (8, re.compile("[\u326e-\u327b]")),
)
END_MARK = "끝."
# Two no-break spaces: the two spaces of the 편람 that neither collapse nor let
# "끝." wrap away from the word before it.
END_MARK_INLINE = f'<span class="end-mark">\u00a0\u00a0{END_MARK}</span>'
END_MARK_ALONE = f'<p class="end-mark end-mark-alone">{END_MARK}</p>'

_VOID = frozenset({"br", "hr", "img", "col", "wbr", "input", "meta", "link", "source"})
# Blocks "끝." goes into: the last of them that ends the body takes it.
_TEXT_BLOCKS = frozenset(
    {"p", "div", "li", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol"}
)
# Blocks after which "끝." stands on a line of its own.
_CLOSED_BLOCKS = frozenset({"table", "hr", "img"})
_BLOCKS = _TEXT_BLOCKS | _CLOSED_BLOCKS
# Top-level blocks that are paragraphs of the text and so may be items.
_ITEM_BLOCKS = frozenset({"p", "div"})


@dataclass(frozen=True, slots=True)
class ItemMarker:
    """The level (1 to 8) of an item and whether its number has two digits or more."""

    level: int
    wide: bool = False

    @property
    def css_class(self) -> str:
        return f"item-{self.level} item-wide" if self.wide else f"item-{self.level}"


def item_marker(text: str) -> ItemMarker | None:
    """The item marker that opens `text` (leading spaces ignored), or None for plain text."""
    stripped = text.lstrip()
    for level, pattern in _MARKERS:
        match = pattern.match(stripped)
        if match:
            number = match.group(1) if pattern.groups else ""
            return ItemMarker(level=level, wide=len(number) > 1)
    return None


def lay_out_body(body_html: str, *, end_mark: bool) -> str:
    """The body with each top-level item paragraph classed by level, and "끝." if `end_mark`."""
    laid_out = mark_items(body_html)
    return with_end_mark(laid_out) if end_mark else laid_out


def mark_items(body_html: str) -> str:
    """Add `item-N` (and `item-wide`) to each top-level paragraph that opens with a marker."""
    root = _parse(body_html)
    edits: list[tuple[int, int, str]] = []
    for node in root.elements():
        if node.tag not in _ITEM_BLOCKS or node.has_block_child():
            continue
        marker = item_marker(node.text())
        if marker is not None:
            edits.append((node.start, node.start_tag_end, node.start_tag_with(marker.css_class)))
    return _apply(body_html, edits)


def with_end_mark(body_html: str) -> str:
    """`body_html` ending with two spaces and "끝." on its last line (module rules)."""
    root = _parse(body_html)
    at = _end_mark_offset(root, len(body_html))
    if at is None:
        return body_html + END_MARK_ALONE
    return body_html[:at] + END_MARK_INLINE + body_html[at:]


def _end_mark_offset(node: "_Node", end: int) -> int | None:
    """Where "끝." goes inside `node` (whose content ends at `end`), or None for its own line.

    Trailing line breaks and empty paragraphs (an editor leaves them) are passed
    over, so the mark follows the last text, not a blank line.
    """
    cut = end
    for child in reversed(node.children):
        if isinstance(child, str):
            if child.strip():
                return cut
            continue
        if child.tag == "br" or (child.tag in _TEXT_BLOCKS and not child.has_text()):
            cut = child.start
            continue
        if child.tag in _CLOSED_BLOCKS:
            return None
        if child.tag in _TEXT_BLOCKS and child.end is not None:
            return _end_mark_offset(child, child.end)
        # An inline element (b, span, a...) ends the text: the mark follows it.
        return cut
    return None


@dataclass(eq=False, slots=True)
class _Node:
    """An element of the parsed body, with the offsets of its tags in the source."""

    tag: str
    attrs: list[tuple[str, str | None]] = field(default_factory=list)
    start: int = 0
    start_tag_end: int = 0
    end: int | None = None  # offset of its end tag; None while open or for a void element
    children: list["_Node | str"] = field(default_factory=list)

    def elements(self) -> list["_Node"]:
        return [child for child in self.children if isinstance(child, _Node)]

    def has_text(self) -> bool:
        return bool(self.text().strip())

    def has_block_child(self) -> bool:
        return any(child.tag in _BLOCKS for child in self.elements())

    def text(self) -> str:
        return "".join(child if isinstance(child, str) else child.text() for child in self.children)

    def start_tag_with(self, css_class: str) -> str:
        """The start tag rebuilt with `css_class` added to its class attribute."""
        attrs = [(name, value) for name, value in self.attrs if name != "class"]
        classes = " ".join(
            [value for name, value in self.attrs if name == "class" and value] + [css_class]
        )
        rendered = "".join(
            f' {name}="{html.escape(value or "", quote=True)}"'
            for name, value in [*attrs, ("class", classes)]
        )
        return f"<{self.tag}{rendered}>"


class _TreeBuilder(HTMLParser):
    """A tree of `_Node` keeping where each tag starts and ends in the source."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self.root = _Node(tag="#root")
        self._stack = [self.root]

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self._offset()
        raw = self.get_starttag_text() or ""
        node = _Node(tag=tag, attrs=attrs, start=start, start_tag_end=start + len(raw))
        self._stack[-1].children.append(node)
        if tag not in _VOID:
            self._stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self._offset()
        raw = self.get_starttag_text() or ""
        node = _Node(tag=tag, attrs=attrs, start=start, start_tag_end=start + len(raw))
        self._stack[-1].children.append(node)

    def handle_endtag(self, tag: str) -> None:
        # Close up to the matching open element; a stray end tag closes nothing.
        for depth in range(len(self._stack) - 1, 0, -1):
            if self._stack[depth].tag == tag:
                self._stack[depth].end = self._offset()
                del self._stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self._stack[-1].children.append(data)


def _parse(body_html: str) -> _Node:
    builder = _TreeBuilder(body_html)
    builder.feed(body_html)
    builder.close()
    return builder.root


def _apply(source: str, edits: list[tuple[int, int, str]]) -> str:
    """`source` with each (start, end, replacement) applied; edits do not overlap."""
    pieces: list[str] = []
    position = 0
    for start, end, replacement in sorted(edits):
        pieces += [source[position:start], replacement]
        position = end
    pieces.append(source[position:])
    return "".join(pieces)
