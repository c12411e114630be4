"""Dispatching Celery tasks only once the surrounding transaction commits.

Rules:
- a task is sent only after its transaction commits (at once outside one);
- a send that fails because the broker cannot be reached is logged and dropped: the
  transaction has committed, so the caller must not fail (an approval answering 500
  after it was recorded); every task whose work matters keeps it in an outbox row
  that a beat sweep sends again;
- in the embedded default (no broker: tasks run in process) an outbox task is not run
  in the sending process when an embedded beat takes the work (EMBEDDED_BEAT_SOCKET):
  it is woken instead and runs the pending rows itself, so a request never waits for
  a PDF to render; the embedded beat itself runs them in process;
- a task deferred by `dispatch_deferred` is not sent at all.
"""

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import partial
from typing import Any

import kombu.exceptions
from celery import Task
from django.db import transaction

from core import embedded_wake, outbox

logger = logging.getLogger(__name__)

_deferred: ContextVar[frozenset[str]] = ContextVar("dispatch_deferred", default=frozenset())

# What a publish raises when the broker is down or unreachable: kombu wraps the
# transport's errors in its OperationalError; a socket error can escape the wrapping
# while connecting, and the Redis result backend subscribes with the client's own.
BROKER_ERRORS: tuple[type[BaseException], ...] = (kombu.exceptions.OperationalError, OSError)
try:
    import redis.exceptions

    BROKER_ERRORS += (redis.exceptions.RedisError,)
except ImportError:  # pragma: no cover - redis is installed wherever a broker is
    pass


def dispatch_on_commit(task: Task[Any, Any], /, *args: Any, **kwargs: Any) -> None:
    """Queue `task` after the current transaction commits (at once outside one).

    A task sent before commit could run before its rows exist, or for rows that a
    rollback removed; this is the only way tasks are sent in Dojang. See the module
    for what happens when the broker is down and in the embedded default.
    """
    if task.name in _deferred.get():
        return
    transaction.on_commit(partial(_send, task, args, kwargs))


def _send(task: Task[Any, Any], args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    if task.app.conf.task_always_eager:
        if outbox.is_outbox_task(task.name) and embedded_wake.hand_over():
            return
        task.apply_async(args, kwargs)  # in process: the task's own errors are its caller's
        return
    try:
        task.apply_async(args, kwargs)
    except BROKER_ERRORS as exc:
        logger.error(
            "could not send %s%s: %s; its sweep will send it again",
            task.name,
            args,
            type(exc).__name__,
        )


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
