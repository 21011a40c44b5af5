"""`manage.py load_demo`: the demo site in Lithuanian, its English translation made through
wagtail-localize, idempotency and the development admin account."""

import datetime
import re
from dataclasses import replace
from html import escape
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Revision, Site
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from home.models import HomePage
from news.demo import build
from news.demo.content import ARTICLES
from news.demo.illustrations import ILLUSTRATIONS
from news.demo.loader import DEV_ADMIN_PASSWORD, DEV_ADMIN_USERNAME
from news.demo.translation import SegmentMismatch, pair_segments
from news.models import ArticlePage, NewsIndexPage, Topic

HOST = "127.0.0.1:8000"  # the demo Site's address
TRANSLATED = [spec for spec in ARTICLES if spec.english]
LITHUANIAN_ONLY = [spec for spec in ARTICLES if not spec.english]
LEARNING_CITY = next(spec for spec in ARTICLES if spec.key == "learning-city")


def load_demo():
    output = StringIO()
    call_command("load_demo", stdout=output)
    return output.getvalue()


@pytest.fixture(scope="class")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo loaded once for the tests of a class, in a transaction rolled back after them.

    Each test runs in a savepoint inside it (pytest-django's ``db``), as with Django's
    ``TestCase.setUpTestData``.
    """
    media = override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media"))
    with django_db_blocker.unblock(), media, transaction.atomic():
        yield load_demo()
        transaction.set_rollback(True)


def locale(code):
    return Locale.objects.get(language_code=code)


def article(slug, language):
    return ArticlePage.objects.get(slug=slug, locale=locale(language))


def blocks(page, block_type):
    return [block.value for block in page.body if block.block_type == block_type]


@pytest.mark.django_db
class TestDemoSite:
    """The site as one run of load_demo (with DEBUG off, as in the test settings) leaves it."""

    # The tree

    def test_home_pages_and_news_indexes_in_both_languages(self, demo):
        site = Site.objects.get(is_default_site=True)
        # The README's runserver address (settings.DEMO_SITE_ADDRESS): absolute URLs work there.
        assert (site.hostname, site.port) == ("127.0.0.1", 8000)
        home_lt = site.root_page.specific
        assert isinstance(home_lt, HomePage)
        assert (home_lt.title, home_lt.locale.language_code) == ("Kauno naujienos", "lt")
        assert not Page.objects.filter(
            title__startswith="Welcome to your new Wagtail site"
        ).exists()

        home_en = home_lt.get_translation(locale("en"))
        assert home_en.title == "Kaunas News" and home_en.live
        news_lt = NewsIndexPage.objects.child_of(home_lt).get()
        news_en = NewsIndexPage.objects.child_of(home_en).get()
        assert (news_lt.slug, news_en.slug) == ("naujienos", "news")
        assert news_en.translation_key == news_lt.translation_key
        assert (news_lt.url, news_en.url) == ("/lt/naujienos/", "/en/news/")

    def test_articles_have_english_editions_except_the_lithuanian_only_ones(self, demo):
        news_lt = NewsIndexPage.objects.get(locale=locale("lt"))
        sources = ArticlePage.objects.child_of(news_lt).live()
        assert sources.count() == len(ARTICLES) >= 7
        assert len(LITHUANIAN_ONLY) >= 1

        for spec in ARTICLES:
            source = sources.get(slug=spec.slug.lt)
            english = source.get_translation_or_none(locale("en"))
            if spec.english:
                assert english.live and english.slug == spec.slug.en
                assert english.get_parent().slug == "news"
            else:
                assert english is None

        dates = [page.publication_date for page in sources]
        assert len(set(dates)) == len(dates)
        assert sources.newest_first().first().slug == LEARNING_CITY.slug.lt

    def test_lithuanian_pages_are_published_from_one_revision_each(self, demo):
        sources = Page.objects.filter(locale=locale("lt"), depth__gt=1)
        assert sources.count() == len(ARTICLES) + 2
        for page in sources:
            assert page.live and not page.has_unpublished_changes
            assert Revision.page_revisions.filter(object_id=str(page.pk)).count() == 1
            assert page.live_revision_id == page.latest_revision_id
        assert f"Lithuanian pages: {len(ARTICLES) + 2} created" in demo
        assert f"English translations: {len(TRANSLATED) + 2} created" in demo

    def test_articles_have_lead_topics_and_varied_bodies(self, demo):
        for spec in TRANSLATED:
            for language in ("lt", "en"):
                page = article(getattr(spec.slug, language), language)
                assert page.lead and page.topics
                # Each edition shows its topics in its own language.
                names = [topic.name for topic in page.topics]
                assert names == [getattr(topic, language) for topic in spec.topics]
                assert {topic.locale_id for topic in page.topics} == {page.locale_id}
                assert len(page.body) >= 4
                assert {"paragraph", "heading"} <= {block.block_type for block in page.body}
        assert (
            ArticlePage.objects.filter(hero_image__isnull=False).exclude(hero_image_alt="").exists()
        )
        assert any(blocks(page, "image") for page in ArticlePage.objects.all())

    def test_articles_have_bylines_in_both_languages(self, demo):
        for spec in TRANSLATED:
            lithuanian = article(spec.slug.lt, "lt")
            english = article(spec.slug.en, "en")
            [author_lt] = lithuanian.authors
            [author_en] = english.authors
            assert author_en.translation_key == author_lt.translation_key
            assert (author_lt.locale.language_code, author_en.locale.language_code) == ("lt", "en")
            assert author_en.role and author_en.role != author_lt.role  # translated
        assert len({article(spec.slug.lt, "lt").authors[0].pk for spec in TRANSLATED}) == 2

    def test_learning_city_facts_and_references_in_both_languages(self, demo):
        lithuanian = article(LEARNING_CITY.slug.lt, "lt")
        english = article(LEARNING_CITY.slug.en, "en")

        [table_lt] = blocks(lithuanian, "indicator_table")
        [table_en] = blocks(english, "indicator_table")
        assert [row["indicator"] for row in table_en["rows"]] == [
            "Population",
            "University students",
            "General education schools",
            "Vocational learners",
            "IT sector",
            "UNESCO status",
        ]
        assert [row["indicator"] for row in table_lt["rows"]][0] == "Gyventojų skaičius"
        values_en = " ".join(f"{row['value']} {row['note']}" for row in table_en["rows"])
        for figure in ("305,000", "30,000+", "KTU, VDU, LSMU", "90+", "35,000", "16,000+", "2016"):
            assert figure in values_en
        values_lt = " ".join(f"{row['value']} {row['note']}" for row in table_lt["rows"])
        for figure in ("305 000", "30 000", "90", "35 000", "16 000", "2016"):
            assert figure in values_lt

        [references_lt] = blocks(lithuanian, "references")
        [references_en] = blocks(english, "references")
        assert [(item["title"], item["publisher"]) for item in references_en["items"]] == [
            (
                "Kaunas in the Global Network of Learning Cities",
                "UNESCO Institute for Lifelong Learning",
            ),
            ("Education statistics and city development", "Kaunas City Municipality"),
            ("Student enrolment figures", "Kaunas Universities (KTU, VDU, LSMU)"),
            ("IT talent pool in Kaunas", "Invest Lithuania"),
            ("Population data", "Lithuanian Department of Statistics"),
        ]
        assert references_lt["items"][4]["publisher"] == "Lietuvos statistikos departamentas"
        for references in (references_lt, references_en):
            assert [item["url"] for item in references["items"]] == [
                "https://www.uil.unesco.org/en/learning-cities/kaunas",
                "",
                "",
                "",
                "",
            ]

    # wagtail-localize

    def test_english_editions_are_complete_wagtail_localize_translations(self, demo):
        for spec in TRANSLATED:
            source = article(spec.slug.lt, "lt")
            english = article(spec.slug.en, "en")

            translation = Translation.objects.get(
                source__object_id=source.translation_key, target_locale=locale("en")
            )
            assert translation.source.get_source_instance() == source
            assert translation.get_target_instance() == english
            assert english.translation_key == source.translation_key
            total, translated = translation.get_progress()
            assert total == translated > 0
            assert not english.slug.startswith("en-")
            assert english.title == spec.title.en and english.lead == spec.lead.en
            assert english.live and not english.has_unpublished_changes

    def test_section_pages_are_translated_through_wagtail_localize(self, demo):
        for page in Page.objects.type(HomePage, NewsIndexPage).filter(locale=locale("lt")):
            translation = Translation.objects.get(source__object_id=page.translation_key)
            total, translated = translation.get_progress()
            assert total == translated > 0
            assert not translation.get_target_instance().slug.startswith("en-")

    def test_english_text_that_does_not_match_the_source_is_refused(self, demo):
        spec = next(spec for spec in TRANSLATED if spec.key == "digital-skills")
        shorter = replace(spec, body=spec.body[:-1])
        images = {
            key: get_image_model().objects.get(title=item.title)
            for key, item in ILLUSTRATIONS.items()
        }
        english = build.article_page(shorter, "en", locale("en"), images, datetime.date.today())
        source = TranslationSource.objects.get_for_instance(article(spec.slug.lt, "lt"))

        with pytest.raises(SegmentMismatch, match="nothing translates"):
            list(pair_segments(source, english))

    # The public site

    def test_both_editions_of_every_article_are_served(self, demo, client):
        for spec in TRANSLATED:
            english = client.get(f"/en/news/{spec.slug.en}/", HTTP_HOST=HOST)
            lithuanian = client.get(f"/lt/naujienos/{spec.slug.lt}/", HTTP_HOST=HOST)

            assert english.status_code == lithuanian.status_code == 200, spec.key
            assert '<html lang="en">' in english.text and '<html lang="lt">' in lithuanian.text
            lead_en, lead_lt = escape(spec.lead.en), escape(spec.lead.lt)
            assert f'<p class="article__lead">{lead_en}</p>' in english.text
            assert f'<p class="article__lead">{lead_lt}</p>' in lithuanian.text
            assert lead_lt not in english.text and lead_en not in lithuanian.text

    def test_home_pages_indexes_and_lithuanian_only_article_are_served(self, demo, client):
        for path, text in [
            ("/lt/", "Kauno naujienos"),
            ("/en/", "Kaunas News"),
            ("/lt/naujienos/", "Naujienos"),
            ("/en/news/", "News"),
        ]:
            response = client.get(path, HTTP_HOST=HOST)
            assert response.status_code == 200, path
            assert text in response.text

        for spec in LITHUANIAN_ONLY:
            response = client.get(f"/lt/naujienos/{spec.slug.lt}/", HTTP_HOST=HOST)
            assert response.status_code == 200 and spec.title.lt in response.text
            assert client.get(f"/en/news/{spec.slug.lt}/", HTTP_HOST=HOST).status_code == 404

    def test_learning_city_page_shows_table_and_references(self, demo, client):
        response = client.get(f"/en/news/{LEARNING_CITY.slug.en}/", HTTP_HOST=HOST)
        html = response.text
        assert "<caption>Facts &amp; Figures: Kaunas as a learning city</caption>" in html
        assert html.count('<th scope="row">') == 6
        assert html.count('<li id="ref-') == 5
        assert 'href="https://www.uil.unesco.org/en/learning-cities/kaunas"' in html

    def test_no_admin_account_without_debug(self, demo):
        assert not get_user_model().objects.exists()
        assert "no admin account" in demo


# Idempotency


def snapshot():
    pages = Page.objects.order_by("path").select_related("locale")
    return {
        "pages": [
            (page.url_path, page.title, page.locale.language_code, page.live)
            + (page.latest_revision_id, page.last_published_at)
            for page in pages
        ],
        "revisions": list(Revision.objects.order_by("pk").values_list("pk", "created_at")),
        "string translations": list(
            StringTranslation.objects.order_by("pk").values_list("pk", "data", "updated_at")
        ),
        "translation sources": list(
            TranslationSource.objects.order_by("pk").values_list("pk", "last_updated_at")
        ),
        "translations": Translation.objects.count(),
        "images": list(get_image_model().objects.order_by("pk").values_list("pk", "file")),
        "users": list(get_user_model().objects.order_by("pk").values_list("pk", "password")),
        "topics": list(Topic.objects.order_by("pk").values_list("pk", "name", "slug", "locale")),
        "redirects": Redirect.objects.count(),
        "sites": list(Site.objects.values()),
    }


@pytest.mark.parametrize("debug", [False, True])
def test_second_run_changes_nothing(
    db, settings, tmp_path, django_capture_on_commit_callbacks, debug
):
    settings.DEBUG = debug
    settings.MEDIA_ROOT = tmp_path
    with django_capture_on_commit_callbacks(execute=True):
        first_output = load_demo()
    before = snapshot()

    with django_capture_on_commit_callbacks(execute=True):
        second_output = load_demo()

    assert snapshot() == before
    topics = {topic.lt for spec in ARTICLES for topic in spec.topics}
    # Pages (articles, home page, news index) and each topic's English translation.
    assert before["translations"] == len(TRANSLATED) + 2 + len(topics)
    assert len(before["topics"]) == 2 * len(topics)
    assert "created" in first_output
    assert not re.search(r"\d+ (created|updated|removed)", second_output)
    assert f"Lithuanian pages: {len(ARTICLES) + 2} already present" in second_output


# The development admin account


def test_admin_account_under_debug_is_kept_on_reruns(db, settings, tmp_path):
    settings.DEBUG = True
    settings.MEDIA_ROOT = tmp_path
    output = load_demo()

    admin = get_user_model().objects.get()
    assert admin.username == DEV_ADMIN_USERNAME and admin.is_superuser
    assert admin.check_password(DEV_ADMIN_PASSWORD)
    assert "http://testserver/admin/" in output and DEV_ADMIN_PASSWORD in output

    admin.set_password("changed-by-the-developer")
    admin.save()
    load_demo()
    admin.refresh_from_db()
    assert admin.check_password("changed-by-the-developer")
