"""The embedded beat runs the configured schedule in process when each entry is due."""

import datetime

import pytest
from celery import shared_task
from django.core.management import CommandError, call_command
from django.utils import timezone

from core.embedded_beat import run_due, schedule_entries

CALLS: list[str] = []


@shared_task(name="tests.embedded_beat.record")
def record() -> None:
    CALLS.append("ran")


@shared_task(name="tests.embedded_beat.fail")
def fail() -> None:
    raise RuntimeError("boom")


@pytest.fixture
def schedule(settings):
    CALLS.clear()
    settings.CELERY_BEAT_SCHEDULE = {
        "record": {"task": "tests.embedded_beat.record", "schedule": 60.0},
        "fail": {"task": "tests.embedded_beat.fail", "schedule": datetime.timedelta(hours=1)},
    }
    return settings.CELERY_BEAT_SCHEDULE


@pytest.mark.django_db
def test_every_entry_runs_at_start_then_only_when_due_again(schedule) -> None:
    # GIVEN the schedule's entries, never run
    entries = schedule_entries()
    start = timezone.now()  # Celery's schedules compare with the wall clock

    # WHEN the beat runs at start, then again 90 seconds after the entries last ran
    first = run_due(entries, now=start)
    for entry in entries:
        entry.last_run_at = start - datetime.timedelta(seconds=90)
    second = run_due(entries, now=start)

    # THEN both ran at start (one failing without stopping the other); only the
    # one-minute entry was due again
    assert first == ["fail", "record"]
    assert second == ["record"]
    assert CALLS == ["ran", "ran"]


@pytest.mark.django_db
def test_the_command_refuses_to_run_beside_a_real_broker(schedule, settings) -> None:
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:6379/0"

    with pytest.raises(CommandError, match="broker"):
        call_command("embedded_beat", "--once")


def test_every_task_of_the_real_schedule_is_known_to_the_embedded_beat() -> None:
    from config.celery import app

    names = {entry.task for entry in schedule_entries()}

    assert names, "the schedule is empty"
    assert names <= set(app.tasks)
