"""Publishing a translated page with one page save (``news/translation/targets.py``): the
page wagtail-localize would publish, inside the sync's transaction, and a page that fails
validation handled as wagtail-localize does."""

import json

import pytest
from django.core.serializers.json import DjangoJSONEncoder
from wagtail.models import PageLogEntry
from wagtail_localize.machine_translators.dummy import DummyTranslator
from wagtail_localize.models import StringTranslation, TranslationLog

from news.models import ArticlePage
from news.translation.roles import EDITORS
from news.translation.workflow import sync_translations

from .helpers import translate_completely

pytestmark = pytest.mark.django_db


def _change_and_sync(article, translation, user, **options):
    article.lead = "Kaunas prisijungė prie UNESCO mokymosi miestų tinklo 2016 metais."
    article.save_revision().publish()
    return sync_translations(translation.source, user=user, publish=True, **options)


def _stored(body):
    value = ArticlePage._meta.get_field("body").get_prep_value(body)
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder))


def _english(article, newsroom):
    return ArticlePage.objects.get(translation_key=article.translation_key, locale=newsroom.en)


def test_a_synced_translation_is_published_as_wagtail_localize_builds_it(article, newsroom, users):
    translation = translate_completely(article, newsroom.en)
    translation.save_target(publish=True)
    revisions_before = _english(article, newsroom).revisions.count()

    result = _change_and_sync(
        article,
        translation,
        users[EDITORS],
        publish_incomplete=True,
        machine_translator=DummyTranslator({}),
    )

    assert result.published == [translation]
    # Published when the sync returns, not when its transaction commits.
    live = _english(article, newsroom)
    expected = translation.source.get_ephemeral_translated_instance(newsroom.en, fallback=True)
    for name in ("title", "slug", "lead", "hero_image_id", "hero_image_alt", "publication_date"):
        assert getattr(live, name) == getattr(expected, name), name
    # As stored (ingesting translates the stream's blocks, not the raw data they came from).
    assert _stored(live.body) == _stored(expected.body)
    assert "2016" in live.lead  # the dummy translator's version of the changed lead
    assert [topic.topic_id for topic in live.topic_links.all()] == [
        topic.topic_id for topic in expected.topic_links.all()
    ]
    # One revision, which is live, logged as published, and recorded by wagtail-localize.
    assert live.revisions.count() == revisions_before + 1
    assert live.live and not live.has_unpublished_changes
    assert live.live_revision_id == live.latest_revision_id
    assert live.live_revision.as_object().lead == live.lead
    assert PageLogEntry.objects.filter(
        page=live, action="wagtail.publish", revision=live.live_revision
    ).exists()
    assert TranslationLog.objects.filter(
        source=translation.source, locale=newsroom.en, revision=live.live_revision
    ).exists()


def test_a_translation_that_fails_validation_is_not_published_and_its_field_flagged(
    article, newsroom, users
):
    translation = translate_completely(article, newsroom.en)
    translation.save_target(publish=True)
    published = _english(article, newsroom)
    # A title longer than a page title may be (255 characters), stored before the editor
    # flagged such text (news.translation.lengths; an update skips that check).
    title = StringTranslation.objects.get(locale=newsroom.en, data=published.title)
    StringTranslation.objects.filter(pk=title.pk).update(data="Kaunas, a learning city " * 12)

    result = _change_and_sync(article, translation, users[EDITORS], publish_incomplete=True)

    assert result.published == []
    [(failed, error)] = result.failed
    assert failed == translation and "title" in error.message_dict
    english = _english(article, newsroom)
    # Readers keep the last published translation; nothing of the attempt is left.
    assert (english.title, english.lead) == (published.title, published.lead)
    assert english.latest_revision_id == published.latest_revision_id
    # The translator sees which text to fix, as wagtail-localize flags it.
    title.refresh_from_db()
    assert title.has_error and "255" in title.field_error


def test_a_synced_translation_is_cleaned_once(article, newsroom, users, monkeypatch):
    translation = translate_completely(article, newsroom.en)
    translation.save_target(publish=True)
    english_id = _english(article, newsroom).pk
    cleaned = []
    full_clean = ArticlePage.full_clean

    def counting(page, *args, **kwargs):
        cleaned.append(page.pk)
        return full_clean(page, *args, **kwargs)

    monkeypatch.setattr(ArticlePage, "full_clean", counting)
    result = _change_and_sync(article, translation, users[EDITORS], publish_incomplete=True)

    assert result.published == [translation]
    # As its revision is saved; not again by the publish's save.
    assert cleaned.count(english_id) == 1
    live = _english(article, newsroom)
    assert live.live and live.live_revision_id == live.latest_revision_id
