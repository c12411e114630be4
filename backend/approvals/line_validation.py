"""Checking a proposed approval line against the rules.

The drafter may add reviewers, consult stages and references to the suggestion, but
the line must still: have exactly one final approval, last; give review and approval
stages exactly one assignee and consult stages at least one; name each person once;
name only active people, never the drafter, and only ranked people on stages; keep
every mandatory consultation; and have a final approver whose rank meets the
delegation rule. Errors are collected and raised together under "line", each on
the exact entry it is about ("stages.2.assignee_ids.0", "reference_ids.1"; the whole
"stages" only for what no one entry holds, a missing mandatory consultation), naming
people by name, title and unit: the drafter sees a line of names, not of ids.
"""

from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from approvals.line_heads import rank_of, unit_chain, unit_subtree_ids
from approvals.models import StageKind
from approvals.rules import (
    Consultation,
    delegation_rule_for,
    document_facts,
    mandatory_consultations,
)
from core.errors import InvalidInput
from directory.models import Person, Rank
from documents.models import Document

if TYPE_CHECKING:
    from approvals.line import LineSpec

Errors = dict[str, list[str]]


def _add(errors: Errors, field: str, message: str) -> None:
    errors.setdefault(field, []).append(message)


def _who(person: Person) -> str:
    """A person as the drafter knows them: name, unit and title, never an id."""
    if person.position is None:
        return _("%(name)s (%(unit)s)") % {"name": person.name, "unit": person.unit.name}
    return _("%(name)s (%(title)s, %(unit)s)") % {
        "name": person.name,
        "title": person.position.title,
        "unit": person.unit.name,
    }


def line_places(spec: "LineSpec") -> list[tuple[int, str]]:
    """Every person on the line with the exact path of their entry, in line order."""
    places = [
        (pid, f"stages.{index}.assignee_ids.{slot}")
        for index, stage in enumerate(spec.stages)
        for slot, pid in enumerate(stage.assignee_ids)
    ]
    return [
        *places,
        *((pid, f"reference_ids.{slot}") for slot, pid in enumerate(spec.reference_ids)),
    ]


def _check_shape(spec: "LineSpec", errors: Errors) -> None:
    message = _("A line has exactly one final approval, as its last stage.")
    if not spec.stages:
        _add(errors, "stages", message)
    last = len(spec.stages) - 1
    for index, stage in enumerate(spec.stages):
        if (stage.kind == StageKind.APPROVE) != (index == last):
            _add(errors, f"stages.{index}.kind", message)
        count = len(stage.assignee_ids)
        if stage.kind == StageKind.CONSULT and count < 1:
            _add(errors, f"stages.{index}.assignee_ids", _("A consultation needs someone."))
        elif stage.kind != StageKind.CONSULT and count != 1:
            _add(
                errors,
                f"stages.{index}.assignee_ids",
                _("A review or approval stage has exactly one person."),
            )


def _check_people(
    spec: "LineSpec", document: Document, people: dict[int, Person], errors: Errors
) -> None:
    staged = {pid for stage in spec.stages for pid in stage.assignee_ids}
    seen: set[int] = set()
    for pid, field in line_places(spec):
        person = people.get(pid)
        if pid in seen:
            if person is not None:
                _add(
                    errors,
                    field,
                    _("%(person)s is already on the line.") % {"person": _who(person)},
                )
            continue
        seen.add(pid)
        if person is None:
            _add(errors, field, _("No member of staff has the id %(id)s.") % {"id": pid})
        elif pid == document.drafter_id:
            _add(errors, field, _("The drafter cannot be on their own line."))
        elif not person.active:
            _add(errors, field, _("%(person)s is no longer active.") % {"person": _who(person)})
        elif pid in staged and rank_of(person) == 0:
            _add(
                errors,
                field,
                _("%(person)s has no rank and cannot act on a line.") % {"person": _who(person)},
            )


def _check_final_rank(
    spec: "LineSpec", document: Document, people: dict[int, Person], errors: Errors
) -> None:
    if not spec.stages or spec.stages[-1].kind != StageKind.APPROVE:
        return
    last = len(spec.stages) - 1
    final = people.get(next(iter(spec.stages[last].assignee_ids), -1))
    if final is None:
        return
    required = delegation_rule_for(kind=document.kind, facts=document_facts(document=document))
    if rank_of(final) < required.rank:
        _add(
            errors,
            f"stages.{last}.assignee_ids.0",
            _(
                "%(person)s ranks below %(rank)s and cannot take the final approval. "
                "Delegation rule: %(rule)s"
            )
            % {
                "rank": Rank(required.rank).label,
                "rule": required.description,
                "person": _who(final),
            },
        )


def _check_consultations(
    spec: "LineSpec", document: Document, people: dict[int, Person], errors: Errors
) -> None:
    chain_ids = {unit.pk for unit in unit_chain(document.unit)}
    consulted = {
        people[pid].unit_id
        for stage in spec.stages
        if stage.kind == StageKind.CONSULT
        for pid in stage.assignee_ids
        if pid in people
    }
    on_line = {people[pid].unit_id for pid in spec.person_ids() if pid in people}
    for consultation in mandatory_consultations(kind=document.kind):
        subtree = unit_subtree_ids([consultation.unit.pk])
        if consultation.unit.pk in chain_ids:
            satisfied = bool(subtree & on_line)  # its head reviews on the drafter's chain
        else:
            satisfied = bool(subtree & consulted)
        if not satisfied:
            _add(errors, "stages", _consultation_message(consultation))


def _consultation_message(consultation: Consultation) -> str:
    unit = consultation.unit.name
    # A rule without a description of its own reads as its unit's name or as
    # "Mandatory consultation with <unit>": repeating it would only say the unit twice.
    if str(consultation.description) in {unit, _("Mandatory consultation with %s") % unit}:
        return _("%(unit)s must be consulted and cannot be removed.") % {"unit": unit}
    return _("%(unit)s must be consulted and cannot be removed (%(rule)s).") % {
        "unit": unit,
        "rule": consultation.description,
    }


def line_validate(*, document: Document, spec: "LineSpec") -> None:
    """Raise a InvalidInput under "line" naming every rule the line breaks."""
    errors: Errors = {}
    people = Person.objects.select_related("position", "unit").in_bulk(list(set(spec.person_ids())))
    _check_shape(spec, errors)
    _check_people(spec, document, people, errors)
    _check_final_rank(spec, document, people, errors)
    _check_consultations(spec, document, people, errors)
    if errors:
        raise InvalidInput({"line": errors})
