"""A bilingual WPML site imported into a fresh installation and into one with content."""

import datetime

import pytest
from wagtail.models import Page, Site

from home.models import ContentPage, HomePage
from news.models import ArticlePage, NewsIndexPage, WordPressItem

pytestmark = pytest.mark.django_db

UTC = datetime.UTC


def article(slug):
    return ArticlePage.objects.get(slug=slug)


def test_a_fresh_installation_gets_each_languages_home_page_and_news_index(kaunas):
    home_lt = HomePage.objects.get(locale__language_code="lt")
    home_en = HomePage.objects.get(locale__language_code="en")
    assert home_en.translation_key == home_lt.translation_key
    assert Site.objects.get(is_default_site=True).root_page.specific == home_lt
    index_lt = NewsIndexPage.objects.child_of(home_lt).get()
    index_en = NewsIndexPage.objects.child_of(home_en).get()
    assert index_en.translation_key == index_lt.translation_key
    assert not Page.objects.filter(title="Welcome to your new Wagtail site!").exists()


def test_posts_become_articles_in_the_news_index_of_their_language(kaunas):
    index_lt = NewsIndexPage.objects.get(locale__language_code="lt")
    index_en = NewsIndexPage.objects.get(locale__language_code="en")
    assert set(ArticlePage.objects.child_of(index_lt).values_list("slug", flat=True)) == {
        "kaunas-unesco-besimokantis-miestas",
        "faktai-ir-skaiciai-kaunas-2024",
        "naujas-dviraciu-takas-zaliakalnyje",
        "senamiescio-svente",
        "juodrastis-naujas-parkas-prie-nemuno",
        "vidine-informacija",
        "kauno-dziazas-2030",
        "tik-nariams",
    }
    assert set(ArticlePage.objects.child_of(index_en).values_list("slug", flat=True)) == {
        "kaunas-unesco-learning-city",
        "facts-and-figures-kaunas-2024",
        "kaunas-hosts-a-european-learning-forum",
        "senamiescio-svente",
    }
    assert "lt article: 8 created" in kaunas
    assert "en article: 4 created" in kaunas


def test_pages_keep_their_tree_under_their_languages_home_even_a_child_listed_first(kaunas):
    about = ContentPage.objects.get(slug="apie-kauna")
    assert about.get_parent().specific == HomePage.objects.get(locale__language_code="lt")
    children = ContentPage.objects.child_of(about).values_list("slug", flat=True)
    assert set(children) == {"istorija", "kontaktai"}  # istorija came before its parent
    history = ContentPage.objects.get(slug="history")
    assert history.get_parent().slug == "about-kaunas"
    assert history.get_parent().get_parent().specific == HomePage.objects.get(
        locale__language_code="en"
    )
    assert [b.block_type for b in history.body] == ["heading", "paragraph"]
    assert "lt page: 3 created" in kaunas and "en page: 2 created" in kaunas


def test_titles_lose_their_markup_and_slugs_are_kept(kaunas):
    page = article("kaunas-unesco-besimokantis-miestas")
    assert page.title == "Kaunas – UNESCO besimokantis miestas"
    # A draft without a slug gets one from its title, in ASCII for Lithuanian.
    assert ArticlePage.objects.filter(title="Juodraštis: naujas parkas prie Nemuno").get().slug == (
        "juodrastis-naujas-parkas-prie-nemuno"
    )


def test_dates_come_from_the_gmt_fields_and_the_excerpt_becomes_the_lead(kaunas):
    page = article("kaunas-unesco-besimokantis-miestas")
    assert page.first_published_at == datetime.datetime(2024, 5, 2, 6, 0, tzinfo=UTC)
    assert page.last_published_at == datetime.datetime(2024, 5, 3, 9, 30, tzinfo=UTC)
    assert page.publication_date == datetime.date(2024, 5, 2)
    assert page.lead == "Kaunas tapo UNESCO besimokančių miestų tinklo nariu."
    # Without an excerpt the lead is the start of the body.
    assert article("faktai-ir-skaiciai-kaunas-2024").lead.startswith("Keli skaičiai apie")


def test_the_featured_image_is_the_hero_with_its_alt_text_in_each_language(kaunas):
    lithuanian = article("kaunas-unesco-besimokantis-miestas")
    english = article("kaunas-unesco-learning-city")
    assert lithuanian.hero_image is not None
    assert english.hero_image == lithuanian.hero_image  # one file, one image
    assert lithuanian.hero_image_alt == "Kauno rotušė sutemus, apšviesta aikštė"
    assert english.hero_image_alt == "Kaunas Town Hall at dusk, the square lit up"


def test_what_was_imported_is_recorded_by_wordpress_id(kaunas):
    record = WordPressItem.objects.get(wp_id=101)
    assert record.page.specific == article("kaunas-unesco-learning-city")
    assert (record.language, record.translation_group, record.author_login) == ("en", "1", "tomas")
    attachments = WordPressItem.objects.filter(wp_id__in=[10, 11])
    assert {item.image_id for item in attachments} == {
        article("kaunas-unesco-learning-city").hero_image_id
    }


def test_the_report_counts_skips_terms_and_authors(kaunas):
    assert "Translation groups linked: 3 article, 2 page, 3 topic" in kaunas
    assert "comments (not imported): 1" in kaunas
    assert "menu items: 1" in kaunas
    assert "post type 'product' (not imported): 1" in kaunas
    assert "lt categories 1" in kaunas and "en tags 1" in kaunas
    assert "linked across languages: categories 1, tags 1" in kaunas
    assert "Authors: en 2 created, lt 1 created; bylines: 12" in kaunas
