"""Node types the approval flows need beyond viewflow's stock set.

- `ApprovalTask`: a human task worked through the REST API (approvals.api), not
  through viewflow's HTML views, so it takes no view.
- `SplitEach`: a parallel split that creates one task of a node per item of a data
  source (viewflow 2.4's Split creates one task per branch). The consultation stage
  fans out into one consult task per consultee this way, and a Join waits for all.

Every flow takes its lock with `approval_lock`: `select ... for update nowait` on the
process row, retried APPROVALS_LOCK_ATTEMPTS times, so two actions on one document are
serialised by the database whatever process or server runs them.
"""

from collections.abc import Callable, Iterable
from typing import Any

from django.conf import settings
from viewflow.workflow import nodes
from viewflow.workflow.activation import Activation
from viewflow.workflow.exceptions import FlowRuntimeError
from viewflow.workflow.lock import SelectForUpdateLock

approval_lock = SelectForUpdateLock(nowait=True, attempts=settings.APPROVALS_LOCK_ATTEMPTS)

DataSource = Callable[[Any], Iterable[dict[str, Any]]]


class ApprovalTask(nodes.View):
    """A person's task on the line; executed by the approvals services."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(view=None, **kwargs)


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
