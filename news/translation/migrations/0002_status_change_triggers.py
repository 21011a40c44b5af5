"""Triggers that note, in news_translation_statuschange, the translation key of every row
written that a translation status is computed from (news.translation.models).

A status (news.translation.status) reads pages (which exist, live, when published, aliases),
wagtail-localize's translation sources (when synced), translations (enabled), segments and
string translations (how many are translated, by whom, when). Each insert, delete, and update
of one of those columns notes the key of the translated object; adding or removing a locale
notes every key (no key). Triggers see what Python's signals do not: bulk writes, queryset
updates and deletes, raw SQL.
"""

from django.db import migrations

CHANGES = "news_translation_statuschange"
SOURCE_KEY = "object_id FROM wagtail_localize_translationsource WHERE id = {row}.source_id"
CONTEXT_KEY = "object_id FROM wagtail_localize_translationcontext WHERE id = {row}.context_id"

# (table, the column that names the row's key, the other columns whose update matters, the
# key of a row: a SELECT list, {row} being NEW or OLD). The SQL is written out here, not taken
# from the models: a migration must create the same triggers whatever the models become.
WATCHED = [
    (
        "wagtailcore_page",
        "translation_key",
        ["locale_id", "alias_of_id", "live", "last_published_at"],
        "{row}.translation_key",
    ),
    (
        "wagtail_localize_translationsource",
        "object_id",
        ["locale_id", "last_updated_at"],
        "{row}.object_id",
    ),
    ("wagtail_localize_translation", "source_id", ["target_locale_id", "enabled"], SOURCE_KEY),
    ("wagtail_localize_stringsegment", "source_id", ["string_id", "context_id"], SOURCE_KEY),
    (
        "wagtail_localize_stringtranslation",
        "context_id",
        [
            "translation_of_id",
            "locale_id",
            "translation_type",
            "tool_name",
            "has_error",
            "updated_at",
        ],
        CONTEXT_KEY,
    ),
    ("wagtailcore_locale", "id", [], "NULL"),
]


def _note(key, row):
    return f"INSERT INTO {CHANGES} (translation_key) SELECT {key.format(row=row)};"


def _trigger_name(table, event):
    return f"news_status_{table.split('_', 1)[1]}_{event}"[:63]


def _sqlite_triggers(table, identity, columns, key):
    changed = " OR ".join(f"OLD.{column} IS NOT NEW.{column}" for column in [identity, *columns])
    # An update notes the old key too when the row now names another.
    old_key = (
        f"INSERT INTO {CHANGES} (translation_key) SELECT * FROM (SELECT {key.format(row='OLD')}) "
        f"WHERE OLD.{identity} IS NOT NEW.{identity};"
    )
    return [
        f"CREATE TRIGGER {_trigger_name(table, 'insert')} AFTER INSERT ON {table} "
        f"BEGIN {_note(key, 'NEW')} END",
        f"CREATE TRIGGER {_trigger_name(table, 'delete')} AFTER DELETE ON {table} "
        f"BEGIN {_note(key, 'OLD')} END",
        f"CREATE TRIGGER {_trigger_name(table, 'update')} AFTER UPDATE ON {table} "
        f"WHEN {changed} BEGIN {_note(key, 'NEW')} {old_key} END",
    ]


def _postgresql_triggers(table, identity, columns, key):
    function = _trigger_name(table, "note")
    changed = " OR ".join(
        f"OLD.{column} IS DISTINCT FROM NEW.{column}" for column in [identity, *columns]
    )
    return [
        f"""CREATE OR REPLACE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'DELETE' THEN
                {_note(key, "OLD")}
            ELSIF TG_OP = 'UPDATE' THEN
                IF OLD.{identity} IS DISTINCT FROM NEW.{identity} THEN {_note(key, "OLD")} END IF;
            END IF;
            IF TG_OP <> 'DELETE' THEN {_note(key, "NEW")} END IF;
            RETURN NULL;
        END $$""",
        f"CREATE TRIGGER {_trigger_name(table, 'write')} AFTER INSERT OR DELETE ON {table} "
        f"FOR EACH ROW EXECUTE FUNCTION {function}()",
        f"CREATE TRIGGER {_trigger_name(table, 'update')} AFTER UPDATE ON {table} "
        f"FOR EACH ROW WHEN ({changed}) EXECUTE FUNCTION {function}()",
    ]


def create_table_triggers(schema_editor, table, identity, columns, key):
    """The triggers of one watched table (later migrations change a table's columns)."""
    vendor = schema_editor.connection.vendor
    triggers = {"sqlite": _sqlite_triggers, "postgresql": _postgresql_triggers}[vendor]
    for statement in triggers(table, identity, columns, key):
        schema_editor.execute(statement)


def drop_table_triggers(schema_editor, table):
    postgresql = schema_editor.connection.vendor == "postgresql"
    events = ["write", "update"] if postgresql else ["insert", "delete", "update"]
    for event in events:
        on_table = f" ON {table}" if postgresql else ""
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {_trigger_name(table, event)}{on_table}")
    if postgresql:
        schema_editor.execute(f"DROP FUNCTION IF EXISTS {_trigger_name(table, 'note')}()")


def create_triggers(apps, schema_editor):
    for watched in WATCHED:
        create_table_triggers(schema_editor, *watched)
    # Every status is computed at the first refresh.
    schema_editor.execute(f"INSERT INTO {CHANGES} (translation_key) VALUES (NULL)")


def drop_triggers(apps, schema_editor):
    for table, *_rest in WATCHED:
        drop_table_triggers(schema_editor, table)


class Migration(migrations.Migration):
    dependencies = [
        ("news_translation", "0001_kept_statuses"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(create_triggers, drop_triggers)]
