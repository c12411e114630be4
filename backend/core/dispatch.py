"""Dispatching Celery tasks only once the surrounding transaction commits."""

from functools import partial
from typing import Any

from celery import Task
from django.db import transaction


def dispatch_on_commit(task: Task[Any, Any], /, *args: Any, **kwargs: Any) -> None:
    """Queue `task` after the current transaction commits (at once outside one).

    A task sent before commit could run before its rows exist, or for rows that a
    rollback removed; this is the only way tasks are sent in Dojang.
    """
    transaction.on_commit(partial(task.delay, *args, **kwargs))
