"""Migrations run on a database that holds content, not only on an empty one.

What is sound and cheap: a production database already went through every older migration;
what a deploy runs on real content is each project app's *newest* migrations. So, on a
database holding a bilingual site (both editions, a published translation, a translation in
progress, revisions), each project app is migrated back to before its newest migration and
forward again; the content must come through unchanged and the site must still serve it.
This also keeps every newest migration reversible, so that a bad deploy can be rolled back.
(`makemigrations --check` in .ci/run keeps models and migrations in step; the test database
itself is built by running every migration forward from an empty database.)
"""

import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.test import Client
from wagtail.models import Page, Revision
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.operations import translate_object

from news.models import ArticlePage

pytestmark = pytest.mark.django_db(transaction=True)

PROJECT_APPS = ["home", "news"]


def newest_and_previous(app_label):
    graph = MigrationLoader(connection).graph
    (leaf,) = graph.leaf_nodes(app_label)
    parents = [parent for parent in graph.node_map[leaf].parents if parent.key[0] == app_label]
    return leaf[1], parents[0].key[1] if parents else "zero"


def content_state():
    return {
        "pages": list(
            Page.objects.order_by("pk").values_list("pk", "title", "slug", "live", "locale_id")
        ),
        "articles": list(ArticlePage.objects.order_by("pk").values_list("pk", "lead", "body")),
        "revisions": list(Revision.objects.order_by("pk").values_list("pk", "content")),
        "translations": list(Translation.objects.order_by("pk").values_list("pk", "enabled")),
        "segments": StringSegment.objects.count(),
        "string_translations": list(
            StringTranslation.objects.order_by("pk").values_list("pk", "data")
        ),
    }


@pytest.mark.parametrize("app_label", PROJECT_APPS)
def test_newest_migration_runs_on_a_site_with_content(
    app_label, newsroom, english_article, other_article
):
    translate_object(other_article, [newsroom.en])  # a translation in progress
    english_article.save_revision()  # a draft on top of the live version
    before = content_state()
    newest, previous = newest_and_previous(app_label)
    assert previous != "zero", "rolling the only migration back would drop the tables"

    out = io.StringIO()
    call_command("migrate", app_label, previous, verbosity=0, stdout=out)
    call_command("migrate", app_label, newest, verbosity=0, stdout=out)
    # Going back also unapplied the other apps' migrations that depend on it (news 0002
    # onwards depends on home 0002): a deploy's `migrate` brings every app forward.
    call_command("migrate", verbosity=0, stdout=out)

    assert content_state() == before
    client = Client()
    for page in (english_article, other_article):
        assert client.get(page.url).status_code == 200
