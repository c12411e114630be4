"""Celery tasks of the approvals app: thin, idempotent, run by beat.

- approvals.scan_deadlines: overdue reminders, escalations, post-approval notices,
  proxies that follow absences begun or ended after a step opened.
- approvals.proxies_follow_absence: the same proxy hand-over for one person, sent
  when their absence is recorded, changed or removed.
- approvals.fire_workflow_timers: viewflow's database timers (the personnel flow's
  wait for the effective date); the `workflow_timers` command does the same by hand.
"""

from celery import shared_task
from django.utils import timezone

from approvals.services import deadlines_scan, proxies_follow_absences, timers_fire_due
from core.idempotency import idempotency_keys_purge


@shared_task(name="approvals.scan_deadlines", time_limit=300, soft_time_limit=240)
def scan_deadlines() -> dict[str, int]:
    result = deadlines_scan()
    return {
        "reminded": result.reminded,
        "escalated": result.escalated,
        "post_approval_notified": result.post_approval_notified,
        "proxies_moved": result.proxies_moved,
    }


@shared_task(name="approvals.fire_workflow_timers", time_limit=300, soft_time_limit=240)
def fire_workflow_timers() -> int:
    return timers_fire_due()


@shared_task(name="approvals.purge_idempotency_keys", time_limit=300, soft_time_limit=240)
def purge_idempotency_keys() -> int:
    """Forget the Idempotency-Keys of actions older than the replay window."""
    return idempotency_keys_purge()


@shared_task(name="approvals.proxies_follow_absence", time_limit=300, soft_time_limit=240)
def proxies_follow_absence(person_id: int) -> int:
    return proxies_follow_absences(now=timezone.now(), person_ids=[person_id])
