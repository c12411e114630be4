"""What the directory announces to the apps above it (approvals moves steps to follow).

Signals carry plain ids. They are sent where the change is made and do not catch a
receiver's failure, so each keeps the timing the change needs:
- `absence_changed(person_id)`: inside the transaction that recorded, changed or
  removed an absence, or named a post's acting official; approvals answers by
  queuing the hand-over of that person's steps once it commits.
- `people_moved(person_ids)`: after a directory sync's own transaction, naming who
  left or changed unit or position; approvals moves their open steps at once (each
  under its document's flow lock, which must not nest inside the sync's).
"""

from django.dispatch import Signal

absence_changed = Signal()
people_moved = Signal()


def absence_change_announce(*, person_id: int) -> None:
    absence_changed.send(sender=None, person_id=person_id)


def people_moved_announce(*, person_ids: list[int]) -> None:
    people_moved.send(sender=None, person_ids=person_ids)
