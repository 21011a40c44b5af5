"""The explorer's two orderings read from an index alone, at any depth of the listing.

0013's indexes on ``latest_revision_created_at`` and ``title`` gave the explorer its first
page, but a page in the middle skipped up to half the children, and each skipped row was read
from the table to check its parent (``path``, ``depth``): 56 ms for the news index's page
1,000 of 2,000 in its default order, 120 ms by title (200,000 pages). These indexes end with
the id (the listing's tie-break) and carry ``depth`` and ``path`` along (PostgreSQL's
``INCLUDE``), so skipping reads the index only: 20 ms and 15 ms. SQLite indexes the same
columns, without the included ones it cannot declare.
"""

from django.db import migrations

# name: (columns, columns carried along), replacing 0013's index of the same ordering.
INDEXES = {
    "news_page_latest_revision_created_at": (
        "latest_revision_created_at DESC NULLS LAST, id",
        "depth, path",
    ),
    "news_page_title": ("title, id", "depth, path"),
}
PREVIOUS = {
    "news_page_latest_revision_created_at": "latest_revision_created_at DESC NULLS LAST",
    "news_page_title": "title",
}


def create(schema_editor, name, columns, included=""):
    if schema_editor.connection.vendor == "sqlite":
        # SQLite cannot say so, and a descending index puts nulls last there anyway.
        columns, included = columns.replace(" NULLS LAST", ""), ""
    include = f" INCLUDE ({included})" if included else ""
    schema_editor.execute(f"DROP INDEX IF EXISTS {name}")
    schema_editor.execute(f"CREATE INDEX {name} ON wagtailcore_page ({columns}){include}")


def covering_indexes(apps, schema_editor):
    for name, (columns, included) in INDEXES.items():
        create(schema_editor, name, columns, included)


def previous_indexes(apps, schema_editor):
    for name, columns in PREVIOUS.items():
        create(schema_editor, name, columns)


class Migration(migrations.Migration):
    dependencies = [("news", "0014_article_search_entry")]

    operations = [migrations.RunPython(covering_indexes, previous_indexes)]
