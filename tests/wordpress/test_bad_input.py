"""Input the importer cannot use: a clear error and nothing written. A group that fails
leaves nothing of itself behind, and the rest of the import goes on."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import Page

from news.models import ArticlePage, WordPressItem

from .conftest import KAUNAS, KAUNAS_CSV, run_import

pytestmark = pytest.mark.django_db


@pytest.fixture
def unchanged():
    pages = list(Page.objects.values_list("pk", flat=True))
    yield
    assert list(Page.objects.values_list("pk", flat=True)) == pages
    assert not WordPressItem.objects.exists()


def write(tmp_path, text, name="export.xml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


KAUNAS_TEXT = KAUNAS.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("<html><body>Not an export</body></html>", "not a WordPress export: the root is <html>"),
        (
            '<rss version="2.0"><channel><title>A feed</title><item><title>x</title></item>'
            "</channel></rss>",
            "no <wp:wxr_version>",
        ),
        (KAUNAS_TEXT[: len(KAUNAS_TEXT) // 2], "not complete, well-formed XML"),
        (
            KAUNAS_TEXT.replace("<wp:wxr_version>1.2<", "<wp:wxr_version>3.0<"),
            "unknown WXR version '3.0'",
        ),
        ("", "not complete, well-formed XML"),
    ],
    ids=["html", "plain rss", "truncated", "unknown version", "empty"],
)
def test_a_file_that_is_not_a_usable_export_is_refused(tmp_path, unchanged, text, message):
    with pytest.raises(CommandError, match=message.replace("(", r"\(").replace(")", r"\)")):
        run_import(write(tmp_path, text))


def test_a_missing_file_is_refused(tmp_path, unchanged):
    with pytest.raises(CommandError, match="cannot read the file"):
        run_import(tmp_path / "nowhere.xml")


def test_a_translations_csv_with_missing_columns_is_refused(tmp_path, unchanged):
    csv = write(tmp_path, "element_type,element_id,language_code\npost_post,100,lt\n", "icl.csv")
    with pytest.raises(CommandError, match="missing column.*trid, source_language_code"):
        run_import(KAUNAS, "--wpml-translations", csv)


def test_a_translations_csv_with_a_bad_id_is_refused(tmp_path, unchanged):
    text = KAUNAS_CSV.read_text(encoding="utf-8").replace("post_post,100,", "post_post,abc,")
    with pytest.raises(CommandError, match="line 6: element_id is not a number"):
        run_import(KAUNAS, "--wpml-translations", write(tmp_path, text, "icl.csv"))


def test_an_unknown_site_language_is_refused(unchanged):
    with pytest.raises(CommandError, match="not a language of this site: de"):
        run_import(KAUNAS, "--language", "de=de")


def test_a_failing_group_leaves_nothing_half_imported_and_the_rest_goes_on(tmp_path):
    # Group 1's English member gets an id the record of imported items cannot hold: the
    # group fails after its Lithuanian original was written, which must be rolled back.
    broken = KAUNAS_TEXT.replace("<wp:post_id>101</wp:post_id>", "<wp:post_id>-101</wp:post_id>")
    out = io.StringIO()
    with pytest.raises(CommandError, match="1 translation group\\(s\\) failed"):
        call_command("import_wordpress", str(write(tmp_path, broken)), stdout=out)
    assert "Failed groups (nothing of them was written): 1" in out.getvalue()
    assert "wpml:1 (items 100, -101)" in out.getvalue()
    assert not ArticlePage.objects.filter(slug="kaunas-unesco-besimokantis-miestas").exists()
    assert not ArticlePage.objects.filter(slug="kaunas-unesco-learning-city").exists()
    assert ArticlePage.objects.filter(slug="faktai-ir-skaiciai-kaunas-2024").exists()
    assert not WordPressItem.objects.filter(wp_id=100).exists()
