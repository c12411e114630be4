"""Celery beat for the embedded default: the same schedule, run in process.

Without a broker (`CELERY_BROKER_URL` unset) tasks run eagerly where they are sent, and
no beat process exists; the periodic work (deadline reminders, viewflow timers, the
PDF outbox sweep, automatic publication ...) would never happen. `make run` starts
`manage.py embedded_beat` beside the web server, which runs each entry of
CELERY_BEAT_SCHEDULE in process when it falls due. With a broker, run Celery beat.
"""

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from celery.schedules import BaseSchedule, schedule
from django.conf import settings
from django.db import close_old_connections
from django.utils import timezone

from config.celery import app

logger = logging.getLogger(__name__)


@dataclass
class Entry:
    name: str
    task: str
    schedule: BaseSchedule
    last_run_at: datetime | None = None

    def seconds_until_due(self, now: datetime) -> float:
        """0 when due now; like Celery beat, an entry never run is due at once."""
        if self.last_run_at is None:
            return 0.0
        due, next_seconds = self.schedule.is_due(self.last_run_at)
        return 0.0 if due else float(next_seconds)


def _schedule(value: object) -> BaseSchedule:
    """A beat entry's schedule: seconds, a timedelta or a Celery schedule (crontab)."""
    if isinstance(value, BaseSchedule):
        return value
    if isinstance(value, timedelta):
        return schedule(run_every=value)
    if isinstance(value, int | float):
        return schedule(run_every=timedelta(seconds=value))
    raise TypeError(f"unsupported beat schedule: {value!r}")


def schedule_entries() -> list[Entry]:
    # A worker imports every app's tasks.py when it starts; this process must too, or the
    # scheduled names are unknown to it.
    app.loader.import_default_modules()
    return [
        Entry(name=name, task=str(spec["task"]), schedule=_schedule(spec["schedule"]))
        for name, spec in sorted(settings.CELERY_BEAT_SCHEDULE.items())
    ]


def run_due(entries: list[Entry], *, now: datetime) -> list[str]:
    """Run every entry that is due, in process; returns the names that ran.

    One failing task is logged and does not stop the others, as a beat would go on.
    """
    ran = []
    for entry in entries:
        if entry.seconds_until_due(now) > 0:
            continue
        entry.last_run_at = now
        close_old_connections()
        result = app.tasks[entry.task].apply(throw=False)
        if result.failed():
            logger.error("embedded beat: %s failed: %s", entry.name, type(result.result).__name__)
        ran.append(entry.name)
    return ran


def run_forever(*, sleep: Callable[[float], None] = time.sleep, max_nap: float = 30.0) -> None:
    entries = schedule_entries()
    logger.info("embedded beat: %d scheduled tasks", len(entries))
    while True:
        run_due(entries, now=timezone.now())
        now = timezone.now()
        sleep(max(1.0, min([max_nap, *(entry.seconds_until_due(now) for entry in entries)])))
