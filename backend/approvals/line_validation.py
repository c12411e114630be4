"""Checking a proposed approval line against the rules.

The drafter may add reviewers, consult stages and references to the suggestion, but
the line must still: have exactly one final approval, last; give review and approval
stages exactly one assignee and consult stages at least one; name each person once;
name only active people, never the drafter, and only ranked people on stages; keep
every mandatory consultation; and have a final approver whose rank meets the
delegation rule. Errors are collected and raised together under "line".
"""

from collections import Counter
from typing import TYPE_CHECKING

from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError

from approvals.line_heads import rank_of, unit_chain, unit_subtree_ids
from approvals.models import StageKind
from approvals.rules import delegation_rule_for, document_facts, mandatory_consultations
from directory.models import Person, Rank
from documents.models import Document

if TYPE_CHECKING:
    from approvals.line import LineSpec

Errors = dict[str, list[str]]


def _add(errors: Errors, field: str, message: str) -> None:
    errors.setdefault(field, []).append(message)


def _check_shape(spec: "LineSpec", errors: Errors) -> None:
    kinds = [stage.kind for stage in spec.stages]
    if kinds.count(StageKind.APPROVE) != 1 or kinds[-1:] != [StageKind.APPROVE]:
        _add(errors, "stages", _("A line has exactly one final approval, as its last stage."))
    for index, stage in enumerate(spec.stages):
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
    ids = spec.person_ids()
    for pid, times in Counter(ids).items():
        if times > 1:
            _add(errors, "stages", _("Person %(id)s appears more than once.") % {"id": pid})
    if document.drafter_id in ids:
        _add(errors, "stages", _("The drafter cannot be on their own line."))
    staged = {pid for stage in spec.stages for pid in stage.assignee_ids}
    for pid in dict.fromkeys(ids):
        field = "stages" if pid in staged else "reference_ids"
        person = people.get(pid)
        if person is None:
            _add(errors, field, _("Person %(id)s does not exist.") % {"id": pid})
        elif not person.active:
            _add(errors, field, _("%(name)s is no longer active.") % {"name": person.name})
        elif pid in staged and rank_of(person) == 0:
            _add(errors, field, _("%(name)s has no rank and cannot act.") % {"name": person.name})


def _check_final_rank(
    spec: "LineSpec", document: Document, people: dict[int, Person], errors: Errors
) -> None:
    if not spec.stages or spec.stages[-1].kind != StageKind.APPROVE:
        return
    final = people.get(next(iter(spec.stages[-1].assignee_ids), -1))
    if final is None:
        return
    required = delegation_rule_for(kind=document.kind, facts=document_facts(document=document))
    if rank_of(final) < required.rank:
        _add(
            errors,
            "stages",
            _("The final approver must rank at least %(rank)s under the delegation rule: %(rule)s")
            % {"rank": Rank(required.rank).label, "rule": required.description},
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
            _add(
                errors,
                "stages",
                _("The mandatory consultation cannot be removed: %(rule)s")
                % {"rule": consultation.description},
            )


def line_validate(*, document: Document, spec: "LineSpec") -> None:
    """Raise a ValidationError under "line" naming every rule the line breaks."""
    errors: Errors = {}
    people = Person.objects.select_related("position").in_bulk(list(set(spec.person_ids())))
    _check_shape(spec, errors)
    _check_people(spec, document, people, errors)
    _check_final_rank(spec, document, people, errors)
    _check_consultations(spec, document, people, errors)
    if errors:
        raise ValidationError({"line": errors})
