"""The translated sentence of each reason a finding carries.

Kept apart from the scan, which runs without Django (the evaluation, the
benchmark); the sentences are resolved in the language active when read.
"""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from disclosure.detection.findings import Reason

REASON_TEXTS: dict[Reason, Promise] = {
    Reason.SHAPE: _("Its form is that of this kind of personal information."),
    Reason.LABEL: _("Its form, and the label before it, name this kind of personal information."),
    Reason.EMAIL: _("A private e-mail address (not a government or shared mailbox)."),
    Reason.SPELLED_EMAIL: _("An e-mail address spelled out with (at), [at] or 골뱅이."),
    Reason.KNOWN_NAME: _("The name of a private person the document's fields name."),
    Reason.NAME_AFTER_CUE: _(
        "A personal name after a word for a private person (민원인, 신청인, 청구인 …)."
    ),
    Reason.NAME_LABEL: _("A personal name after the label 성명 or 이름."),
    Reason.NAME_BEFORE_TITLE: _("A personal name before 씨, 님 or 귀하, not an official's."),
    Reason.NAME_REPEATED: _("A name found as a private person's elsewhere in the document."),
}


def reason_text(reason: Reason) -> str:
    """The sentence of ``reason`` in the active language."""
    return str(REASON_TEXTS[reason])
