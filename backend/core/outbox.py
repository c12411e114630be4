"""The outboxes of the apps: rows that owe a task, and how to find the pending ones.

An app whose task works one row of an outbox (a Rendition, a tagging job) registers
it here when it starts (its AppConfig.ready), naming the task and a function that
lists the ids of the rows waiting to be worked. Core knows no app: the embedded beat
drains every registered outbox (core.embedded_beat) and dispatch hands these tasks
to it instead of running them in a request (core.dispatch).
"""

from collections.abc import Callable
from dataclasses import dataclass

PendingIds = Callable[[], list[int]]


@dataclass(frozen=True, slots=True)
class Outbox:
    task: str  # the Celery task's name; it takes the row's id
    pending: PendingIds  # ids of rows nobody works on, oldest first


_outboxes: dict[str, Outbox] = {}


def outbox_register(*, task: str, pending: PendingIds) -> None:
    """Register the outbox worked by `task` (again: replaces it)."""
    _outboxes[task] = Outbox(task=task, pending=pending)


def outboxes() -> list[Outbox]:
    return list(_outboxes.values())


def is_outbox_task(name: str) -> bool:
    return name in _outboxes
