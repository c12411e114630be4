"""The messages an app marks for translation, and the entries of its Korean catalogue.

Collected by reading the source (never by makemessages, which rewrites the
portal's catalogue): Python calls of _(), gettext(), gettext_lazy(), pgettext()
and their lazy and plural forms, and for the portal the {% translate %} and
{% blocktranslate %} tags of templates/. `python -m tests.support.messages APP`
prints the entries APP's catalogue lacks, as .po blocks to translate by hand.
"""

from __future__ import annotations

import ast
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BACKEND = ROOT / "backend"

# The folder of each catalogue and the sources whose messages it must hold. The
# project catalogue (backend/locale) holds the settings' messages and the
# overrides of DRF's own Korean, so nothing there is collected from sources.
CATALOGUES: dict[str, tuple[Path, tuple[Path, ...]]] = {
    **{app.name: (app, (app,)) for app in sorted(BACKEND.iterdir()) if (app / "apps.py").exists()},
    "portal": (BACKEND / "portal", (BACKEND / "portal", ROOT / "templates")),
    "workflows": (ROOT / "workflows", (ROOT / "workflows",)),
    "project": (BACKEND, (BACKEND / "config",)),
}

_SINGULAR = {"_", "gettext", "gettext_lazy", "gettext_noop", "_lazy"}
_CONTEXT = {"pgettext", "pgettext_lazy"}
_PLURAL = {"ngettext", "ngettext_lazy"}
_CONTEXT_PLURAL = {"npgettext", "npgettext_lazy"}

Key = tuple[str | None, str]  # (msgctxt, msgid)


@dataclass(frozen=True)
class Marked:
    context: str | None
    msgid: str
    plural: str | None
    where: str


def _literal(node: ast.expr) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _from_call(node: ast.Call, where: str) -> Marked | None:
    func = node.func
    name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
    args = [_literal(arg) for arg in node.args]
    if name in _SINGULAR and args and args[0] is not None:
        return Marked(None, args[0], None, where)
    if name in _CONTEXT and len(args) >= 2 and args[0] is not None and args[1] is not None:
        return Marked(args[0], args[1], None, where)
    if name in _PLURAL and len(args) >= 2 and args[0] is not None:
        return Marked(None, args[0], args[1], where)
    if name in _CONTEXT_PLURAL and len(args) >= 3 and args[0] is not None and args[1]:
        return Marked(args[0], args[1], args[2], where)
    return None


def _python(path: Path) -> list[Marked]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    where = str(path.relative_to(ROOT))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            marked = _from_call(node, f"{where}:{node.lineno}")
            if marked is not None:
                found.append(marked)
    return found


_TRANSLATE = re.compile(
    r"""{%\s*(?:translate|trans)\s+(?P<q>["'])(?P<id>.*?)(?P=q)"""
    r"""(?:\s+context\s+(?P<cq>["'])(?P<ctx>.*?)(?P=cq))?""",
)
_BLOCK = re.compile(
    r"{%\s*(?:blocktranslate|blocktrans)(?P<args>[^%]*)%}(?P<body>.*?)"
    r"(?:{%\s*plural\s*%}(?P<plural>.*?))?{%\s*(?:endblocktranslate|endblocktrans)\s*%}",
    re.S,
)
_VARIABLE = re.compile(r"{{\s*(\w+)[^}]*}}")
_FILTER_ARG = re.compile(r"""_\((?P<q>["'])(?P<id>.*?)(?P=q)\)""")


def _block_text(text: str, trimmed: bool) -> str:
    text = _VARIABLE.sub(r"%(\1)s", text)
    if trimmed:
        text = " ".join(line.strip() for line in text.strip().splitlines() if line.strip())
    return text


