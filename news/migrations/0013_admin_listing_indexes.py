"""Indexes on Wagtail's page table for the admin's listings, whatever the size of the archive
(bench/run, "Editors and translators"; figures from 200,000 pages):

- ``depth``: every admin page asks for the tree's root nodes (the sidebar finds a superuser's
  explorable root with them), which read the whole table: 55 ms on every request;
- ``latest_revision_created_at`` (descending, nulls last, as the explorer sorts by default):
  the explorer of a news index sorted all its articles to show 50: 55 ms;
- ``title``: the Translations report (sorted by title) read every article to show 50: 230 ms.
"""

from django.db import migrations

INDEXES = {
    "news_page_depth": "depth",
    "news_page_latest_revision_created_at": "latest_revision_created_at DESC NULLS LAST",
    "news_page_title": "title",
}


def create_indexes(apps, schema_editor):
    for name, columns in INDEXES.items():
        if schema_editor.connection.vendor == "sqlite":
            # SQLite cannot say so, and a descending index puts nulls last there anyway.
            columns = columns.replace(" NULLS LAST", "")
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON wagtailcore_page ({columns})")


def drop_indexes(apps, schema_editor):
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0012_video_block"),
        ("wagtailcore", "0001_squashed_0016_change_page_url_path_to_text_field"),
    ]

    operations = [migrations.RunPython(create_indexes, drop_indexes)]
