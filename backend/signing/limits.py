"""Page and time limits on WeasyPrint's layout, checked between pages.

Why in process and not a subprocess: a subprocess per document would lose the
per-process caches (parsed stylesheet, fonts, the signing key) and add a fork
or spawn to every PDF, which the render+sign budget (within 1.3x of a bare
WeasyPrint render) cannot afford. Instead the guard listens to WeasyPrint's
progress logger ("weasyprint.progress"), which reports each page as layout
reaches it and each later step; at every report it raises PageLimitError or
RenderTimeoutError (both RenderLimitError) once the page count or the elapsed
time passes the limit. The cost: a single pathological page is not interrupted
until it is laid out; the Celery task time limit (CELERY_TASK_TIME_LIMIT)
remains the backstop for that.

The limits are per thread (a context variable), so concurrent renders in one
process each keep their own clock.
"""

import logging
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from signing.errors import PageLimitError, RenderTimeoutError

PROGRESS_LOGGER = "weasyprint.progress"
_PAGE = re.compile(r"Page (\d+)")


@dataclass(slots=True)
class _Budget:
    max_pages: int
    deadline: float
    timeout: float
    timeout_setting: str


_current: ContextVar[_Budget | None] = ContextVar("signing_render_budget", default=None)


class _LayoutGuard(logging.Filter):
    """Raises RenderLimitError from inside layout; consumes every progress record.

    The records are step-by-step debugging noise (settings keep the logger at
    WARNING until the first guarded render), so none is passed on.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        budget = _current.get()
        if budget is None:
            return False
        match = _PAGE.search(record.getMessage())
        if match and int(match.group(1)) > budget.max_pages:
            raise PageLimitError(budget.max_pages)
        if time.monotonic() > budget.deadline:
            raise RenderTimeoutError(budget.timeout, budget.timeout_setting)
        return False


_guard = _LayoutGuard()


def _install() -> None:
    progress = logging.getLogger(PROGRESS_LOGGER)
    if _guard not in progress.filters:
        progress.addFilter(_guard)
    # INFO is the level WeasyPrint reports pages at; without it there is no check.
    progress.setLevel(logging.INFO)


@contextmanager
def render_limits(
    *, max_pages: int, timeout: float, timeout_setting: str = "SIGNING_RENDER_TIMEOUT_SECONDS"
) -> Iterator[None]:
    """Within the block, WeasyPrint stops past `max_pages` pages (PageLimitError) or
    `timeout` seconds (RenderTimeoutError, naming `timeout_setting`)."""
    _install()
    budget = _Budget(
        max_pages=max_pages,
        deadline=time.monotonic() + timeout,
        timeout=timeout,
        timeout_setting=timeout_setting,
    )
    token = _current.set(budget)
    try:
        yield
    finally:
        _current.reset(token)
