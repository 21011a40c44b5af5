"""The source's title in the kept statuses, and the page triggers watching titles too: the
Translations report skips rows in an index of the kept table alone (news.translation.models).

The titles of the rows already kept are copied here; a title changed later notes its key, and
the next refresh writes the rows again.
"""

from importlib import import_module

from django.db import migrations, models

triggers = import_module("news.translation.migrations.0002_status_change_triggers")
PAGE_TABLE = "wagtailcore_page"
_table, IDENTITY, COLUMNS, KEY = next(w for w in triggers.WATCHED if w[0] == PAGE_TABLE)


def _watch_page_columns(schema_editor, columns):
    triggers.drop_table_triggers(schema_editor, PAGE_TABLE)
    triggers.create_table_triggers(schema_editor, PAGE_TABLE, IDENTITY, columns, KEY)


def watch_titles(apps, schema_editor):
    _watch_page_columns(schema_editor, [*COLUMNS, "title"])
    schema_editor.execute(
        "UPDATE news_translation_keptstatus SET source_title = COALESCE("
        f"(SELECT title FROM {PAGE_TABLE} WHERE id = source_page_id), '')"
    )


def unwatch_titles(apps, schema_editor):
    _watch_page_columns(schema_editor, COLUMNS)


class Migration(migrations.Migration):
    dependencies = [("news_translation", "0002_status_change_triggers")]

    operations = [
        migrations.AddField(
            model_name="keptstatus",
            name="source_title",
            field=models.CharField(default="", max_length=255),
        ),
        migrations.RunPython(watch_titles, unwatch_titles),
        migrations.AddIndex(
            model_name="keptstatus",
            index=models.Index(
                condition=models.Q(("status", "source")),
                fields=["source_title", "source_page"],
                name="news_kept_status_by_title",
            ),
        ),
    ]
