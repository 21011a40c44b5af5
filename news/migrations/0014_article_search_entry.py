"""ArticleSearchEntry (news.search.models): every article's search index entry beside its
locale and publication date, with a GIN index on ``title || body`` (PostgreSQL only), filled
from Wagtail's index of the articles already there."""

import django.contrib.postgres.search
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

INDEX = "article_search_title_body_gin"


def create_index_and_copy_entries(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON news_articlesearchentry USING gin ((title || body))"
    )
    schema_editor.execute(
        "INSERT INTO news_articlesearchentry "
        "(page_id, locale_id, publication_date, title, body, title_norm) "
        "SELECT page.id, page.locale_id, article.publication_date, entry.title, entry.body, "
        "entry.title_norm "
        "FROM news_articlepage article "
        "JOIN wagtailcore_page page ON page.id = article.page_ptr_id "
        "JOIN wagtailsearch_indexentry entry ON entry.content_type_id = page.content_type_id "
        "AND entry.object_id = article.page_ptr_id::text"
    )
    # Statistics now, for the planner to choose between the two indexes before autovacuum.
    schema_editor.execute("ANALYZE news_articlesearchentry")


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0013_admin_listing_indexes"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [
        migrations.CreateModel(
            name="ArticleSearchEntry",
            fields=[
                (
                    "page",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="+",
                        serialize=False,
                        to=settings.WAGTAIL_PAGE_MODEL,
                    ),
                ),
                ("publication_date", models.DateField()),
                ("title", django.contrib.postgres.search.SearchVectorField()),
                ("body", django.contrib.postgres.search.SearchVectorField()),
                ("title_norm", models.FloatField(default=1.0)),
                (
                    "locale",
                    models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="wagtailcore.locale",
                    ),
                ),
            ],
            options={
                "indexes": [
                    models.Index(
                        fields=["locale", "publication_date", "page"],
                        name="article_search_newest",
                    ),
                    models.Index(
                        fields=["publication_date", "page"], name="article_search_newest_all"
                    ),
                ],
            },
        ),
        # Backwards, dropping the table drops its index.
        migrations.RunPython(create_index_and_copy_entries, migrations.RunPython.noop),
    ]
