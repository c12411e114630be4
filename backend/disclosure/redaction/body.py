"""The body of a document as paragraphs of plain text, and its tokens for rebuilding.

Rules:
- the body is sanitized HTML (documents.sanitize); it is read into a flat list of
  tokens: start and end of the tags the public version keeps, and text runs;
- a paragraph is the innermost block element holding text (p, li, td, h1 ...);
  text outside any block forms a paragraph of its own;
- whitespace runs become one space, and a paragraph's leading and trailing
  spaces are dropped, so the plain text is what a reader sees; ``<br>`` is "\\n";
- the plain text of the body is its paragraphs joined by "\\n", and every text
  token knows its offset in it: character spans over the plain text map back
  to the tokens exactly, which is what lets redaction remove the characters.

Nothing from the source HTML is copied except text: attributes (href, title,
style) are never read into tokens, so they cannot carry removed text out.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

BLOCK_TAGS = frozenset(
    {"p", "div", "li", "td", "th", "caption", "pre", "blockquote"} | {f"h{n}" for n in range(1, 7)}
)
# Tags the public HTML keeps (without attributes); others are unwrapped.
KEPT_TAGS = BLOCK_TAGS | frozenset(
    {"ul", "ol", "table", "thead", "tbody", "tfoot", "tr", "strong", "b", "em", "i", "u"}
    | {"s", "del", "ins", "sub", "sup", "code", "hr", "br"}
)
VOID_TAGS = frozenset({"br", "hr", "col", "img", "wbr"})
_SPACES = re.compile(r"\s+")


@dataclass(slots=True)
class Token:
    """A tag ("start"/"end"/"void") or a text run ("text") at ``offset`` of the plain text."""

    type: str
    value: str
    paragraph: int = -1
    offset: int = 0


@dataclass(slots=True)
class Paragraph:
    index: int
    start: int
    end: int
    text: str

    @property
    def fingerprint(self) -> str:
        return paragraph_fingerprint(self.text)


@dataclass(slots=True)
class Body:
    """The parsed body: tokens, paragraphs and the plain text they make."""

    tokens: list[Token] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs)


def paragraph_fingerprint(text: str) -> str:
    """The SHA-256 of a paragraph's text with spacing normalised (its stable id)."""
    return hashlib.sha256(_SPACES.sub(" ", text).strip().encode("utf-8")).hexdigest()


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tokens: list[Token] = []
        self.runs: list[list[Token]] = []  # text tokens of each paragraph
        self.open_blocks = 0
        self.current: list[Token] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID_TAGS:
            self._void(tag)
            return
        if tag in BLOCK_TAGS:
            self._close_paragraph()
            self.open_blocks += 1
        if tag in KEPT_TAGS:
            self.tokens.append(Token("start", tag))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID_TAGS:
            return
        if tag in BLOCK_TAGS:
            self._close_paragraph()
            self.open_blocks = max(0, self.open_blocks - 1)
        if tag in KEPT_TAGS:
            self.tokens.append(Token("end", tag))

    def handle_data(self, data: str) -> None:
        text = _SPACES.sub(" ", data)
        paragraph = self._paragraph()
        if not paragraph or paragraph[-1].value.endswith(("\n", " ")):
            text = text.lstrip(" ")
        if not text:
            return
        token = Token("text", text)
        paragraph.append(token)
        self.tokens.append(token)

    def _void(self, tag: str) -> None:
        if tag == "br":
            token = Token("text", "\n")
            self._paragraph().append(token)
            self.tokens.append(token)
        elif tag == "hr":
            self._close_paragraph()
            self.tokens.append(Token("void", tag))
        # img, col, wbr: nothing public (an image's alt text is not copied).

    def _paragraph(self) -> list[Token]:
        if self.current is None:
            self.current = []
        return self.current

    def _close_paragraph(self) -> None:
        if self.current is None:
            return
        while self.current and self.current[-1].value.strip(" \n") == "":
            self.current.pop().value = ""
        if self.current:
            self.current[-1].value = self.current[-1].value.rstrip(" \n")
            self.runs.append(self.current)
        self.current = None

    def close(self) -> None:
        super().close()
        self._close_paragraph()


def parse_body(html: str) -> Body:
    """Read sanitized HTML into tokens and paragraphs (see the module's rules)."""
    reader = _Reader()
    reader.feed(html)
    reader.close()
    body = Body()
    offset = 0
    for index, run in enumerate(reader.runs):
        start = offset
        for token in run:
            token.paragraph = index
            token.offset = offset
            offset += len(token.value)
        text = "".join(t.value for t in run)
        body.paragraphs.append(Paragraph(index=index, start=start, end=offset, text=text))
        offset += 1  # the "\n" between paragraphs
    body.tokens = [t for t in reader.tokens if t.type != "text" or t.value]
    return body