def _template(path: Path) -> list[Marked]:
    text = path.read_text(encoding="utf-8")
    where = str(path.relative_to(ROOT))
    found = [Marked(m["ctx"], m["id"], None, where) for m in _TRANSLATE.finditer(text)]
    found += [Marked(None, m["id"], None, where) for m in _FILTER_ARG.finditer(text)]
    for match in _BLOCK.finditer(text):
        args = match["args"]
        trimmed = "trimmed" in args
        context = re.search(r"""context\s+(["'])(.*?)\1""", args)
        plural = match["plural"]
        found.append(
            Marked(
                context[2] if context else None,
                _block_text(match["body"], trimmed),
                _block_text(plural, trimmed) if plural is not None else None,
                where,
            )
        )
    return found


def marked(name: str) -> dict[Key, Marked]:
    """Every message the sources of catalogue `name` mark, by (context, msgid)."""
    _, sources = CATALOGUES[name]
    found: dict[Key, Marked] = {}
    for source in sources:
        for path in sorted(source.rglob("*")):
            if "locale" in path.parts or "migrations" in path.parts:
                continue
            if path.suffix == ".py":
                items = _python(path)
            elif path.suffix in {".html", ".txt"}:
                items = _template(path)
            else:
                continue
            for item in items:
                found.setdefault((item.context, item.msgid), item)
    return found


def po_path(name: str) -> Path:
    folder, _ = CATALOGUES[name]
    return folder / "locale" / "ko" / "LC_MESSAGES" / "django.po"


_ENTRY = re.compile(
    r'^(?P<flags>(?:#.*\n)*)(?:msgctxt (?P<ctx>"(?:.*)"(?:\n".*")*)\n)?'
    r'msgid (?P<id>"(?:.*)"(?:\n".*")*)\n'
    r'(?:msgid_plural (?P<pid>"(?:.*)"(?:\n".*")*)\n)?'
    r'(?:msgstr (?P<str>"(?:.*)"(?:\n".*")*)'
    r'|(?P<plurals>(?:msgstr\[\d+\] "(?:.*)"(?:\n".*")*\n?)+))',
    re.M,
)


def _unquote(block: str) -> str:
    return "".join(ast.literal_eval(line) for line in block.splitlines() if line.strip())


@dataclass(frozen=True)
class Entry:
    context: str | None
    msgid: str
    plural: str | None
    msgstrs: tuple[str, ...]
    fuzzy: bool


def po_entries(path: Path) -> dict[Key, Entry]:
    """The entries of a .po file (the header left out), by (context, msgid)."""
    entries: dict[Key, Entry] = {}
    for match in _ENTRY.finditer(path.read_text(encoding="utf-8")):
        msgid = _unquote(match["id"])
        if not msgid:
            continue
        if match["str"] is not None:
            msgstrs: tuple[str, ...] = (_unquote(match["str"]),)
        else:
            parts = re.split(r"^msgstr\[\d+\] ", match["plurals"], flags=re.M)
            msgstrs = tuple(_unquote(part) for part in parts if part.strip())
        context = _unquote(match["ctx"]) if match["ctx"] else None
        fuzzy = any(
            line.startswith("#,") and "fuzzy" in line for line in match["flags"].splitlines()
        )
        plural = _unquote(match["pid"]) if match["pid"] else None
        entries[(context, msgid)] = Entry(context, msgid, plural, msgstrs, fuzzy)
    return entries


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def missing_blocks(name: str) -> str:
    """.po blocks for the messages catalogue `name` marks and lacks."""
    path = po_path(name)
    have = po_entries(path) if path.exists() else {}
    blocks = []
    for key, item in marked(name).items():
        if key in have:
            continue
        lines = [f"#: {item.where}"]
        if item.context is not None:
            lines.append(f"msgctxt {_quote(item.context)}")
        lines.append(f"msgid {_quote(item.msgid)}")
        if item.plural is not None:
            lines += [f"msgid_plural {_quote(item.plural)}", 'msgstr[0] ""']
        else:
            lines.append('msgstr ""')
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


if __name__ == "__main__":
    for app in sys.argv[1:]:
        print(missing_blocks(app))
