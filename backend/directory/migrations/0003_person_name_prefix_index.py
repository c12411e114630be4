"""An index that serves people search by name prefix on PostgreSQL, in order.

The search filters `name COLLATE "C" LIKE '김%'` and orders by the same expression, so
PostgreSQL reads one range of this index and stops after a page, whatever the
database's collation (byte order of Hangul syllables is 가나다 order). Other databases
have no "C" collation; there the search falls back to the plain name index.
"""

from django.db import migrations

CREATE = (
    'CREATE INDEX IF NOT EXISTS person_name_c_active ON directory_person '
    '((name COLLATE "C"), employee_number) WHERE active'
)
DROP = "DROP INDEX IF EXISTS person_name_c_active"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("directory", "0002_role_groups")]

    operations = [migrations.RunPython(create_index, drop_index)]
