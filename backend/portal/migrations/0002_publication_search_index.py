"""The publication search index: the morphemes table and a GIN index over its tsvector.

The service writes the vector with the 'simple' configuration, so morphemes are
matched as they are, never stemmed.
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


def create_fulltext_index(apps: Any, schema_editor: Any) -> None:
    schema_editor.execute(POSTGRES_FORWARD)


def drop_fulltext_index(apps: Any, schema_editor: Any) -> None:
    schema_editor.execute(POSTGRES_BACKWARD)


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
