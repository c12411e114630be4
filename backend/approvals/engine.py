"""The bridge between approval actions and viewflow: find, lock, execute, divert.

Each document has one viewflow process; `Process.artifact` (a generic foreign key,
indexed by viewflow) points at the document, so a document's process is found by
(content type, object id) and a process's document by `artifact_object_id`. Every
write to a document's line happens under its flow's lock (`select ... for update
nowait` on the process row, retried a few times); a lock that stays held past the
retries answers LockBusyError (503 with Retry-After), never a 500.

The actions take that lock themselves rather than through `flow_class.lock`: the
same row lock as the flows' `approval_lock` (workflows.nodes), but the locking query
also reads the row, so the process is fresh under the lock without a second read.
"""

import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.contrib.contenttypes.models import ContentType
from django.db import DatabaseError, transaction
from django.db.models import QuerySet
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from viewflow.workflow.models import Process, Task
from viewflow.workflow.status import STATUS
from viewflow.workflow.token import Token

from approvals.models import ApprovalStep
from core.errors import ConflictError, LockBusyError, Refused
from documents.models import Document

ACTIVE_TASK_EXCLUDED = (STATUS.DONE, STATUS.CANCELED, STATUS.REVIVED)


def flow_class_for(*, kind: str) -> Any:
    """The flow class that routes documents of `kind` (settings.APPROVALS_FLOWS)."""
    return import_string(settings.APPROVALS_FLOWS[kind])


def process_for(*, document_id: int) -> Process | None:
    """The viewflow process of a document (None before its first submission)."""
    content_type = ContentType.objects.get_for_model(Document)
    return (
        Process.objects.filter(artifact_content_type=content_type, artifact_object_id=document_id)
        .order_by("-id")
        .first()
    )


def _locked_processes() -> QuerySet[Process]:
    processes: QuerySet[Process] = Process.objects.select_for_update(nowait=True)
    return processes


class _LockRefused(Exception):
    """The locking read failed: raised through the attempt's transaction to roll it back."""


@contextmanager
def _row_locked(take: Callable[[], Any]) -> Iterator[Any]:
    """Run `take` (a locking read) in a transaction held for the block, as viewflow's
    SelectForUpdateLock does: a row locked by another transaction fails at once
    (nowait) and is tried again after a growing pause, APPROVALS_LOCK_ATTEMPTS times.
    """
    attempts: int = settings.APPROVALS_LOCK_ATTEMPTS
    for attempt in range(attempts):
        try:
            with transaction.atomic():
                try:
                    value = take()
                except DatabaseError as exc:
                    raise _LockRefused from exc
                yield value
            return
        except _LockRefused as refused:
            if attempt == attempts - 1:
                raise LockBusyError() from refused.__cause__
        time.sleep(((attempt + 1) * random.random() + 2**attempt) / 2.5)  # noqa: S311


@contextmanager
def process_locked(process: Process) -> Iterator[None]:
    """Hold the flow's lock on `process` (and its transaction) for the block; the
    object is re-read by the locking query itself."""

    def take() -> None:
        process.refresh_from_db(from_queryset=_locked_processes())

    with _row_locked(take):
        yield


@contextmanager
def step_process_locked(step_id: int, *, owner_id: int) -> Iterator[Process | None]:
    """Hold the lock on the process of the task a step records, found by the step,
    if the user `owner_id` owns that task.

    Yields that process, read by the locking query, or None when the step has no task
    (still waiting, or closed) or its task is someone else's: nothing is locked then.
    """
    task_process = ApprovalStep.objects.filter(pk=step_id, task__owner_id=owner_id).values(
        "task__process_id"
    )[:1]

    def take() -> Process | None:
        return _locked_processes().filter(pk=task_process).first()

    with _row_locked(take) as process:
        yield process


def open_tasks(process: Process) -> list[Task]:
    return list(process.task_set.exclude(status__in=ACTIVE_TASK_EXCLUDED).order_by("id"))


def task_execute(*, task: Task, user: AbstractBaseUser) -> None:
    """Complete a human task as `user` and let the flow run on to its next wait.

    Must run under the process lock, with `task` read under it (so it is as the
    database has it). Uses viewflow's own transition checks: a task that is no longer
    assigned is a conflict, a user who does not own it is refused.
    """
    if task.owner_id == user.pk:
        task.owner = user  # what the permission check compares, without reading it
    activation = task.flow_task.activation_class(task)
    if not activation.start.can_proceed():
        raise ConflictError(_("This task has already been completed or cancelled."))
    if not activation.start.has_perm(user):
        raise Refused(_("This task is assigned to someone else."))
    activation.start(None)
    activation.execute()


def task_reassign(*, task: Task, user: AbstractBaseUser) -> None:
    """Give an assigned human task to another user (viewflow's reassign transition)."""
    task.refresh_from_db()
    activation = task.flow_task.activation_class(task)
    if activation.reassign.can_proceed():
        activation.reassign(user=user)


def process_divert(*, process: Process, node: Any) -> None:
    """Cancel every open task of `process` and continue at `node` (used by a recall).

    Like an interrupting boundary event: the tasks that waited are cancelled and the
    token moves to `node` (the drafter's revise task), created as a fresh task that
    follows the cancelled ones. Must run under `process_locked`.
    """
    tasks = open_tasks(process)
    if not tasks:
        raise ConflictError(_("This document has no open task to recall."))
    activations = [task.flow_task.activation_class(task) for task in tasks]
    for activation in activations:
        activation.cancel()
    revise = node._create(activations[-1], Token("start"))
    revise._activate_next({revise})


def process_cancel(*, process: Process) -> None:
    """Cancel the process and all its open tasks (withdrawal). Runs under its lock."""
    process.flow_class.instance.cancel(process)
