"""On PostgreSQL, refuse UPDATE and DELETE of audit events for every database client.

TRUNCATE is left to privileges: the application's database role should not own the
table in production (see docs/audit.md).
"""

from django.db import migrations

from core.db import refuse_update_and_delete


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]

    operations = [
        refuse_update_and_delete(
            table="audit_auditevent", name="audit_event_append_only", wording="append-only"
        )
    ]
