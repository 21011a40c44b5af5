"""manage.py generate_articles: bulk-built articles keep the page tree valid and render."""

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page
from wagtail_localize.models import Translation
from wagtail_localize.operations import translate_object

from news.demo.bulk.words import TOPICS
from news.models import ArticlePage
from news.search.views import search_articles

pytestmark = pytest.mark.django_db


def test_builds_linked_editions_in_a_valid_tree(client, tree):
    call_command("generate_articles", count=7, batch=3, verbosity=0)
    lt = ArticlePage.objects.filter(locale=tree.lt)
    en = ArticlePage.objects.filter(locale=tree.en)
    assert lt.count() == en.count() == 7
    assert set(lt.values_list("translation_key", flat=True)) == set(
        en.values_list("translation_key", flat=True)
    )
    # What `manage.py fixtree` checks.
    assert Page.find_problems() == ([], [], [], [], [])
    tree.news_lt.refresh_from_db()
    assert tree.news_lt.numchild == 7
    translations = Translation.objects.filter(target_locale=tree.en)
    articles = translations.filter(source__object_id__in=lt.values("translation_key"))
    assert articles.count() == 7
    # And each topic's English edition, made through wagtail-localize (issue 12).
    assert translations.count() == 7 + len(TOPICS)

    article = lt.order_by("-publication_date", "-pk").first()
    response = client.get(article.url)
    assert response.status_code == 200
    html = response.content.decode()
    for marker in ("<table", "<blockquote", "<aside", "<ol", "<h2", "<figure"):
        assert marker in html, marker
    assert client.get("/en/news/").status_code == 200
    assert len(article.topics) == 2
    # The English edition is filed under the same topics' English editions (issue 12).
    english = ArticlePage.objects.get(translation_key=article.translation_key, locale=tree.en)
    assert [t.translation_key for t in english.topics] == [
        t.translation_key for t in article.topics
    ]
    assert {t.locale_id for t in english.topics} == {tree.en.pk}
    english_names = dict(TOPICS)
    assert [t.name for t in english.topics] == [english_names[t.name] for t in article.topics]

    # A second run appends after the first.
    call_command("generate_articles", count=2, verbosity=0)
    assert ArticlePage.objects.filter(locale=tree.lt).count() == 9
    assert all(not problems for problems in Page.find_problems())
    assert list(search_articles(article.title.split()[-1], "lt"))


def test_needs_the_site_tree(db):
    with pytest.raises(CommandError):
        call_command("generate_articles", count=1, verbosity=0)


def test_source_only_articles_can_be_submitted_for_translation(tree):
    """What bench/translation_timing.py submits: Lithuanian articles with no English edition
    and no translation records yet, which wagtail-localize then translates like any other."""

    call_command("generate_articles", count=3, source_only=True, verbosity=0)
    lt = list(ArticlePage.objects.filter(locale=tree.lt))
    assert len(lt) == 3
    assert not ArticlePage.objects.filter(locale=tree.en).exists()
    # No translation of an article (the topics' English editions exist: issue 12).
    articles = Translation.objects.filter(source__object_id__in=[a.translation_key for a in lt])
    assert not articles.exists()
    assert all(not problems for problems in Page.find_problems())

    translate_object(lt[0], [tree.en])
    edition = ArticlePage.objects.get(locale=tree.en, translation_key=lt[0].translation_key)
    assert not edition.live  # a draft until the translation is published
    assert articles.get(target_locale=tree.en).source.object_id == lt[0].translation_key
