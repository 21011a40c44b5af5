"""A page's first edition in a locale, written once (``news/translation/first_editions.py``):
the page wagtail-localize's own path creates, with one write of each row and one revision,
and the library's path where it is left to it."""

import json

import pytest
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageLogEntry, PageViewRestriction
from wagtail_localize import operations
from wagtail_localize.models import TranslationLog, TranslationSource
from wagtail_localize.operations import translate_object

from news.authors import Author
from news.models import ArticlePage
from news.translation.creator import LIBRARY_TRANSLATION_CREATOR, TranslationCreator
from news.translation.first_editions import (
    LIBRARY_CREATE_OR_UPDATE,
    create_or_update_translation,
    parent_and_editions,
)
from news.translation.roles import EDITORS

from .helpers import translation_of

pytestmark = pytest.mark.django_db

# Everything of the English edition that does not depend on row ids or the time.
PAGE_FIELDS = (
    "title",
    "draft_title",
    "slug",
    "url_path",
    "depth",
    "locale_id",
    "live",
    "has_unpublished_changes",
    "first_published_at",
    "live_revision_id",
    "owner_id",
    "lead",
    "publication_date",
    "hero_image_id",
    "hero_image_alt",
    "seo_title",
    "search_description",
)


class RolledBack(Exception):
    pass


def _english_state(article, newsroom):
    english = ArticlePage.objects.get(translation_key=article.translation_key, locale=newsroom.en)
    revision = english.latest_revision
    content = {
        key: value
        for key, value in revision.content.items()
        if key not in ("pk", "path", "latest_revision", "latest_revision_created_at")
    }
    for name in ("bylines", "topic_links", "related_links"):  # their rows' own ids aside
        content[name] = [
            {**row, "pk": None, "article": None, "page": None} for row in content[name]
        ]
    # The author's English edition is made by each submission (a related object): its id
    # differs between the two (PostgreSQL does not take back ids of rolled-back rows).
    authors = dict(Author.objects.values_list("pk", "translation_key"))
    for row in content["bylines"]:
        row["author"] = authors[row["author"]]
    return {
        "page": {name: getattr(english, name) for name in PAGE_FIELDS},
        "body": json.dumps(list(english.body.raw_data), cls=DjangoJSONEncoder),
        "bylines": [
            (b.author.translation_key, b.author.locale_id, b.locale_id)
            for b in english.bylines.all()
        ],
        "topics": [(link.topic_id, link.locale_id) for link in english.topic_links.all()],
        "related": [link.related_id for link in english.related_links.all()],
        "restrictions": list(english.view_restrictions.values_list("restriction_type", "password")),
        "log": sorted(PageLogEntry.objects.filter(page=english).values_list("action", flat=True)),
        "latest_revision": json.loads(json.dumps(content, cls=DjangoJSONEncoder)),
        "translation_logs": TranslationLog.objects.filter(
            source__object_id=article.translation_key, locale=newsroom.en
        ).count(),
    }


def _submitted(article, newsroom, user, creator, create):
    """The English edition's state after ``article``'s submission by ``creator`` (as
    wagtail-localize's ``TranslationCreator``) with ``create`` as
    ``TranslationSource.create_or_update_translation``, and how many revisions it got."""
    operations.TranslationCreator = creator
    TranslationSource.create_or_update_translation = create
    try:
        translate_object(article, [newsroom.en], user=user)
    finally:
        operations.TranslationCreator = TranslationCreator
        TranslationSource.create_or_update_translation = create_or_update_translation
    english = ArticlePage.objects.get(translation_key=article.translation_key, locale=newsroom.en)
    return _english_state(article, newsroom), english.revisions.count()


def test_a_first_edition_is_the_page_wagtail_localize_creates(linked, newsroom, users):
    editor = users[EDITORS]
    try:
        with transaction.atomic():
            library, library_revisions = _submitted(
                linked, newsroom, editor, LIBRARY_TRANSLATION_CREATOR, LIBRARY_CREATE_OR_UPDATE
            )
            raise RolledBack
    except RolledBack:
        pass
    ours, revisions = _submitted(
        linked, newsroom, editor, TranslationCreator, create_or_update_translation
    )

    assert ours == library
    assert not ours["page"]["live"] and ours["page"]["locale_id"] == newsroom.en.pk
    assert len(ours["bylines"]) == len(ours["topics"]) == len(ours["related"]) == 1
    assert ours["log"] == [
        "wagtail.copy_for_translation",
        "wagtail.create",
        "wagtail.view_restriction.create",
    ]
    assert ours["restrictions"] == [(PageViewRestriction.PASSWORD, "slapta")]
    # The library's copy saved a revision of its own, in Lithuanian, before the translation's.
    assert (library_revisions, revisions) == (2, 1)


def test_a_first_edition_is_written_once(article, newsroom, users):
    with CaptureQueriesContext(connection) as captured:
        translate_object(article, [newsroom.en], user=users[EDITORS])
    statements = [query["sql"] for query in captured]
    for table in ("wagtailcore_page", "news_articlepage", "wagtailcore_revision"):
        assert sum(sql.startswith(f'INSERT INTO "{table}"') for sql in statements) == 1, table
    assert not [sql for sql in statements if sql.startswith('UPDATE "news_articlepage"')]


def test_a_first_edition_that_fails_validation_is_left_to_the_library(article, newsroom, users):
    # Its hero image without the description an article needs (stored before that rule).
    ArticlePage.objects.filter(pk=article.pk).update(hero_image_alt="")
    source = ArticlePage.objects.get(pk=article.pk)
    translate_object(source, [newsroom.en], user=users[EDITORS])
    # As wagtail-localize leaves it: its copy, in the source language, for the translator
    # to complete (the translation editor shows what to fix).
    english = ArticlePage.objects.get(translation_key=article.translation_key, locale=newsroom.en)
    assert english.title == article.title and not english.live
    assert english.revisions.count() == 1  # the copy's: the translation's was refused
    assert translation_of(article, newsroom.en).enabled


def test_a_pages_parent_and_their_editions_are_read_in_one_query(
    article, newsroom, django_assert_num_queries
):
    with django_assert_num_queries(1):
        parent, parent_edition, edition = parent_and_editions(article, newsroom.en)
    assert (parent.pk, parent_edition.pk, edition) == (
        newsroom.news_lt.pk,
        newsroom.news_en.pk,
        None,
    )

    translate_object(article, [newsroom.en])
    english = ArticlePage.objects.get(translation_key=article.translation_key, locale=newsroom.en)
    assert parent_and_editions(article, newsroom.en)[2].pk == english.pk

    Page.objects.get(pk=newsroom.news_en.pk).delete()  # the index's English edition, and below
    assert parent_and_editions(article, newsroom.en) == (parent, None, None)
