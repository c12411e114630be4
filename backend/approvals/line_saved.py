"""Saved approval lines: a person's reusable lines, validated again whenever applied.

A saved line remembers where each person on it sat (SavedLine.posts). Read back, it
warns about anyone who has since left, moved to another unit or position, or lost
the rank that lets them act on a line: the drafter sees it before applying, and
applying it says so too (someone who left is refused by the line's validation).
"""

from collections.abc import Sequence
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from approvals.line import LineSpec, StageSpec
from approvals.line_heads import rank_of
from approvals.line_validation import line_places
from approvals.models import SavedLine, StageKind
from core.errors import InvalidInput, Refused
from directory.models import Person


@dataclass(frozen=True)
class SavedLineWarning:
    person_id: int
    name: str
    code: str  # "left" or "moved"
    message: str


def saved_line_create(*, owner: Person, name: str, kind: str, spec: LineSpec) -> SavedLine:
    """Save `spec` under `name`; every person named must exist, names are unique per owner.

    Only the shape is checked now: the rules (ranks, mandatory consultations) depend
    on the document, so they are checked when the line is applied.
    """
    _check_shape(spec)
    data = spec.to_data()
    stages = [{"kind": s["kind"], "assignees": s["assignee_ids"]} for s in data["stages"]]
    posts = {
        str(pid): {"unit": unit_id, "position": position_id}
        for pid, unit_id, position_id in Person.objects.filter(
            pk__in=spec.person_ids()
        ).values_list("id", "unit_id", "position_id")
    }
    try:
        with transaction.atomic():
            return SavedLine.objects.create(
                owner=owner,
                name=name,
                kind=kind,
                stages=stages,
                references=data["reference_ids"],
                posts=posts,
            )
    except IntegrityError as exc:
        raise InvalidInput({"name": [_("You already have a line with this name.")]}) from exc


def _check_shape(spec: LineSpec) -> None:
    """Everyone named exists and every stage names someone, each error on its entry."""
    known = set(Person.objects.filter(pk__in=spec.person_ids()).values_list("id", flat=True))
    errors: dict[str, list[str]] = {}
    if not spec.stages:
        errors["stages"] = [str(_("Every stage names at least one person."))]
    for index, stage in enumerate(spec.stages):
        if not stage.assignee_ids:
            errors[f"stages.{index}.assignee_ids"] = [
                str(_("Every stage names at least one person."))
            ]
    for pid, field in line_places(spec):
        if pid not in known:
            errors[field] = [_("No member of staff has the id %(id)s.") % {"id": pid}]
    if errors:
        raise InvalidInput({"line": errors})


def saved_line_delete(*, saved_line: SavedLine, actor: Person) -> None:
    if saved_line.owner_id != actor.pk:
        raise Refused(_("Only the owner may delete a saved line."))
    saved_line.delete()


def saved_line_spec(*, saved_line: SavedLine) -> LineSpec:
    """The saved line as a LineSpec (to validate against a document)."""
    stages = tuple(
        StageSpec(StageKind(stage["kind"]), tuple(int(pid) for pid in stage["assignees"]))
        for stage in saved_line.stages
    )
    return LineSpec(stages=stages, reference_ids=tuple(int(p) for p in saved_line.references))


def saved_line_warnings(*, saved_lines: Sequence[SavedLine]) -> dict[int, list[SavedLineWarning]]:
    """The warnings of each saved line, by its id (one query for all of them)."""
    specs = {saved.pk: saved_line_spec(saved_line=saved) for saved in saved_lines}
    ids = {pid for spec in specs.values() for pid in spec.person_ids()}
    people = Person.objects.select_related("position", "unit").in_bulk(ids)
    return {saved.pk: _warnings(saved, specs[saved.pk], people) for saved in saved_lines}


def _warnings(
    saved: SavedLine, spec: LineSpec, people: dict[int, Person]
) -> list[SavedLineWarning]:
    staged = {pid for stage in spec.stages for pid in stage.assignee_ids}
    found: list[SavedLineWarning] = []
    for pid in dict.fromkeys(spec.person_ids()):
        person = people.get(pid)
        if person is None:
            continue  # never saved that way (_check_shape); people are not deleted
        code, message = _change(person, saved.posts.get(str(pid)), acts=pid in staged)
        if code:
            found.append(SavedLineWarning(pid, person.name, code, message))
    return found


def _change(person: Person, post: dict[str, int | None] | None, *, acts: bool) -> tuple[str, str]:
    """("left" or "moved", a sentence naming the person), or ("", "") if nothing changed."""
    name = {"name": person.name, "unit": person.unit.name}
    if not person.active:
        return "left", gettext(
            "%(name)s has left the organisation since the line was saved."
        ) % name
    moved = post is not None and (post.get("unit"), post.get("position")) != (
        person.unit_id,
        person.position_id,
    )
    if moved and person.position is not None:
        return "moved", gettext(
            "%(name)s has moved since the line was saved and is now %(title)s in %(unit)s."
        ) % {**name, "title": person.position.title}
    if moved:
        return "moved", gettext(
            "%(name)s has moved since the line was saved and is now in %(unit)s."
        ) % name
    if acts and rank_of(person) == 0:
        return "moved", gettext(
            "%(name)s can no longer act on a line: their title has no rank."
        ) % name
    return "", ""
