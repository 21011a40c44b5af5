"""A "lithuanian" text search configuration for the site search on PostgreSQL.

PostgreSQL 12+ ships one (the Snowball Lithuanian stemmer: "mokykla" and "mokyklos" share
the lexeme "mokykl"); a server built without it gets a copy of "simple" under that name, so
search still works (without stemming). Nothing to do on other databases.
"""

from django.db import migrations


def create_lithuanian_config(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_ts_config WHERE cfgname = 'lithuanian'")
        if cursor.fetchone():
            return
        cursor.execute("SELECT 1 FROM pg_ts_dict WHERE dictname = 'lithuanian_stem'")
        if cursor.fetchone():
            cursor.execute("CREATE TEXT SEARCH CONFIGURATION public.lithuanian (COPY = english)")
            cursor.execute(
                "ALTER TEXT SEARCH CONFIGURATION public.lithuanian ALTER MAPPING FOR "
                "asciiword, word, hword, hword_part, asciihword, hword_asciipart "
                "WITH lithuanian_stem"
            )
        else:
            cursor.execute("CREATE TEXT SEARCH CONFIGURATION public.lithuanian (COPY = simple)")


class Migration(migrations.Migration):
    dependencies = [("news", "0002_newsroom_roles")]

    operations = [migrations.RunPython(create_lithuanian_config, migrations.RunPython.noop)]
