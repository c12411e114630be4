"""The publication search index: the morphemes table and the vendor's full-text index.

PostgreSQL: a GIN index over the tsvector column (the service writes the vector with
the 'simple' configuration, so morphemes are matched as they are, never stemmed).
SQLite: an FTS5 table keyed by the publication id (its rowid), written by the same
service. Other vendors are not supported by portal.search.
"""

from typing import Any

import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models


POSTGRES_FORWARD = (
    "CREATE INDEX portal_search_vector_gin ON portal_publicationsearchindex "
    "USING gin (search_vector)"
)
POSTGRES_BACKWARD = "DROP INDEX IF EXISTS portal_search_vector_gin"
# unicode61 keeps Hangul syllables together; morphemes arrive space-separated.
SQLITE_FORWARD = (
    "CREATE VIRTUAL TABLE portal_search_fts USING fts5("
    "title_morphemes, body_morphemes, tokenize = 'unicode61 remove_diacritics 0')"
)
SQLITE_BACKWARD = "DROP TABLE IF EXISTS portal_search_fts"


def create_fulltext_index(apps: Any, schema_editor: Any) -> None:
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(POSTGRES_FORWARD)
    elif vendor == "sqlite":
        schema_editor.execute(SQLITE_FORWARD)


def drop_fulltext_index(apps: Any, schema_editor: Any) -> None:
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(POSTGRES_BACKWARD)
    elif vendor == "sqlite":
        schema_editor.execute(SQLITE_BACKWARD)


class Migration(migrations.Migration):

    dependencies = [
        ('portal', '0001_initial'),
    ]

    operations = [
        migrations.CreateModel(
            name='PublicationSearchIndex',
            fields=[
                ('publication', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name='search_index', serialize=False, to='portal.publication', verbose_name='publication')),
                ('title_morphemes', models.TextField(verbose_name='title morphemes')),
                ('body_morphemes', models.TextField(blank=True, verbose_name='body morphemes')),
                ('search_vector', django.contrib.postgres.search.SearchVectorField(editable=False, null=True, verbose_name='search vector')),
                ('indexed_at', models.DateTimeField(auto_now=True, verbose_name='indexed at')),
            ],
            options={
                'verbose_name': 'publication search index entry',
                'verbose_name_plural': 'publication search index',
            },
        ),
        migrations.RunPython(create_fulltext_index, drop_fulltext_index),
    ]
