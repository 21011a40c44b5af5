"""A GIN index on the concatenated title and body vectors of Wagtail's search index.

Wagtail's PostgreSQL search filters with ``(title || body) @@ query``, which its separate
GIN indexes on ``title`` and on ``body`` cannot serve: without this expression index every
search reads the whole index table (bench/run, "Search"). PostgreSQL only.
"""

from django.db import migrations

INDEX = "news_search_title_body_gin"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry "
            "USING gin ((title || body))"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0004_optional_text_defaults"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create_index, drop_index)]
