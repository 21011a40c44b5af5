"""Categories and tags become topics in their language, linked across languages by their
WPML groups; WordPress authors become bylines; re-runs match both instead of duplicating."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail_localize.models import Translation, TranslationSource

from news.models import ArticleAuthor, ArticlePage, ArticlePageTopic, Author, Topic, WordPressAuthor

pytestmark = pytest.mark.django_db


def topics(language):
    return {
        topic.origin: (topic.name, topic.slug)
        for topic in Topic.objects.filter(locale__language_code=language)
    }


def topic(origin, language):
    return Topic.objects.get(origin=origin, locale__language_code=language)


def article(slug, language):
    return ArticlePage.objects.get(slug=slug, locale__language_code=language)


def linked(page):
    return [(t.locale.language_code, t.name) for t in page.topics]


def test_each_term_is_a_topic_in_its_language_without_the_old_language_suffix(kaunas):
    assert topics("lt") == {
        "wordpress:category:5": ("Švietimas", "svietimas"),
        "wordpress:post_tag:7": ("UNESCO", "unesco"),
        "wordpress:post_tag:9": ("Dviračiai", "dviraciai"),
    }
    assert topics("en") == {
        "wordpress:category:5": ("Education", "education"),
        "wordpress:post_tag:7": ("UNESCO", "unesco"),  # unesco-en in WordPress
        "wordpress:post_tag:9": ("Dviračiai", "dviraciai"),  # see the copy test
    }
    assert "Translation groups linked: 3 article, 2 page, 3 topic" in kaunas
    assert "Topics: en 3 created, lt 3 created; articles' topic links: 7" in kaunas


@pytest.mark.parametrize(
    ("origin", "english"), [("category:5", "Education"), ("post_tag:7", "UNESCO")]
)
def test_a_wpml_group_of_terms_is_one_wagtail_localize_translation(kaunas, origin, english):
    source, target = topic(f"wordpress:{origin}", "lt"), topic(f"wordpress:{origin}", "en")
    assert source.translation_key == target.translation_key
    record = TranslationSource.objects.get_for_instance(source)
    assert record.locale.language_code == "lt"  # the original term's language is the source
    translation = Translation.objects.get(source=record, target_locale=target.locale)
    assert translation.enabled
    total, translated = translation.get_progress()
    assert total and translated == total  # name and slug recorded as translated
    assert set(Topic.objects.readable().filter(pk__in=[source.pk, target.pk])) == {source, target}
    translation.save_target(publish=True)  # the snippet's sync from its source
    target.refresh_from_db()
    assert (target.name, target.origin) == (english, f"wordpress:{origin}")


def test_an_article_in_a_language_its_term_lacks_gets_the_topic_there_to_translate(kaunas):
    lithuanian, english = topic("wordpress:post_tag:9", "lt"), topic("wordpress:post_tag:9", "en")
    assert english.translation_key == lithuanian.translation_key
    assert english in Topic.objects.readable()  # else the article would drop it on save
    forum = article("kaunas-hosts-a-european-learning-forum", "en")
    assert linked(forum) == [("en", "Education"), ("en", "Dviračiai")]
    assert "Topic 'Dviračiai' has no en term: its en edition has the lt name, to translate" in (
        kaunas
    )


def test_articles_link_to_their_terms_topics_in_their_own_locale(kaunas):
    lithuanian = article("kaunas-unesco-besimokantis-miestas", "lt")
    english = article("kaunas-unesco-learning-city", "en")
    assert linked(lithuanian) == [("lt", "Švietimas"), ("lt", "UNESCO")]
    assert linked(english) == [("en", "Education"), ("en", "UNESCO")]
    # The editions' links pair up (one translation_key per topic), as wagtail-localize needs.
    keys = [
        set(page.topic_links.values_list("translation_key", flat=True))
        for page in (lithuanian, english)
    ]
    assert keys[0] == keys[1] and len(keys[0]) == 2
    assert linked(article("naujas-dviraciu-takas-zaliakalnyje", "lt")) == [("lt", "Dviračiai")]


def test_a_sync_of_an_article_keeps_its_topics_and_bylines_in_the_translation(kaunas, client):
    source = article("kaunas-unesco-besimokantis-miestas", "lt")
    client.force_login(get_user_model().objects.create_superuser("editor", "e@kaunas.lt", "x"))
    record = TranslationSource.objects.get_for_instance(source)
    response = client.post(
        reverse("wagtail_localize:update_translations", args=[record.pk]),
        {"publish_translations": "on"},
    )
    assert response.status_code == 302
    english = article("kaunas-unesco-learning-city", "en")
    assert linked(english) == [("en", "Education"), ("en", "UNESCO")]
    assert ArticlePageTopic.objects.filter(page=english).count() == 2
    # Bylines are the source's after a sync (wagtail-localize maps them to the translation).
    assert [(a.locale.language_code, a.name) for a in english.authors] == [
        ("en", "Rasa Petrauskienė")
    ]


def test_authors_become_bylines_in_each_language_of_their_articles(kaunas):
    assert [a.name for a in article("kaunas-unesco-besimokantis-miestas", "lt").authors] == [
        "Rasa Petrauskienė"
    ]
    assert [a.name for a in article("kaunas-unesco-learning-city", "en").authors] == [
        "Tomas Jankauskas"
    ]
    rasa_lt = Author.objects.get(slug="rasa-petrauskiene", locale__language_code="lt")
    rasa_en = Author.objects.get(slug="rasa-petrauskiene", locale__language_code="en")
    assert rasa_en.translation_key == rasa_lt.translation_key
    assert article("senamiescio-svente", "en").authors == [rasa_en]  # the duplicate's author
    assert TranslationSource.objects.get_for_instance(rasa_lt).locale.language_code == "lt"
    assert Translation.objects.filter(
        source__object_id=rasa_lt.translation_key, target_locale=rasa_en.locale
    ).exists()
    # Tomas writes only in English: one edition, alone.
    tomas = Author.objects.filter(name="Tomas Jankauskas")
    assert [author.locale.language_code for author in tomas] == ["en"]
    assert {(r.login, r.translation_key) for r in WordPressAuthor.objects.all()} == {
        ("rasa", rasa_lt.translation_key),
        ("tomas", tomas.get().translation_key),
    }
    assert ArticleAuthor.objects.count() == 12  # every imported article has its byline
    assert "Authors: en 2 created, lt 1 created; bylines: 12" in kaunas
