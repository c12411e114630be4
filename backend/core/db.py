"""Database mechanisms shared by several apps."""

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps


def refuse_update_and_delete(*, table: str, name: str, wording: str) -> migrations.RunPython:
    """A migration operation: a trigger refusing UPDATE and DELETE of `table`.

    The models refuse both already; the trigger also stops raw SQL, other programs and
    the shell. TRUNCATE is not a row operation and is left to privileges. `wording` ends
    the error message: "<table> is <wording>: UPDATE refused".
    """
    create = (
        f"""
CREATE OR REPLACE FUNCTION {name}() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '{table} is {wording}: % refused', TG_OP
        USING ERRCODE = 'restrict_violation';
END;
$$ LANGUAGE plpgsql
""",
        f"""
CREATE TRIGGER {name}
    BEFORE UPDATE OR DELETE ON {table}
    FOR EACH ROW EXECUTE FUNCTION {name}()
""",
    )
    drop = (f"DROP TRIGGER IF EXISTS {name} ON {table}", f"DROP FUNCTION IF EXISTS {name}()")

    def run(statements: tuple[str, ...], schema_editor: BaseDatabaseSchemaEditor) -> None:
        for statement in statements:
            # No parameters: the "%" in the message is not a placeholder.
            schema_editor.execute(statement, params=None)

    def forward(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
        run(create, schema_editor)

    def backward(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
        run(drop, schema_editor)

    return migrations.RunPython(forward, backward)
