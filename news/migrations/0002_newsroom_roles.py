"""Editors, Translators and Moderators groups, their permissions and the moderation workflow.

The mapping lives in news/translation/roles.py (shared with the signal that gives Translators their page
permissions when an English edition's home page is created later).
"""

from django.db import migrations


def configure_roles(apps, schema_editor):
    from news.translation.roles import configure_roles

    configure_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0001_initial"),
        ("home", "0002_content_locales"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(configure_roles, migrations.RunPython.noop)]
