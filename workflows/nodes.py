"""Node types the approval flows need beyond viewflow's stock set.

- `ApprovalTask`: a human task worked through the REST API (approvals.api), not
  through viewflow's HTML views, so it takes no view.
- `SplitEach`: a parallel split that creates one task of a node per item of a data
  source (viewflow 2.4's Split creates one task per branch). The consultation stage
  fans out into one consult task per consultee this way, and a Join waits for all.

- `Function`, `If`, `Switch`: viewflow's, without the savepoint each takes around its
  callback when a failure would fail the whole action anyway (see `_node_atomic`),
  and writing their task once, finished (`InsertedWhenDone`); `Switch` cases may
  also give the next task its data.

Every flow takes its lock with `approval_lock`: `select ... for update nowait` on the
process row, retried APPROVALS_LOCK_ATTEMPTS times, so two actions on one document are
serialised by the database whatever process or server runs them.
"""

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from viewflow import this
from viewflow.workflow import nodes
from viewflow.workflow.activation import Activation
from viewflow.workflow.context import context
from viewflow.workflow.exceptions import FlowRuntimeError
from viewflow.workflow.lock import SelectForUpdateLock
from viewflow.workflow.signals import task_started

approval_lock = SelectForUpdateLock(nowait=True, attempts=settings.APPROVALS_LOCK_ATTEMPTS)

DataSource = Callable[[Any], Iterable[dict[str, Any]]]
DataFunction = Callable[[Any], dict[str, Any]]


EXECUTION_MEMO = "_approval_execution_memo"


def execution_memo(activation: Any) -> dict[str, Any]:
    """What the nodes of one execution share: a dict on the process object.

    The activations that one completed task sets off all hold the same process
    object, so reads can be shared among them; a completed human task starts the
    memo afresh, and a new request loads a new process object anyway.
    """
    memo: dict[str, Any] = activation.process.__dict__.setdefault(EXECUTION_MEMO, {})
    return memo


class ApprovalTaskActivation(nodes.ViewActivation):
    @Activation.status.super()
    def activate_next(self) -> None:
        self.process.__dict__.pop(EXECUTION_MEMO, None)
        super().activate_next.original()


class ApprovalTask(nodes.View):
    """A person's task on the line; executed by the approvals services."""

    activation_class = ApprovalTaskActivation

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(view=None, **kwargs)


def _node_atomic() -> transaction.Atomic:
    """The transaction block around a routing node's callback.

    viewflow takes a savepoint there so that, where it keeps a failed task in ERROR
    (propagate_exception off: timers, jobs), the node's writes roll back while the
    error is recorded. Everywhere else the error fails the whole action and its
    transaction, and the savepoint is two round trips per node for nothing.
    """
    return transaction.atomic(savepoint=not context.propagate_exception)


class InsertedWhenDone(Activation):
    """For a routing node's activation: write its task once, finished, instead of at
    creation.

    viewflow inserts a node's task when the token reaches it and updates it when the
    node completes, moments later in the same transaction; for a gateway or function
    node that is an INSERT and an UPDATE of the same row every time any step is
    acted on. Here the task is inserted when it completes (with its link to the task
    before it). Where viewflow keeps a failed node in ERROR (propagate_exception off:
    timers, jobs) it is created as viewflow does, so the failure can be recorded.
    The activation is hashed by identity, since an unsaved task has no hash.
    """

    _previous_task: Any = None

    @classmethod
    def create(
        cls, flow_task: Any, prev_activation: Any, token: Any, data: Any = None, seed: Any = None
    ) -> Any:
        if not context.propagate_exception:
            return super().create(flow_task, prev_activation, token, data=data, seed=seed)
        task = flow_task.flow_class.task_class(
            process=prev_activation.process, flow_task=flow_task, token=token
        )
        task.data = data if data is not None else {}
        task.seed = seed
        activation = cls(task)
        activation._previous_task = prev_activation.task
        return activation

    @Activation.status.super()
    def complete(self) -> None:
        super().complete.original()
        previous, self._previous_task = self._previous_task, None
        if previous is not None:
            self.task.previous.add(previous)

    def __hash__(self) -> int:
        return id(self)

    def __eq__(self, other: object) -> bool:
        return self is other


class FunctionActivation(InsertedWhenDone, nodes.FunctionActivation):
    @Activation.status.super()
    def activate(self) -> None:
        with self.exception_guard(), _node_atomic():
            self.task.started = timezone.now()
            task_started.send(sender=self.flow_class, process=self.process, task=self.task)
            self.flow_task._func(self)


class Function(nodes.Function):
    activation_class = FunctionActivation


class IfActivation(InsertedWhenDone, nodes.IfActivation):
    @Activation.status.super()
    def activate(self) -> None:
        with self.exception_guard(), _node_atomic():
            self._condition_result = self.flow_task._condition(self)


class If(nodes.If):
    activation_class = IfActivation


class SwitchActivation(InsertedWhenDone, nodes.SwitchActivation):
    @Activation.status.super()
    def activate(self) -> None:
        with self.exception_guard(), _node_atomic():
            for node, cond in self.flow_task._branches:  # as viewflow's: a Default may be first
                if cond is None:
                    self.next_task = node
                elif cond(self):
                    self.next_task = node
                    break
            if self.next_task is None:
                raise FlowRuntimeError(f"No next task available for {self.flow_task.name}")

    @Activation.status.super()
    def create_next(self) -> Iterator[Any]:
        data_source = self.flow_task._task_data.get(self.next_task.name)
        data = data_source(self) if data_source is not None else None
        yield self.next_task._create(self, self.task.token, data=data)


class Switch(nodes.Switch):
    """viewflow's Switch, whose cases may also give the next task its data (as If's
    Then/Else do), so one gateway can route to several human tasks."""

    activation_class = SwitchActivation

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._task_data: dict[str, DataFunction] = {}
        self._case_data: list[tuple[Any, DataFunction]] = []

    def Case(self, node: Any, cond: Any = None, task_data: DataFunction | None = None) -> "Switch":
        if task_data is not None:
            self._case_data.append((node, task_data))
        super().Case(node, cond)
        return self

    def Default(self, node: Any, task_data: DataFunction | None = None) -> "Switch":
        return self.Case(node, None, task_data=task_data)

    def _resolve(self, instance: Any) -> None:
        super()._resolve(instance)
        self._task_data = {
            this.resolve(instance, node).name: data for node, data in self._case_data
        }


class SplitEachActivation(nodes.SplitActivation):
    """Expands each data-source branch into one next task per item."""

    @Activation.status.super()
    def activate(self) -> None:
        for node, case, data_source in self.flow_task._branches:
            if case and not case(self):
                continue
            if data_source is None:
                self.next_tasks.append((node, None))
                continue
            self.next_tasks.extend((node, dict(item)) for item in data_source(self))
        if not self.next_tasks:
            raise FlowRuntimeError(f"No next task available for {self.flow_task.name}")


class SplitEach(nodes.Split):
    """Parallel split; `Next(node, data_source=f)` creates a `node` task per item of f."""

    activation_class = SplitEachActivation

    def Next(
        self, node: Any, case: Any = None, data_source: DataSource | None = None
    ) -> "SplitEach":
        self._activate_next.append((node, case, data_source))
        return self

    def _ready(self) -> None:
        super()._ready()
        for node, _case, data_source in self._activate_next:
            if data_source is not None:
                node._multi_instance = True
