"""On PostgreSQL, refuse UPDATE and DELETE of document versions for every client,
so the hash a signed PDF names always matches the stored content."""

from django.db import migrations

from core.db import refuse_update_and_delete


class Migration(migrations.Migration):
    dependencies = [("documents", "0001_initial")]

    operations = [
        refuse_update_and_delete(
            table="documents_documentversion",
            name="documents_version_immutable",
            wording="immutable",
        )
    ]
