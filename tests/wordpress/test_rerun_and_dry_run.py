"""Running the import again updates what it made (pages, topics, authors); a dry run writes
nothing; the icl_translations CSV stands in for the WPML add-on's keys."""

import pytest
from django.db import transaction
from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model
from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from news.models import (
    ArticleAuthor,
    ArticlePage,
    ArticlePageTopic,
    Author,
    Topic,
    WordPressAuthor,
    WordPressItem,
)

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
            Topic,
            ArticlePageTopic,
            Author,
            ArticleAuthor,
            WordPressAuthor,
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
        sorted(Topic.objects.values_list("locale__language_code", "origin", "name", "slug")),
        sorted(
            ArticlePageTopic.objects.values_list("page__url_path", "topic__origin", "locale_id")
        ),
        sorted(ArticleAuthor.objects.values_list("article__url_path", "author__name", "locale_id")),
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
    assert not Topic.objects.exists() and not Author.objects.exists()  # nor bylines, links
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
    assert "Translation groups linked: 3 article, 2 page, 3 topic" in report
    assert "Duplicate: item 107 (en)" in report


def topic(origin, language):
    return Topic.objects.get(origin=origin, locale__language_code=language)


def snapshot():
    return (
        sorted(Topic.objects.values_list("pk", "locale_id", "origin", "name", "slug")),
        sorted(Author.objects.values_list("pk", "locale_id", "name", "slug")),
        sorted(ArticlePageTopic.objects.values_list("pk", "page_id", "topic_id")),
        sorted(ArticleAuthor.objects.values_list("pk", "article_id", "author_id")),
        WordPressAuthor.objects.count(),
        StringTranslation.objects.filter(locale=Locale.objects.get(language_code="en")).count(),
    )


def test_a_rerun_matches_topics_by_origin_and_authors_by_login(uploads, tmp_path):
    run_import(KAUNAS, "--uploads", uploads)
    before = snapshot()
    report = run_import(KAUNAS, "--uploads", uploads)
    assert snapshot() == before
    assert "Topics: en 3 updated, lt 3 updated; articles' topic links: 7" in report
    assert "Authors: en 2 updated, lt 1 updated; bylines: 12" in report
    renamed = tmp_path / "renamed.xml"
    renamed.write_text(
        KAUNAS.read_text(encoding="utf-8")
        .replace("<![CDATA[Education]]></wp:cat_name>", "<![CDATA[Learning]]></wp:cat_name>")
        .replace("Tomas Jankauskas", "Tomas Jankauskas-Petraitis"),
        encoding="utf-8",
    )
    run_import(renamed, "--uploads", uploads)
    learning = topic("wordpress:category:5", "en")
    assert (learning.name, learning.slug) == ("Learning", "education")  # the address stays
    assert Author.objects.get(slug="tomas-jankauskas").name == "Tomas Jankauskas-Petraitis"
    assert Topic.objects.count() == 6 and Author.objects.count() == 3


def test_a_topic_of_the_site_keeps_its_slug_and_the_imported_one_takes_wordpress_s(uploads):
    english = Locale.objects.get_or_create(language_code="en")[0]
    existing = Topic.objects.create(locale=english, name="Unesco heritage", slug="unesco")
    run_import(KAUNAS, "--uploads", uploads)
    assert topic("wordpress:post_tag:7", "en").slug == "unesco-en"
    assert topic("wordpress:post_tag:7", "lt").slug == "unesco"
    existing.refresh_from_db()
    assert (existing.slug, existing.origin) == ("unesco", "")
