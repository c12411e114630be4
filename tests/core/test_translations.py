"""Every catalogue holds every message its app marks, translated, and compiled.

Django reads only the .mo: a .po edited without `compilemessages`, a msgid left
untranslated or fuzzy, or a message marked in the code that no catalogue holds,
all show English (or nothing) to a Korean user. The messages are collected from
the source (tests.support.messages), the same way the catalogues were filled.
"""

import gettext
import re
from pathlib import Path

import django
import pytest
import rest_framework

from tests.support.messages import CATALOGUES, marked, po_entries, po_path

PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w+(?::[^}]*)?\}")


@pytest.mark.parametrize("name", sorted(CATALOGUES))
def test_every_marked_message_is_in_the_catalogue(name: str) -> None:
    entries = po_entries(po_path(name))

    lacking = [msgid for key, msgid in ((k, k[1]) for k in marked(name)) if key not in entries]

    assert not lacking, f"{po_path(name)} lacks: {lacking}"


@pytest.mark.parametrize("name", sorted(CATALOGUES))
def test_every_entry_is_translated_and_compiled(name: str) -> None:
    path = po_path(name)
    entries = po_entries(path)
    with path.with_suffix(".mo").open("rb") as handle:
        catalogue = gettext.GNUTranslations(handle)

    for (context, msgid), entry in entries.items():
        assert not entry.fuzzy, f"fuzzy in {path}: {msgid}"
        assert all(entry.msgstrs), f"untranslated in {path}: {msgid}"
        if entry.plural is not None:
            compiled = catalogue.ngettext(msgid, entry.plural, 2)
        elif context is not None:
            compiled = catalogue.pgettext(context, msgid)
        else:
            compiled = catalogue.gettext(msgid)
        assert compiled == entry.msgstrs[0], f"stale {path.with_suffix('.mo')}: {msgid}"


@pytest.mark.parametrize("name", sorted(CATALOGUES))
def test_translations_keep_every_placeholder(name: str) -> None:
    for (_, msgid), entry in po_entries(po_path(name)).items():
        # Korean has one plural form, the English plural's: it names the count.
        expected = sorted(PLACEHOLDER.findall(entry.plural or msgid))
        for msgstr in entry.msgstrs:
            assert sorted(PLACEHOLDER.findall(msgstr)) == expected, f"{name}: {msgid}"


def test_the_collector_sees_the_marks_of_python_and_templates() -> None:
    # A collector that found nothing would pass the tests above for every app.
    portal = marked("portal")

    assert (None, "Signature intact") in portal  # {% translate %} in templates/portal
    assert ("disclosure level", "Partially open") in marked("core")  # pgettext_lazy
    assert (None, "The drafter cannot be on their own line.") in marked("approvals")


def test_every_override_of_drf_and_django_rewords_a_message_they_have() -> None:
    # An upgrade that rewords a message would leave our Korean unused, silently.
    theirs: set[object] = set()
    for mo in (
        Path(rest_framework.__file__).parent / "locale/ko_KR/LC_MESSAGES/django.mo",
        Path(django.__file__).parent / "conf/locale/ko/LC_MESSAGES/django.mo",
    ):
        with mo.open("rb") as handle:
            theirs |= set(gettext.GNUTranslations(handle)._catalog)  # type: ignore[attr-defined]
    ours = po_entries(po_path("project"))
    settings_messages = set(marked("project"))

    overrides = [key for key in ours if key not in settings_messages]

    assert len(overrides) > 50
    assert [msgid for _, msgid in overrides if msgid not in theirs] == []
