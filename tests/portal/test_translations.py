"""The compiled Korean catalogue is the .po file's translations, all of them filled.

Django reads only the .mo; this fails when the .po was edited without
`manage.py compilemessages`, or a msgid was left untranslated.
"""

import ast
import gettext
import re
from pathlib import Path

import portal

LOCALE = Path(portal.__file__).parent / "locale" / "ko" / "LC_MESSAGES"
ENTRY = re.compile(
    r'^(?:msgctxt (?P<ctx>".*")\n)?msgid (?P<id>".*")\n'
    r'(?:msgid_plural ".*"\n)?(?:msgstr (?P<str>".*")|msgstr\[0\] (?P<plural>".*"))$',
    re.M,
)


def _entries() -> list[tuple[str | None, str, str]]:
    text = (LOCALE / "django.po").read_text(encoding="utf-8")
    found = []
    for match in ENTRY.finditer(text):
        msgid = ast.literal_eval(match["id"])
        if not msgid:
            continue
        ctx = ast.literal_eval(match["ctx"]) if match["ctx"] else None
        found.append((ctx, msgid, ast.literal_eval(match["str"] or match["plural"])))
    return found


def test_every_message_is_translated_and_compiled():
    entries = _entries()
    assert len(entries) > 100
    with (LOCALE / "django.mo").open("rb") as handle:
        catalogue = gettext.GNUTranslations(handle)
    for ctx, msgid, msgstr in entries:
        assert msgstr, f"untranslated: {msgid}"
        compiled = catalogue.pgettext(ctx, msgid) if ctx else catalogue.gettext(msgid)
        assert compiled == msgstr, f"stale .mo for {msgid}"
