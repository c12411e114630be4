"""The rich-text allow-list of an official document body.

Bodies are sanitized on input, so what is stored, versioned, hashed and rendered is
already safe. The allow-list keeps what official documents use (paragraphs,
headings, lists, tables, emphasis, links) and drops everything that runs code or
reaches out: scripts, styles, event handlers, forms, frames and every image (an
external image would leak who opened the document; embedded images are attachments).
"""

from html.parser import HTMLParser

import nh3

ALLOWED_TAGS = frozenset(
    {
        "a",
        "b",
        "blockquote",
        "br",
        "caption",
        "code",
        "col",
        "colgroup",
        "del",
        "div",
        "em",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "i",
        "ins",
        "li",
        "ol",
        "p",
        "pre",
        "s",
        "span",
        "strong",
        "sub",
        "sup",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "u",
        "ul",
    }
)
ALLOWED_ATTRIBUTES: dict[str, set[str]] = {
    "a": {"href", "title"},
    "ol": {"start", "type"},
    "td": {"colspan", "rowspan", "style"},
    "th": {"colspan", "rowspan", "scope", "style"},
    "col": {"span"},
    "colgroup": {"span"},
    "p": {"style"},
    "div": {"style"},
    "span": {"style"},
    "h1": {"style"},
    "h2": {"style"},
    "h3": {"style"},
}
# Layout only: no property that can load a URL (background, content, list-style-image).
ALLOWED_STYLE_PROPERTIES = frozenset(
    {"text-align", "font-weight", "font-style", "text-decoration", "vertical-align"}
)
URL_SCHEMES = frozenset({"http", "https", "mailto"})
# Removed with their content, not just unwrapped: their text is code, not prose.
DROPPED_WITH_CONTENT = frozenset({"script", "style", "iframe", "object", "embed", "template"})


def sanitize_body(html: str) -> str:
    """The body with only allow-listed tags, attributes, styles and URL schemes."""
    return nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        clean_content_tags=set(DROPPED_WITH_CONTENT),
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=set(URL_SCHEMES),
        filter_style_properties=set(ALLOWED_STYLE_PROPERTIES),
        link_rel="noopener noreferrer",
        strip_comments=True,
    ).strip()


# Elements without an end tag: they never hold others, so they add no depth.
VOID_TAGS = frozenset({"br", "hr", "col"})


class _DepthCounter(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.depth = 0
        self.deepest = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID_TAGS:
            return
        self.depth += 1
        self.deepest = max(self.deepest, self.depth)

    def handle_endtag(self, tag: str) -> None:
        if tag not in VOID_TAGS:
            self.depth = max(self.depth - 1, 0)


def body_depth(html: str) -> int:
    """How many elements deep a sanitized body nests at its deepest (`<p>가</p>` is 1).

    Sanitized bodies are balanced (nh3 serialises a tree), so counting start and end
    tags measures the tree.
    """
    counter = _DepthCounter()
    counter.feed(html)
    counter.close()
    return counter.deepest
