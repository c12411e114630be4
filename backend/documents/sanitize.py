"""The rich-text allow-list of an official document body.

Bodies are sanitized on input, so what is stored, versioned, hashed and rendered is
already safe. The allow-list keeps what official documents use (paragraphs,
headings, lists, tables, emphasis, links) and drops everything that runs code or
reaches out: scripts, styles, event handlers, forms, frames and every image (an
external image would leak who opened the document; embedded images are attachments).
"""

import re

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


# The widest spans kept. WeasyPrint lays a table out on its full grid: one cell spanning
# 100,000 columns took 75 s for a single page (past the render timeout, which is only
# checked between pages), 200 rows spanning 1,000 took 22 s. No official table has
# more than a few dozen columns; rowspans cost little, and are held to what HTML
# itself allows.
SPAN_LIMITS = {"colspan": 100, "span": 100, "rowspan": 65534}


def _span_filter(tag: str, attribute: str, value: str) -> str | None:
    """Spans as integers within SPAN_LIMITS; any other attribute as it is."""
    limit = SPAN_LIMITS.get(attribute)
    if limit is None:
        return value
    try:
        span = int(value.strip())
    except ValueError:
        return None  # what browsers read as 1
    lowest = 0 if attribute == "rowspan" else 1  # rowspan="0": to the end of its group
    return str(min(max(span, lowest), limit))


def sanitize_body(html: str) -> str:
    """The body with only allow-listed tags, attributes, styles and URL schemes, and
    table spans within SPAN_LIMITS."""
    return nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        clean_content_tags=set(DROPPED_WITH_CONTENT),
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=_span_filter,
        url_schemes=set(URL_SCHEMES),
        filter_style_properties=set(ALLOWED_STYLE_PROPERTIES),
        link_rel="noopener noreferrer",
        strip_comments=True,
    ).strip()


# Elements without an end tag: they never hold others, so they add no depth.
VOID_TAGS = frozenset({"br", "hr", "col"})
# A start or end tag of serialised HTML; quoted attribute values may hold ">" or "<".
_TAG = re.compile(r"""<(/?)([a-zA-Z][a-zA-Z0-9]*)(?:[^>"']|"[^"]*"|'[^']*')*>""")


def body_depth(html: str) -> int:
    """How many elements deep a sanitized body nests at its deepest (`<p>가</p>` is 1).

    Sanitized bodies are balanced and escape "<" in text (nh3 serialises a tree), so
    counting start and end tags measures the tree.
    """
    depth = deepest = 0
    for match in _TAG.finditer(html):
        if match.group(2).lower() in VOID_TAGS:
            continue
        if match.group(1):
            depth = max(depth - 1, 0)
        else:
            depth += 1
            deepest = max(deepest, depth)
    return deepest
