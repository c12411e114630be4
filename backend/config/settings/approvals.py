"""Approvals' settings, read by base.py: flows per kind, step deadlines, reminders,
escalation, timers, the flow lock and Idempotency-Key replays (docs/flows/README.md),
and the units of the mandatory consultations."""

from core.env import env_int, env_str

APPROVALS_FLOWS = {
    "memo": "workflows.memo.MemoFlow",
    "budget": "workflows.budget.BudgetFlow",
    "personnel": "workflows.personnel.PersonnelFlow",
}
# Hours a step may stay pending before it is overdue, per document kind.
APPROVALS_STEP_DUE_HOURS = {
    "memo": env_int("APPROVALS_DUE_HOURS_MEMO", default=24),
    "budget": env_int("APPROVALS_DUE_HOURS_BUDGET", default=48),
    "personnel": env_int("APPROVALS_DUE_HOURS_PERSONNEL", default=48),
}
# Hours after the reminder of an overdue step before its assignee's unit head is told.
APPROVALS_ESCALATION_HOURS = env_int("APPROVALS_ESCALATION_HOURS", default=24)
APPROVALS_DEADLINE_SCAN_MINUTES = env_int("APPROVALS_DEADLINE_SCAN_MINUTES", default=5)
APPROVALS_TIMER_SCAN_SECONDS = env_int("APPROVALS_TIMER_SCAN_SECONDS", default=60)
# Tries to take a document's flow lock (select ... for update nowait) before 503.
APPROVALS_LOCK_ATTEMPTS = env_int("APPROVALS_LOCK_ATTEMPTS", default=4)
# Idempotency-Key replays are answered from the stored response for this long.
IDEMPOTENCY_KEY_TTL_HOURS = env_int("IDEMPOTENCY_KEY_TTL_HOURS", default=24)
# Unit codes of the mandatory consultations: the budget division for budget requests,
# the HR division for personnel actions.
APPROVALS_BUDGET_UNIT_CODE = env_str("APPROVALS_BUDGET_UNIT_CODE", "BUDGET")
APPROVALS_HR_UNIT_CODE = env_str("APPROVALS_HR_UNIT_CODE", "HR")
