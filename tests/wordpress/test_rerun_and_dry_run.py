"""Running the import again updates what it made; a dry run writes nothing; the
icl_translations CSV stands in for the WPML add-on's keys."""

import pytest
from django.db import transaction
from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from news.models import ArticlePage, WordPressItem

from .conftest import KAUNAS, KAUNAS_CSV, run_import

pytestmark = pytest.mark.django_db


def counts():
    return {
        model.__name__: model.objects.count()
        for model in (
            Page,
            Redirect,
            WordPressItem,
            get_image_model(),
            TranslationSource,
            Translation,
            StringTranslation,
        )
    }


def site_shape():
    """Every page (language, path, live) and the translation groups, as sets of paths."""
    pages = list(Page.objects.select_related("locale").order_by("path"))
    groups = {}
    for page in pages:
        groups.setdefault(page.translation_key, set()).add(page.url_path)
    return (
        [(p.locale.language_code, p.url_path, p.live, p.specific_class.__name__) for p in pages],
        sorted(sorted(group) for group in groups.values()),
        sorted(
            (t.source.object_repr, t.target_locale.language_code, *t.get_progress())
            for t in Translation.objects.select_related("source", "target_locale")
        ),
    )


def test_running_again_updates_instead_of_duplicating(uploads):
    run_import(KAUNAS, "--uploads", uploads)
    before, ids = counts(), set(Page.objects.values_list("pk", flat=True))
    report = run_import(KAUNAS, "--uploads", uploads)
    assert counts() == before
    assert set(Page.objects.values_list("pk", flat=True)) == ids
    assert "lt article: 8 updated" in report and "en page: 2 updated" in report
    assert "created" not in report


def test_a_changed_post_is_updated_in_place_with_its_translation(uploads, tmp_path):
    run_import(KAUNAS, "--uploads", uploads)
    english = ArticlePage.objects.get(slug="kaunas-unesco-learning-city")
    changed = tmp_path / "changed.xml"
    changed.write_text(
        KAUNAS.read_text(encoding="utf-8").replace(
            "Kaunas, a UNESCO Learning City", "Kaunas joins the UNESCO Learning Cities"
        ),
        encoding="utf-8",
    )
    run_import(changed, "--uploads", uploads)
    english.refresh_from_db()
    assert english.title == "Kaunas joins the UNESCO Learning Cities"
    assert StringTranslation.objects.filter(data="Kaunas joins the UNESCO Learning Cities").exists()
    assert not StringTranslation.objects.filter(data="Kaunas, a UNESCO Learning City").exists()


def test_a_dry_run_prints_the_same_report_and_writes_nothing(uploads, settings):
    before = counts()
    dry = run_import(KAUNAS, "--uploads", uploads, "--dry-run")
    assert counts() == before
    assert not list((uploads.parent / "media").glob("**/*.jpg"))  # no file copied either
    real = run_import(KAUNAS, "--uploads", uploads)
    assert dry.splitlines()[0] == "WordPress import (dry run: nothing was written)"
    assert dry.splitlines()[1:] == real.splitlines()[1:]
    assert counts() != before


def test_the_icl_translations_csv_gives_the_same_result_without_the_add_on_keys(
    uploads, export_without_keys
):
    with transaction.atomic():
        run_import(KAUNAS, "--uploads", uploads)
        with_keys = site_shape()
        transaction.set_rollback(True)
    report = run_import(
        export_without_keys, "--uploads", uploads, "--wpml-translations", KAUNAS_CSV
    )
    assert site_shape() == with_keys
    assert "Translation groups linked: 3 article, 2 page" in report
    assert "Duplicate: item 107 (en)" in report
