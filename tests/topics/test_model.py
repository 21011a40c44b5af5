"""The Topic snippet and the links of articles to topics."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from wagtail_localize.fields import get_translatable_fields

from news.models import ArticlePageTopic, Topic

from ..factories import create_article, make_topic, translate


def test_slug_is_made_from_the_name_without_accents(tree):
    topic = Topic.objects.create(locale=tree.lt, name="Įtraukusis švietimas")
    assert topic.slug == "itraukusis-svietimas"
    assert str(topic) == "Įtraukusis švietimas"


def test_slug_is_unique_per_language_only(tree):
    lithuanian = make_topic(tree.lt, "UNESCO")
    english = make_topic(tree.en, "UNESCO", translation_of=lithuanian)
    assert lithuanian.slug == english.slug == "unesco"
    clash = Topic(locale=tree.lt, name="Unesco", slug="unesco")
    with pytest.raises(ValidationError) as error:
        clash.full_clean()
    assert "slug" in error.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        clash.save()


def test_origin_is_unique_per_language_when_set(tree):
    make_topic(tree.lt, "kultūra", origin="wordpress:category:12")
    make_topic(tree.lt, "sportas")
    make_topic(tree.lt, "menas")  # two topics without an origin are fine
    with pytest.raises(IntegrityError), transaction.atomic():
        make_topic(tree.lt, "kita", origin="wordpress:category:12")


def test_origin_is_synchronised_and_text_is_translated():
    fields = {field.field_name: field for field in get_translatable_fields(Topic)}
    assert fields["origin"].is_synchronized(Topic()) and not fields["origin"].is_translated(Topic())
    for name in ("name", "slug", "description"):
        assert fields[name].is_translated(Topic()), name


def test_article_topics_are_those_of_its_locale_in_order(tree, topics):
    article = create_article(
        tree.news_lt, "Straipsnis", topics=[topics["sport_lt"], topics["education_lt"]]
    )
    article = type(article).objects.get(pk=article.pk)
    assert article.topics == [topics["sport_lt"], topics["education_lt"]]


def test_a_copy_for_translation_links_the_topics_translations_or_none(tree, topics):
    article = create_article(
        tree.news_lt, "Straipsnis", topics=[topics["education_lt"], topics["sport_lt"]]
    )
    english = translate(article, tree.en, title="Article", slug="article")
    # "sportas" has no English edition yet: left out rather than shown in Lithuanian.
    assert english.topics == [topics["education_en"]]
    assert set(ArticlePageTopic.objects.filter(page=english).values_list("locale", flat=True)) == {
        tree.en.pk
    }


def test_a_topic_of_another_language_is_refused_in_the_editor(tree, topics):
    article = create_article(tree.news_lt, "Straipsnis")
    link = ArticlePageTopic(page=article, topic=topics["education_en"])
    with pytest.raises(ValidationError) as error:
        link.clean()
    assert "topic" in error.value.message_dict
    ArticlePageTopic(page=article, topic=topics["education_lt"]).clean()  # its own: fine


def test_a_translated_slug_is_kept_to_ascii(tree):
    topic = Topic(locale=tree.en, name="Higher education", slug="Aukštasis mokslas")
    topic.full_clean()
    assert topic.slug == "aukstasis-mokslas"
