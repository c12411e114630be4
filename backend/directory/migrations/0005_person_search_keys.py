"""People search by 초성 and by 두벌식 keys: two derived columns, filled for existing
people, and trigram indexes (pg_trgm) that serve the search's LIKE '%...%' on them.

The keys are ASCII (directory.hangul), so pg_trgm indexes them whatever the
database's locale. English names are matched by UPPER(name_en) LIKE, as Django's
icontains writes it. The indexes are whole, not partial (WHERE active): PostgreSQL
15 did not choose a partial trigram index for these queries (measured: a sequential
scan instead). Other databases have no pg_trgm; there the search scans.
"""

from django.db import migrations, models

from directory.hangul import person_search_keys

INDEXES = {
    "person_search_keys_trgm": "(search_keys gin_trgm_ops)",
    "person_search_initials_trgm": "(search_initials gin_trgm_ops)",
    "person_name_en_trgm": "((UPPER(name_en::text)) gin_trgm_ops)",
}


def fill_keys(apps, schema_editor):
    person_model = apps.get_model("directory", "Person")
    batch = []
    for person in person_model.objects.only("id", "name").iterator(chunk_size=2000):
        for key, value in person_search_keys(person.name).items():
            setattr(person, key, value)
        batch.append(person)
        if len(batch) >= 2000:
            person_model.objects.bulk_update(batch, ["search_keys", "search_initials"])
            batch = []
    person_model.objects.bulk_update(batch, ["search_keys", "search_initials"])


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, columns in INDEXES.items():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON directory_person USING gin {columns}"
        )


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("directory", "0004_unit_acting_head")]

    operations = [
        migrations.AddField(
            model_name="person",
            name="search_initials",
            field=models.CharField(
                blank=True,
                editable=False,
                max_length=100,
                verbose_name="initial consonants of the name",
            ),
        ),
        migrations.AddField(
            model_name="person",
            name="search_keys",
            field=models.CharField(
                blank=True, editable=False, max_length=500, verbose_name="name as 두벌식 keys"
            ),
        ),
        migrations.RunPython(fill_keys, migrations.RunPython.noop),
        migrations.RunPython(create_indexes, drop_indexes),
    ]
