"""Backup and restore (PostgreSQL): what comes back is identical to what was backed up.

A site with both language editions, a finished translation, a translation in progress and
several revisions is backed up with ``backup_site`` (pg_dump -Fc and a tar of the media),
restored with ``restore_site`` into an empty database and compared table by table, row by
row: pages, revisions, translations, segments, string translations, everything; sequences
continue where they were; media files come back byte for byte.
"""

import io
import uuid
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection
from wagtail.models import Page, Revision
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.operations import translate_object

from tests.translation.helpers import ENGLISH, translation_of

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
        reason="pg_dump/pg_restore back up PostgreSQL only (SQLite: copy the database file)",
    ),
]


def connect(name, autocommit=False):
    params = connection.settings_dict
    return psycopg.connect(
        host=params["HOST"] or None,
        port=params["PORT"] or None,
        user=params["USER"] or None,
        password=params["PASSWORD"] or None,
        dbname=name,
        autocommit=autocommit,
    )


@pytest.fixture
def empty_database():
    name = f"{connection.settings_dict['NAME']}_restore_{uuid.uuid4().hex[:8]}"
    with connect("postgres", autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield name
    with connect("postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def snapshot(name):
    """Every row of every table, and every sequence's position."""
    tables = {}
    with connect(name) as db:
        names = [
            row[0]
            for row in db.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"
            )
        ]
        for table in names:
            rows = db.execute(f'SELECT * FROM "{table}"').fetchall()
            tables[table] = sorted(rows, key=repr)
        sequences = db.execute(
            "SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'public'"
        ).fetchall()
    return tables, sorted(sequences)


@pytest.fixture
def site_with_work_in_progress(newsroom, english_article, other_article):
    """Both editions, a published translation, one in progress and several revisions."""
    for number in range(3):
        english_article.title = f"Draft {number}"
        english_article.save_revision()
    translate_object(other_article, [newsroom.en])
    in_progress = translation_of(other_article, newsroom.en)
    segment = StringSegment.objects.filter(source=in_progress.source).select_related("string")[0]
    StringTranslation.objects.create(
        translation_of=segment.string,
        context=segment.context,
        locale=newsroom.en,
        data=ENGLISH.get(segment.string.data, "Half done"),
    )
    assert Translation.objects.count() >= 2
    return other_article


def test_backup_and_restore_bring_back_everything(
    site_with_work_in_progress, empty_database, tmp_path
):
    source_name = connection.settings_dict["NAME"]
    before = snapshot(source_name)
    counts = {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "segments": StringSegment.objects.count(),
        "string translations": StringTranslation.objects.count(),
    }
    assert all(counts.values()), counts
    media_files = {
        path.relative_to(settings.MEDIA_ROOT): path.read_bytes()
        for path in Path(settings.MEDIA_ROOT).rglob("*")
        if path.is_file()
    }
    assert media_files

    backup = tmp_path / "backup"
    call_command("backup_site", output=str(backup), stdout=io.StringIO())
    assert {p.name for p in backup.iterdir()} == {"database.dump", "media.tar.gz", "manifest.json"}

    restored_media = tmp_path / "media"
    params = connection.settings_dict
    url = (
        f"postgres://{params['USER']}@{params['HOST'] or 'localhost'}:{params['PORT'] or 5432}"
        f"/{empty_database}"
    )
    call_command(
        "restore_site", str(backup), database_url=url, media_root=str(restored_media),
        stdout=io.StringIO(),
    )  # fmt: skip

    after = snapshot(empty_database)
    assert after[0].keys() == before[0].keys()
    for table, rows in before[0].items():
        assert after[0][table] == rows, table
    assert after[1] == before[1]  # sequences: new rows get new ids
    for relative, content in media_files.items():
        assert (restored_media / relative).read_bytes() == content

    # Restoring over a database that is not empty needs --replace.
    with pytest.raises(CommandError, match="not empty"):
        call_command("restore_site", str(backup), database_url=url, media_root=str(tmp_path))
    # A damaged backup is refused before anything is touched.
    (backup / "database.dump").write_bytes(b"damaged")
    with pytest.raises(CommandError, match="damaged"):
        call_command("restore_site", str(backup), database_url=url, replace=True)
