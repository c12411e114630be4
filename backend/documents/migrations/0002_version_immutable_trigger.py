"""On PostgreSQL, refuse UPDATE and DELETE of document versions for every client.

The model and its queryset already refuse both; the trigger also stops raw SQL,
other programs and the shell, so the hash a signed PDF names always matches the
stored content. Other databases (SQLite, the embedded default) rely on the model.
"""

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

CREATE = (
    """
CREATE OR REPLACE FUNCTION documents_version_immutable() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'documents_documentversion is immutable: % refused', TG_OP
        USING ERRCODE = 'restrict_violation';
END;
$$ LANGUAGE plpgsql
""",
    """
CREATE TRIGGER documents_version_immutable
    BEFORE UPDATE OR DELETE ON documents_documentversion
    FOR EACH ROW EXECUTE FUNCTION documents_version_immutable()
""",
)

DROP = (
    "DROP TRIGGER IF EXISTS documents_version_immutable ON documents_documentversion",
    "DROP FUNCTION IF EXISTS documents_version_immutable()",
)


def create_trigger(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        for statement in CREATE:
            # No parameters: the "%" in the message is not a placeholder.
            schema_editor.execute(statement, params=None)


def drop_trigger(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        for statement in DROP:
            schema_editor.execute(statement, params=None)


class Migration(migrations.Migration):
    dependencies = [("documents", "0001_initial")]

    operations = [migrations.RunPython(create_trigger, drop_trigger)]
