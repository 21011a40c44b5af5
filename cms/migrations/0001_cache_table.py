"""The database cache's table, where the settings use Django's DatabaseCache.

Production without REDIS_URL shares its cache between workers through the database
(cms/settings/production.py): `migrate` creates the table, as `createcachetable` would. Other
settings (local memory, Redis) need no table and this does nothing.
"""

from django.core.management import call_command
from django.db import migrations


def create_cache_tables(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = []

    operations = [migrations.RunPython(create_cache_tables, migrations.RunPython.noop)]
