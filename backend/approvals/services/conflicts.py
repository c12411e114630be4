"""The conflict answer of a task someone already acted on: who acted first.

A person on the document's line (its drafter, or anyone a step of it was assigned to
or taken by) already sees the whole line, so the conflict names who took the step
first, with their position, what they did and when (`acted_by`), and says it in a
sentence ("김민수 팀장이 먼저 결재했습니다."). Anyone else gets the plain conflict: no
name leaves the line. A step closed by a return, a recall or a withdrawal names the
person who closed it.
"""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext, pgettext_lazy

from approvals.models import ApprovalStep, StepStatus
from approvals.progress import ACTED_STATUSES
from core.errors import ConflictError
from directory.models import Person
from documents.models import Document, DocumentStatus

DEFAULT_DETAIL = _("Someone has already acted on this step. Reload and try again.")


class TaskTakenError(ConflictError):
    """A conflict that names who acted first (`acted_by`, added to the error body)."""

    def __init__(self, detail: str, *, acted_by: dict[str, Any]) -> None:
        super().__init__(detail)
        self.body_extra = {"acted_by": acted_by}


@dataclass(frozen=True, slots=True)
class FirstAction:
    person: Person
    action: str
    acted_at: datetime | None


def step_conflict(step_id: int, *, actor: Person, detail: Any = DEFAULT_DETAIL) -> ConflictError:
    """The conflict to raise for `actor` on a step that is no longer open (see module)."""
    step = (
        ApprovalStep.objects.select_related("stage__document", "acted_by__position")
        .filter(pk=step_id)
        .first()
    )
    if step is None or not on_line(step.stage.document, person=actor):
        return ConflictError(detail)
    first = _first_action(step)
    if first is None:
        return ConflictError(detail)
    return TaskTakenError(_sentence(first), acted_by=_acted_by(first))


def on_line(document: Document, *, person: Person) -> bool:
    """Whether `person` drafted the document or holds (or took) a step of its line."""
    if document.drafter_id == person.pk:
        return True
    return ApprovalStep.objects.filter(
        Q(assignee=person) | Q(acted_by=person), stage__document=document
    ).exists()


def _first_action(step: ApprovalStep) -> FirstAction | None:
    if step.status in ACTED_STATUSES and step.acted_by is not None:
        return FirstAction(step.acted_by, step.status, step.acted_at)
    if step.status != StepStatus.SKIPPED:
        return None
    document = step.stage.document
    returned = (
        ApprovalStep.objects.filter(
            stage__document=document, stage__round=step.stage.round, status=StepStatus.RETURNED
        )
        .exclude(acted_by=None)
        .select_related("acted_by__position")
        .order_by("-acted_at")
        .first()
    )
    if returned is not None and returned.acted_by is not None:
        return FirstAction(returned.acted_by, StepStatus.RETURNED, returned.acted_at)
    closing: dict[str, str] = {
        DocumentStatus.DRAFT: "recalled",
        DocumentStatus.WITHDRAWN: "withdrawn",
    }
    if document.status in closing:
        drafter = Person.objects.select_related("position").get(pk=document.drafter_id)
        return FirstAction(drafter, closing[document.status], document.updated_at)
    return None


def _display(person: Person) -> tuple[str, str]:
    """Name and position as the reader's language has them (English if known)."""
    english = translation.get_language() == "en"
    name = (person.name_en if english else "") or person.name
    position = person.position
    title = ((position.title_en if english else "") or position.title) if position else ""
    return name, title


def _acted_by(first: FirstAction) -> dict[str, Any]:
    name, position = _display(first.person)
    # In local time with its offset, as the API's serializers write every time.
    acted_at = timezone.localtime(first.acted_at).isoformat() if first.acted_at else None
    return {"name": name, "position": position, "action": first.action, "acted_at": acted_at}


def _sentence(first: FirstAction) -> str:
    name, position = _display(first.person)
    who = pgettext("who acted", "%(name)s (%(position)s)") % {"name": name, "position": position}
    if not position:
        who = name
    after_consonant, after_vowel = _TEMPLATES[first.action]
    template = after_consonant if _has_final_consonant(who) else after_vowel
    return str(template) % {"who": who}


def _has_final_consonant(text: str) -> bool:
    """Whether the last syllable has a 받침 (이 after it, 가 otherwise)."""
    last = text.rstrip()[-1:]
    if not last or not "가" <= last <= "힣":
        return False
    return (ord(last) - ord("가")) % 28 != 0


# One message per action, after a subject that ends in a consonant and in a vowel, so
# that Korean can put 이 or 가 after it (English reads the same in both).
_TEMPLATES: dict[str, tuple[Any, Any]] = {
    StepStatus.APPROVED: (
        pgettext_lazy("after a consonant", "%(who)s approved it first."),
        pgettext_lazy("after a vowel", "%(who)s approved it first."),
    ),
    StepStatus.AGREED: (
        pgettext_lazy("after a consonant", "%(who)s agreed to it first."),
        pgettext_lazy("after a vowel", "%(who)s agreed to it first."),
    ),
    StepStatus.DISAGREED: (
        pgettext_lazy("after a consonant", "%(who)s disagreed with it first."),
        pgettext_lazy("after a vowel", "%(who)s disagreed with it first."),
    ),
    StepStatus.RETURNED: (
        pgettext_lazy("after a consonant", "%(who)s returned it first."),
        pgettext_lazy("after a vowel", "%(who)s returned it first."),
    ),
    "recalled": (
        pgettext_lazy("after a consonant", "%(who)s recalled the document first."),
        pgettext_lazy("after a vowel", "%(who)s recalled the document first."),
    ),
    "withdrawn": (
        pgettext_lazy("after a consonant", "%(who)s withdrew the document first."),
        pgettext_lazy("after a vowel", "%(who)s withdrew the document first."),
    ),
}
