"""The approvals app's answers to what the apps below it announce.

Receivers only call a service or queue a task: the rule lives there.
"""

from typing import Any

from core.dispatch import dispatch_on_commit


def on_absence_changed(*, person_id: int, **_: Any) -> None:
    """Once the absence commits, the person's pending steps follow it (to the deputy
    while they are away, back to them when they are not)."""
    from approvals.tasks import proxies_follow_absence

    dispatch_on_commit(proxies_follow_absence, person_id)


def on_people_moved(*, person_ids: list[int], **_: Any) -> None:
    """People left or moved: their open and waiting steps go to who takes over."""
    from approvals.services import line_reassign_after_directory_change

    line_reassign_after_directory_change(person_ids=person_ids)
