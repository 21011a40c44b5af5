"""WPML translation groups as wagtail-localize translations: one translation key, the
original as the source, the imported translation kept through a sync from the source."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from home.models import ContentPage
from news.models import ArticlePage
from news.translation.models import KeptStatus, StatusChange
from news.translation.status import MEMORY_TOOL_NAME, statuses_of
from news.wordpress import localize

pytestmark = pytest.mark.django_db

GROUPS = [
    ("kaunas-unesco-besimokantis-miestas", "kaunas-unesco-learning-city"),
    ("faktai-ir-skaiciai-kaunas-2024", "facts-and-figures-kaunas-2024"),
]


def page(slug, locale):
    return ArticlePage.objects.filter(
        slug=slug, locale__language_code=locale
    ).first() or ContentPage.objects.get(slug=slug, locale__language_code=locale)


def translation_of(source_page, language):
    source = TranslationSource.objects.get_for_instance(source_page)
    return Translation.objects.get(source=source, target_locale__language_code=language)


def texts(page):
    """Every reader-visible text of an article's body, in order."""
    found = [page.title, page.slug, page.lead]
    for block in page.body:
        value = block.value
        if block.block_type == "paragraph":
            # Its words: link targets are synchronised from the source by wagtail-localize
            # (and rendered as the reader's language's edition, next test).
            found.append(BeautifulSoup(value.source, "html.parser").get_text())
        elif block.block_type == "indicator_table":
            found += [value["caption"]] + [f"{r['indicator']}={r['value']}" for r in value["rows"]]
        elif block.block_type == "references":
            found += [value["heading"]] + [item["title"] for item in value["items"]]
        elif block.block_type in ("quote", "image"):
            found += [str(v) for k, v in value.items() if k in ("text", "caption", "alt_text")]
    return found


@pytest.mark.parametrize(("lithuanian", "english"), [*GROUPS, ("apie-kauna", "about-kaunas")])
def test_a_group_is_one_translation_with_the_original_as_its_source(kaunas, lithuanian, english):
    source, target = page(lithuanian, "lt"), page(english, "en")
    assert source.translation_key == target.translation_key
    translation = translation_of(source, "en")
    assert translation.enabled
    assert translation.get_target_instance().pk == target.pk
    total, translated = translation.get_progress()
    assert total and translated == total  # every imported English text is recorded


def test_imported_texts_are_manual_translations_of_the_source_segments(kaunas):
    translation = translation_of(page("faktai-ir-skaiciai-kaunas-2024", "lt"), "en")
    recorded = dict(
        StringTranslation.objects.filter(
            locale=translation.target_locale, context__object_id=translation.source.object_id
        ).values_list("translation_of__data", "data")
    )
    assert recorded["Gyventojai"] == "Population"
    assert recorded["298 000"] == "298,000"
    assert recorded["Šaltiniai"] == "References"
    assert recorded["Faktai ir skaičiai: Kaunas 2024"] == "Facts and figures: Kaunas 2024"
    assert StringTranslation.objects.filter(
        translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL, data="Population"
    ).exists()


@pytest.mark.parametrize(("lithuanian", "english"), GROUPS)
def test_a_sync_from_the_source_keeps_the_imported_english(kaunas, client, lithuanian, english):
    source, target = page(lithuanian, "lt"), page(english, "en")
    imported = texts(target)
    client.force_login(get_user_model().objects.create_superuser("editor", "e@kaunas.lt", "x"))
    source_record = TranslationSource.objects.get_for_instance(source)
    response = client.post(
        reverse("wagtail_localize:update_translations", args=[source_record.pk]),
        {"publish_translations": "on"},
    )
    assert response.status_code == 302
    target = page(english, "en")
    assert texts(target) == imported
    assert client.get(target.url).status_code == 200


def test_after_a_sync_internal_links_still_lead_to_the_english_editions(kaunas, client):
    source = page("kaunas-unesco-besimokantis-miestas", "lt")
    client.force_login(get_user_model().objects.create_superuser("editor", "e@kaunas.lt", "x"))
    source_record = TranslationSource.objects.get_for_instance(source)
    client.post(
        reverse("wagtail_localize:update_translations", args=[source_record.pk]),
        {"publish_translations": "on"},
    )
    html = client.get("/en/news/kaunas-unesco-learning-city/").content.decode()
    assert 'href="/en/news/facts-and-figures-kaunas-2024/"' in html


def test_translators_open_the_imported_edition_in_the_translation_editor(kaunas, client):
    english = page("kaunas-unesco-learning-city", "en")
    client.force_login(get_user_model().objects.create_superuser("editor", "e@kaunas.lt", "x"))
    response = client.get(reverse("wagtailadmin_pages:edit", args=[english.pk]))
    assert response.status_code == 200
    assert "wagtail_localize/admin/edit_translation.html" in [t.name for t in response.templates]


def test_a_wpml_duplicate_is_linked_as_an_untranslated_edition(kaunas):
    source = page("senamiescio-svente", "lt")
    duplicate = page("senamiescio-svente", "en")
    assert duplicate.translation_key == source.translation_key
    assert duplicate.title == source.title  # WPML's copy: the Lithuanian text
    total, translated = translation_of(source, "en").get_progress()
    assert total and translated == 0  # wagtail-localize shows it as still to translate
    assert "Duplicate: item 107 (en) is WPML's untranslated copy of 106" in kaunas


@pytest.mark.parametrize(
    ("slug", "language"),
    [
        ("naujas-dviraciu-takas-zaliakalnyje", "lt"),
        ("kaunas-hosts-a-european-learning-forum", "en"),
        ("kontaktai", "lt"),
    ],
)
def test_an_item_alone_in_its_group_stays_single_language(kaunas, slug, language):
    alone = page(slug, language)
    assert not alone.get_translations().exists()
    assert not TranslationSource.objects.filter(object_id=alone.translation_key).exists()
    assert "Single-language items: 6 article, 1 page" in kaunas


def test_translation_memory_fills_only_what_the_import_left_untranslated(kaunas):
    source, duplicate = page("senamiescio-svente", "lt"), page("senamiescio-svente", "en")
    Translation.objects.filter(source__object_id=source.translation_key).delete()
    other = translation_of(page("faktai-ir-skaiciai-kaunas-2024", "lt"), "en")
    by_hand = StringTranslation.objects.filter(
        context__object_id=other.source.object_id, context__path="title"
    ).get()
    title = StringSegment.objects.get(
        source__object_id=source.translation_key, context__path="title"
    )
    StringTranslation.objects.filter(pk=by_hand.pk).update(translation_of=title.string)

    localize.link_group(source, [(duplicate, True)])  # WPML's copy: nothing recorded

    filled = StringTranslation.objects.get(
        translation_of=title.string, context=title.context, locale=duplicate.locale
    )
    assert (filled.tool_name, filled.data) == (MEMORY_TOOL_NAME, by_hand.data)
    total, translated = translation_of(source, "en").get_progress()
    assert translated == 1 < total  # the rest is still to translate


def test_the_import_leaves_every_translation_status_kept(kaunas):
    """The import computes the statuses the report and the work queue filter by
    (news.translation.kept_statuses): none left for the first translator to compute."""
    assert not StatusChange.objects.exists()
    articles = ArticlePage.objects.filter(locale__language_code="lt")
    assert articles.exists()
    for article in articles:
        kept = dict(
            KeptStatus.objects.filter(source_page=article).values_list("locale_id", "status")
        )
        assert kept == {status.locale.pk: status.status for status in statuses_of(article)}
