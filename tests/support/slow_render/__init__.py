"""A slow renderer for the fault tests: room to kill a process in the middle of a PDF job.

Production code has no hook for this. A test slows its own process with
``slow_down_rendering(monkeypatch, seconds)``, and another Dojang process with the
environment of ``slow_render_env(seconds)``: its settings add this app, whose ready()
wraps the renderer the issue path calls (``signing.issuance.official_pdf_issue``).
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable
from typing import Any

SETTINGS_MODULE = "tests.support.slow_render.settings"
DELAY_VARIABLE = "DOJANG_TEST_RENDER_DELAY_SECONDS"


def slow_render_env(seconds: float) -> dict[str, str]:
    """The environment of a Dojang process whose every PDF takes ``seconds`` longer."""
    return {"DJANGO_SETTINGS_MODULE": SETTINGS_MODULE, DELAY_VARIABLE: str(seconds)}


def slowed(render: Callable[..., Any], seconds: float) -> Callable[..., Any]:
    @functools.wraps(render)
    def slow_render(*args: Any, **kwargs: Any) -> Any:
        issued = render(*args, **kwargs)
        # After signing, before storing: where a kill hurts most.
        time.sleep(seconds)
        return issued

    return slow_render


def slow_down_rendering(monkeypatch: Any, seconds: float) -> None:
    """Slow this process's renderer for one test."""
    from signing import issuance

    slow = slowed(getattr(issuance, "official_pdf_issue"), seconds)  # noqa: B009
    monkeypatch.setattr(issuance, "official_pdf_issue", slow)
