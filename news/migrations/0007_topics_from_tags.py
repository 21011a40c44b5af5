"""Every taggit topic in use becomes a news.Topic; every article keeps its topics.

Forward: each tag used by an article becomes a topic in the source language (Lithuanian),
and gets an English translation (same ``translation_key``) when English exists: with the
English name below for the demo's topics, else with the Lithuanian name, to be translated
(the snippet's "Translate" action, or by editing it). Each article links to its topics in
its own locale, the English editions to the English topics. The links of both editions of
an article share a ``translation_key``, so wagtail-localize pairs them at the next sync.
Then the taggit field and its through table go.

Backward: each link becomes a taggit tag again, named as the topic's source (Lithuanian)
edition, as the English editions had it before (tags were synchronised from the source),
and the topics are deleted (forward again makes them anew, with new ids). Topic
descriptions and origins have no taggit equivalent and are lost; revisions are left as
they are in both directions (an old revision restores without topics).
"""

import uuid

from django.db import migrations
from wagtail.coreutils import cautious_slugify

SOURCE_LANGUAGE = "lt"
LINK_KEYS = uuid.UUID("0b6c3f0e-8a59-4f0e-9d4b-5a1e2c7d9f13")

# The demo's topics (news/demo/content/, news/demo/bulk/words.py) in English.
ENGLISH_NAMES = {
    "aplinkosauga": "environment",
    "bendruomenė": "community",
    "besimokantis miestas": "learning city",
    "darbo rinka": "jobs",
    "dviračiai": "cycling",
    "it": "IT",
    "judėk sveikai": "Move Healthy",
    "kultūra": "culture",
    "neformalusis švietimas": "non-formal education",
    "perkvalifikavimas": "retraining",
    "skaitmeniniai įgūdžiai": "digital skills",
    "socialinės paslaugos": "social services",
    "sportas": "sport",
    "startuoliai": "start-ups",
    "studijos": "higher education",
    "sveika gyvensena": "healthy living",
    "tarptautinis bendradarbiavimas": "international cooperation",
    "technologijos": "technology",
    "transportas": "transport",
    "unesco": "UNESCO",
    "universitetai": "universities",
    "įtraukusis švietimas": "inclusive education",
    "švietimas": "education",
}


def _free_slug(Topic, locale_id, name):
    base = cautious_slugify(name)[:90] or "topic"
    slug, n = base, 1
    while Topic.objects.filter(locale_id=locale_id, slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def tags_to_topics(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    Topic = apps.get_model("news", "Topic")
    ArticlePageTag = apps.get_model("news", "ArticlePageTag")
    ArticlePageTopic = apps.get_model("news", "ArticlePageTopic")

    links = list(
        ArticlePageTag.objects.select_related("tag", "content_object").order_by(
            "content_object_id", "pk"
        )
    )
    if not links:
        return
    source = Locale.objects.filter(language_code=SOURCE_LANGUAGE).first()
    source_id = source.pk if source else links[0].content_object.locale_id
    english = Locale.objects.filter(language_code="en").first()

    keys = {}  # tag id -> translation key of its topics
    topics = {}  # (tag id, locale id) -> Topic

    def topic_for(tag, locale_id):
        if (tag.pk, locale_id) not in topics:
            key = keys.setdefault(tag.pk, uuid.uuid4())
            name = tag.name
            if english and locale_id == english.pk:
                name = ENGLISH_NAMES.get(tag.name.casefold(), tag.name)
            topics[tag.pk, locale_id] = Topic.objects.create(
                locale_id=locale_id,
                translation_key=key,
                name=name,
                slug=_free_slug(Topic, locale_id, name),
            )
        return topics[tag.pk, locale_id]

    for link in links:
        topic_for(link.tag, source_id)
        if english and link.tag.name.casefold() in ENGLISH_NAMES:
            topic_for(link.tag, english.pk)

    order = {}
    for link in links:
        page = link.content_object
        position = order[page.pk] = order.get(page.pk, -1) + 1
        ArticlePageTopic.objects.create(
            page_id=page.pk,
            topic=topic_for(link.tag, page.locale_id),
            locale_id=page.locale_id,
            translation_key=uuid.uuid5(LINK_KEYS, f"{page.translation_key}/{link.tag.pk}"),
            sort_order=position,
        )


def topics_to_tags(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    Tag = apps.get_model("taggit", "Tag")
    Topic = apps.get_model("news", "Topic")
    ArticlePageTag = apps.get_model("news", "ArticlePageTag")
    ArticlePageTopic = apps.get_model("news", "ArticlePageTopic")

    source = Locale.objects.filter(language_code=SOURCE_LANGUAGE).first()
    source_names = {
        topic.translation_key: topic.name
        for topic in Topic.objects.filter(locale=source) if source
    }
    for link in ArticlePageTopic.objects.select_related("topic").order_by("page_id", "sort_order"):
        name = source_names.get(link.topic.translation_key, link.topic.name)
        tag = Tag.objects.filter(name__iexact=name).first()
        if tag is None:
            tag = Tag.objects.create(name=name, slug=_free_tag_slug(Tag, name))
        if not ArticlePageTag.objects.filter(content_object_id=link.page_id, tag=tag).exists():
            ArticlePageTag.objects.create(content_object_id=link.page_id, tag=tag)
    # Back to 0006, which has no topics yet: forward again makes them from the tags.
    ArticlePageTopic.objects.all().delete()
    Topic.objects.all().delete()


def _free_tag_slug(Tag, name):
    base = cautious_slugify(name)[:90] or "tag"
    slug, n = base, 1
    while Tag.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0006_topic"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [
        migrations.RunPython(tags_to_topics, topics_to_tags),
        migrations.RemoveField(model_name="articlepage", name="topics"),
        migrations.DeleteModel(name="ArticlePageTag"),
    ]
