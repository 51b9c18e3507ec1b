"""The index by story key, with pairs, facets and a vocabulary (decision 0011).

The documents are rebuilt from scratch: the old rows are dropped with their engine
structures, and ``masthead search reindex`` (run by ``masthead demo`` too) fills the new
ones.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import masthead.search.models


def create_engine_index(apps, schema_editor):
    """The engine's own structure beside the tables: a contentless FTS5 table on SQLite; a
    tsvector column with a GIN index on PostgreSQL, in rows kept narrow (the large values
    go to TOAST) so that reading the primary key in order touches few pages."""
    connection = schema_editor.connection
    if connection.vendor == "postgresql":
        schema_editor.execute("ALTER TABLE search_searchtext ADD COLUMN vector tsvector")
        schema_editor.execute("ALTER TABLE search_searchtext SET (toast_tuple_target = 128)")
        schema_editor.execute(
            "CREATE INDEX search_text_vector ON search_searchtext"
            " USING gin (vector) WITH (fastupdate = off)"
        )
    elif connection.vendor == "sqlite":
        from masthead.search.backends.sqlite_fts5 import create_table_sql

        schema_editor.execute(create_table_sql())


def drop_engine_index(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS search_fts")


def drop_old_engine_index(apps, schema_editor):
    """The first layout's FTS5 table (its vector column goes with its table)."""
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS search_fts")


def recreate_old_engine_index(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor == "postgresql":
        schema_editor.execute("ALTER TABLE search_searchdocument ADD COLUMN vector tsvector")
        schema_editor.execute(
            "CREATE INDEX search_doc_vector ON search_searchdocument USING gin (vector)"
        )
    elif connection.vendor == "sqlite":
        schema_editor.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5("
            "headline, standfirst, body, extra, prefix = '2 3')"
        )


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_initial"),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.RunPython(drop_old_engine_index, recreate_old_engine_index),
        migrations.DeleteModel(name="SearchDocument"),
        migrations.CreateModel(
            name="SearchDocument",
            fields=[
                ("key", masthead.search.models.KeyField(primary_key=True, serialize=False)),
                ("language", models.CharField(max_length=8)),
                ("url", models.CharField(max_length=1000)),
                ("published_at", models.DateTimeField()),
                ("headline", models.TextField()),
                ("section_title", models.CharField(blank=True, max_length=255)),
                ("authors", models.JSONField(blank=True, default=list)),
                ("ranking", models.TextField(blank=True)),
                ("indexed_at", models.DateTimeField(auto_now=True)),
                (
                    "page",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to=settings.WAGTAIL_PAGE_MODEL,
                    ),
                ),
            ],
        ),
        migrations.CreateModel(
            name="SearchTerm",
            fields=[
                ("term", models.CharField(max_length=200, primary_key=True, serialize=False)),
                ("documents", models.IntegerField(default=0)),
            ],
            options={
                "indexes": [
                    models.Index(fields=["term", "documents"], name="search_term_documents")
                ],
            },
        ),
        migrations.CreateModel(
            name="SearchText",
            fields=[
                (
                    "document",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="stored",
                        serialize=False,
                        to="search.searchdocument",
                    ),
                ),
                ("standfirst", models.TextField(blank=True)),
                ("text", models.BinaryField()),
                ("terms", models.BinaryField()),
            ],
        ),
        migrations.RunPython(create_engine_index, drop_engine_index),
    ]
