"""Changing the audit table behind the application's back, as an attacker with SQL would."""

from typing import Any

from django.db import connection

TRIGGER = "audit_event_append_only"


def raw_sql(sql: str, params: list[Any] | None = None) -> None:
    """Run `sql` with the append-only trigger disabled for the statement.

    The ALTER TABLE happens inside the test's transaction, so the rollback at the end
    of the test restores the trigger.
    """
    with connection.cursor() as cursor:
        # ALTER TABLE waits for no deferred foreign-key checks: run them now.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute(f"ALTER TABLE audit_auditevent DISABLE TRIGGER {TRIGGER}")
        cursor.execute(sql, params or [])
        cursor.execute(f"ALTER TABLE audit_auditevent ENABLE TRIGGER {TRIGGER}")
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
