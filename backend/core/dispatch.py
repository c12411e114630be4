"""Dispatching Celery tasks only once the surrounding transaction commits."""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import partial
from typing import Any

from celery import Task
from django.db import transaction

_deferred: ContextVar[frozenset[str]] = ContextVar("dispatch_deferred", default=frozenset())


def dispatch_on_commit(task: Task[Any, Any], /, *args: Any, **kwargs: Any) -> None:
    """Queue `task` after the current transaction commits (at once outside one).

    A task sent before commit could run before its rows exist, or for rows that a
    rollback removed; this is the only way tasks are sent in Dojang. A task deferred
    by `dispatch_deferred` is not sent at all.
    """
    if task.name in _deferred.get():
        return
    transaction.on_commit(partial(task.delay, *args, **kwargs))


@contextmanager
def dispatch_deferred(*task_names: str) -> Iterator[None]:
    """Within the block, the named tasks are not sent: their work waits for a sweep.

    For bulk loads such as seed_demo, where every task would run in process. Name only
    tasks whose work is kept in an outbox that a sweep picks up (a pending Rendition,
    a notification not yet e-mailed), so deferring never loses it.
    """
    token = _deferred.set(_deferred.get() | frozenset(task_names))
    try:
        yield
    finally:
        _deferred.reset(token)
