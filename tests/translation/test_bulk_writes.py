"""Segments and machine translations written in bulk (``news/translation/sources.py``,
``news/translation/machine.py``): the same rows wagtail-localize's own code stores, at a
number of queries that does not grow with the article's length."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail_localize.machine_translators.dummy import DummyTranslator
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource
from wagtail_localize.strings import StringValue

from news.models import ArticlePage
from news.translation.machine import apply_machine_translation
from news.translation.roles import EDITORS
from news.translation.sources import LIBRARY_REFRESH_SEGMENTS
from news.translation.workflow import sync_translations

from .helpers import (
    article_body,
    create_article,
    stored_segments,
    submit_for_translation,
    translation_of,
)

pytestmark = pytest.mark.django_db


def test_a_source_refreshed_in_bulk_is_what_the_library_stores(article, newsroom, editor_client):
    submit_for_translation(editor_client, article, newsroom.en)
    source = TranslationSource.objects.get_for_instance(article)
    assert StringSegment.objects.filter(source=source).count() > 20
    in_bulk = stored_segments(source)

    LIBRARY_REFRESH_SEGMENTS(source)
    assert stored_segments(source) == in_bulk  # the library finds every row it wants

    StringSegment.objects.filter(source=source).delete()
    source.refresh_segments()  # the bulk writer, taken over
    by_library = {(kind, *rest) for kind, _pk, *rest in in_bulk[0]}
    assert {(kind, *rest) for kind, _pk, *rest in stored_segments(source)[0]} == by_library


def test_a_changed_paragraph_keeps_every_other_segment_and_its_translation(
    article, newsroom, editor_client, users
):
    submit_for_translation(editor_client, article, newsroom.en)
    source = TranslationSource.objects.get_for_instance(article)
    translation = translation_of(article, newsroom.en)
    apply_machine_translation(translation.pk, users[EDITORS], DummyTranslator({}))
    before = set(StringSegment.objects.filter(source=source).values_list("pk", flat=True))
    article.lead = "Visiškai nauja įžanga."
    article.save_revision().publish()

    source.update_from_db()

    after = set(StringSegment.objects.filter(source=source).values_list("pk", flat=True))
    assert len(before - after) == len(after - before) == 1  # only the lead's segment
    untranslated = StringSegment.objects.filter(source=source).annotate_translation(newsroom.en)
    assert [s.string.data for s in untranslated.filter(translation__isnull=True)] == [
        "Visiškai nauja įžanga."
    ]


class LinkInventingTranslator(DummyTranslator):
    """Adds a link the source does not have to every text with "Mokymasis"."""

    def translate(self, source_locale, target_locale, strings):
        translated = super().translate(source_locale, target_locale, strings)
        for string in strings:
            if "Mokymasis" in string.data:
                translated[string] = StringValue('<a id="a9">Learning</a>')
        return translated


def test_machine_translation_in_bulk_flags_invalid_output_and_sets_the_draft_title(
    article, newsroom, editor_client, users
):
    submit_for_translation(editor_client, article, newsroom.en)
    translation = translation_of(article, newsroom.en)
    manual = StringTranslation.objects.create(
        translation_of=StringSegment.objects.get(
            source=translation.source, context__path="lead"
        ).string,
        context=StringSegment.objects.get(source=translation.source, context__path="lead").context,
        locale=newsroom.en,
        data="A lead typed by a translator.",
        translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
    )

    assert apply_machine_translation(translation.pk, users[EDITORS], LinkInventingTranslator({}))

    machine = StringTranslation.objects.filter(locale=newsroom.en, translation_type="machine")
    segments = StringSegment.objects.filter(source=translation.source)
    assert machine.count() == segments.count() - 1  # the translator's own lead is kept
    manual.refresh_from_db()
    assert manual.data == "A lead typed by a translator."
    assert set(machine.filter(has_error=True).values_list("data", flat=True)) == {
        '<a id="a9">Learning</a>'
    }
    english = translation.get_target_instance()
    assert ArticlePage.objects.get(pk=english.pk).draft_title == " ".join(
        reversed(article.title.split(" "))
    )
    # Nothing left to translate: a second run says so and writes nothing.
    assert not apply_machine_translation(translation.pk, users[EDITORS], DummyTranslator({}))


def _queries(action):
    with CaptureQueriesContext(connection) as captured:
        action()
    return len(captured)


def test_submit_and_sync_cost_the_same_queries_for_a_long_article(
    article, newsroom, image, editor_client, users, django_capture_on_commit_callbacks
):
    long_body = article_body(image) + [
        {"type": "paragraph", "value": f"<p>Dar viena pastraipa apie mokymąsi nr. {n}.</p>"}
        for n in range(40)
    ]
    long = create_article(newsroom.news_lt, "Ilgas straipsnis", slug="ilgas", body=long_body)
    costs = {}
    for page in (article, long):
        submitted = _queries(
            lambda page=page: submit_for_translation(editor_client, page, newsroom.en)
        )
        page.lead += " Atnaujinta."
        page.save_revision().publish()
        source = TranslationSource.objects.get_for_instance(page)
        with django_capture_on_commit_callbacks(execute=True):
            synced = _queries(
                lambda source=source: sync_translations(
                    source,
                    user=users[EDITORS],
                    publish=True,
                    publish_incomplete=True,
                    machine_translator=DummyTranslator({}),
                )
            )
        costs[page.slug] = (submitted, synced)

    def segment_count(page):
        return StringSegment.objects.filter(source__object_id=page.translation_key).count()

    assert segment_count(long) - segment_count(article) >= 38
    (short_submit, short_sync), (long_submit, long_sync) = costs.values()
    # Forty more paragraphs: a few more queries at most (the page's own blocks), not 40 × 7.
    assert long_submit - short_submit <= 5, costs
    assert long_sync - short_sync <= 5, costs
    # What is left is per page save, not per segment (README, "Translation at scale"): a
    # sync publishes with one revision and one save of the page (news.translation.targets).
    assert short_submit <= 214 and short_sync <= 100, costs
