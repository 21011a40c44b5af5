"""The WordPress importer's test inputs: the bilingual Kaunas export written for these tests
(fixtures/kaunas.xml, its icl_translations CSV, an uploads folder made here), and WordPress's
theme unit test export from ../shared/wxr/ beside the checkout."""

import io
import os
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from PIL import Image

FIXTURES = Path(__file__).resolve().parent / "fixtures"
KAUNAS = FIXTURES / "kaunas.xml"
KAUNAS_CSV = FIXTURES / "kaunas_icl_translations.csv"
REPOSITORY = Path(__file__).resolve().parents[2]
THEME_UNIT_TEST = REPOSITORY / ".." / "shared" / "wxr" / "themeunittestdata.wordpress.xml"
WPML_KEYS = re.compile(
    r"\s*<wp:(post|term)meta><wp:meta_key><!\[CDATA\[_wpml_import_.*?</wp:\1meta>"
)


def run_import(*args, **options):
    """``manage.py import_wordpress`` with these arguments; returns what it printed."""
    out = io.StringIO()
    call_command("import_wordpress", *[str(arg) for arg in args], stdout=out, **options)
    return out.getvalue()


def make_uploads(base):
    """A copy of wp-content/uploads: the town hall photo and the annual report (the park
    photo that a post shows is missing from it on purpose)."""
    folder = base / "uploads" / "2024" / "05"
    folder.mkdir(parents=True)
    Image.new("RGB", (1200, 800), "navy").save(folder / "rotuse.jpg")
    (folder / "ataskaita.pdf").write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    return base / "uploads"


@pytest.fixture
def uploads(tmp_path, settings):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return make_uploads(tmp_path)


@pytest.fixture(scope="module")
def kaunas_site(django_db_setup, django_db_blocker, tmp_path_factory):
    """The Kaunas export imported once per test module into a fresh installation, inside a
    transaction rolled back after the module (each test's own changes are rolled back
    after it, as usual)."""
    base = tmp_path_factory.mktemp("kaunas")
    uploads = make_uploads(base)
    media = override_settings(MEDIA_ROOT=str(base / "media"))
    with media, django_db_blocker.unblock(), transaction.atomic():
        report = run_import(KAUNAS, "--uploads", uploads)
        yield SimpleNamespace(report=report, uploads=uploads)
        transaction.set_rollback(True)


@pytest.fixture
def kaunas(kaunas_site, db):
    """The report of the Kaunas import (see ``kaunas_site``)."""
    return kaunas_site.report


@pytest.fixture
def export_without_keys(tmp_path):
    """The Kaunas export as plain WordPress writes it: no WPML add-on keys."""
    path = tmp_path / "kaunas-plain.xml"
    path.write_text(WPML_KEYS.sub("", KAUNAS.read_text(encoding="utf-8")), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def theme_unit_test_site(django_db_setup, django_db_blocker):
    """WordPress's theme unit test export imported once per module (rolled back after it);
    its report. No uploads: its images live on WordPress.com."""
    if not THEME_UNIT_TEST.exists():
        message = f"{THEME_UNIT_TEST} is missing (../shared/wxr beside the checkout)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    with django_db_blocker.unblock(), transaction.atomic():
        yield run_import(THEME_UNIT_TEST.resolve())
        transaction.set_rollback(True)


@pytest.fixture
def theme_unit_test(theme_unit_test_site, db):
    return theme_unit_test_site
