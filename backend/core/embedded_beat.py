"""Celery beat for the embedded default: the same schedule, run in process.

Without a broker (`CELERY_BROKER_URL` unset) tasks run eagerly where they are sent, and
no beat process exists; the periodic work (deadline reminders, viewflow timers, the
PDF outbox sweep, automatic publication ...) would never happen. `make run` starts
`manage.py embedded_beat` beside the web server, which runs each entry of
CELERY_BEAT_SCHEDULE in process when it falls due. With a broker, run Celery beat.

It is also the embedded default's worker for the outboxes (core.outbox): the web
process writes the rows and wakes it (core.embedded_wake) rather than rendering a PDF
or tagging inside a request. It drains every outbox when it starts (the demo's PDFs
right after seed_demo), when woken, and at least every `max_nap` seconds; a row it
already ran in this round is not run again until the next wake, so a row that stays
pending (busy elsewhere, a transient failure) waits for the next round or its sweep.
"""

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

# The project's app (config.celery), current once settings load; core sits below config.
from celery import current_app as app
from celery.schedules import BaseSchedule, schedule
from django.conf import settings
from django.db import close_old_connections
from django.utils import timezone

from core import embedded_wake
from core.outbox import outboxes

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


class Drain:
    """Works the pending rows of every outbox in process, a batch at a time."""

    def __init__(self, *, batch: int = 10) -> None:
        self.batch = batch
        self.ran: set[tuple[str, int]] = set()  # this round's rows

    def new_round(self) -> None:
        self.ran.clear()

    def run_batch(self) -> int:
        """Run up to `batch` pending rows of each outbox not run this round; how many ran."""
        count = 0
        for box in outboxes():
            close_old_connections()
            todo = [i for i in box.pending() if (box.task, i) not in self.ran][: self.batch]
            for row_id in todo:
                self.ran.add((box.task, row_id))
                result = app.tasks[box.task].apply(args=(row_id,), throw=False)
                if result.failed():
                    logger.error(
                        "embedded beat: %s(%s) failed: %s",
                        box.task,
                        row_id,
                        type(result.result).__name__,
                    )
                count += 1
        return count

    def run_all(self) -> int:
        """Run every pending row once (embedded_beat --once)."""
        total = 0
        while ran := self.run_batch():
            total += ran
        return total


def run_forever(*, max_nap: float = 30.0) -> None:
    entries = schedule_entries()
    listener = embedded_wake.Listener(embedded_wake.socket_path())
    drain = Drain()
    logger.info("embedded beat: %d scheduled tasks", len(entries))
    with embedded_wake.running_here():
        try:
            while True:
                run_due(entries, now=timezone.now())
                if drain.run_batch():
                    nap = 0.0  # more may wait: take the wakes, then go on
                else:
                    now = timezone.now()
                    due = [e.seconds_until_due(now) for e in entries]
                    nap = max(1.0, min([max_nap, *due]))
                if listener.wait(nap) or nap > 0:
                    drain.new_round()
        finally:
            listener.close()
