"""Tracked changes between two versions: the body word by word, and changed fields.

The body's HTML is reduced to its text, one paragraph per block element, then split
into words and the whitespace between them; difflib's SequenceMatcher finds what was
kept, inserted and deleted. Adjacent pieces of the same kind are merged, so a reader
sees runs like a word processor's tracked changes.
"""

import difflib
import html
import re
from typing import Any

import nh3

BLOCK_TAGS = re.compile(r"</?(?:p|div|li|h[1-6]|tr|table|blockquote|pre|ul|ol)\b[^>]*>|<br\s*/?>")
TOKENS = re.compile(r"\n|[^\S\n]+|[^\s]+")


def body_text(body: str) -> str:
    """The readable text of a sanitized body, block elements as line breaks."""
    marked = BLOCK_TAGS.sub("\n", body)
    text = html.unescape(nh3.clean(marked, tags=set()))
    lines = [line.strip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line)


def _append(ops: list[dict[str, str]], op: str, text: str) -> None:
    if not text:
        return
    if ops and ops[-1]["op"] == op:
        ops[-1]["text"] += text
    else:
        ops.append({"op": op, "text": text})


def text_diff(old: str, new: str) -> list[dict[str, str]]:
    """[{op: equal|insert|delete, text}] turning `old` into `new`, by words."""
    before, after = TOKENS.findall(old), TOKENS.findall(new)
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    ops: list[dict[str, str]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            _append(ops, "equal", "".join(before[i1:i2]))
            continue
        _append(ops, "delete", "".join(before[i1:i2]))
        _append(ops, "insert", "".join(after[j1:j2]))
    return ops


def _flat(content: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in content.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flat(value, f"{name}."))
        else:
            flat[name] = value
    return flat


def version_diff(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """The body's tracked changes and every other field whose value changed."""
    before = _flat({k: v for k, v in old.items() if k != "body"})
    after = _flat({k: v for k, v in new.items() if k != "body"})
    fields = [
        {"field": name, "old": before.get(name), "new": after.get(name)}
        for name in sorted(set(before) | set(after))
        if before.get(name) != after.get(name)
    ]
    body = text_diff(body_text(old.get("body", "")), body_text(new.get("body", "")))
    return {"body": body, "changes": fields}
