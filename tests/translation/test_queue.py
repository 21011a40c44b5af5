"""The translator's work queue on the dashboard (issue 13): translations waiting for them,
newest first, each one click from the translation editor."""

import datetime

from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from news.models import ArticlePage

from .helpers import (
    ENGLISH,
    article_body,
    create_article,
    editor_props,
    submit_for_translation,
    sync_translations,
    translate_in_editor,
    translation_of,
)

DASHBOARD = reverse("wagtailadmin_home")


def queue(client):
    response = client.get(DASHBOARD)
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    return [
        (row["data-kind"], row.select_one("a").get_text(), row.select_one("a")["href"])
        for row in html.select(".translation-queue tbody tr")
    ]


def aged(page, days):
    """Make ``page`` look published ``days`` ago (the queue is newest source first)."""
    when = timezone.now() - datetime.timedelta(days=days)
    ArticlePage.objects.filter(pk=page.pk).update(last_published_at=when)


def test_the_queue_lists_what_waits_newest_first(
    article,
    english_article,
    newsroom,
    image,
    editor_client,
    translator_client,
    moderator_client,
    django_capture_on_commit_callbacks,
):
    # Needs update: the translated article's source changed and was synced.
    source = ArticlePage.objects.get(pk=article.pk)
    source.body[5].value["rows"][0]["value"] = "300 100"
    source.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        sync_translations(editor_client, article)
    # New: submitted, nothing translated (and nothing memory could fill).
    new = create_article(
        newsroom.news_lt,
        "Visai naujas",
        slug="visai-naujas",
        lead="Niekur nekartojama įžanga.",
        body=[{"type": "paragraph", "value": "<p>Niekur nekartojamas tekstas.</p>"}],
    )
    submit_for_translation(editor_client, new, newsroom.en)
    # Machine translated, to review.
    third = create_article(newsroom.news_lt, "Trečias", slug="trecias", body=article_body(image))
    submit_for_translation(editor_client, third, newsroom.en)
    machine = editor_props(
        translator_client, translation_of(third, newsroom.en).get_target_instance()
    )
    translator_client.post(machine["machineTranslator"]["url"], {"next": "/admin/"})
    # In progress: memory filled the recurring segments and the translator confirmed them;
    # the article's own title, slug and lead are not translated yet.
    fourth = create_article(
        newsroom.news_lt, "Ketvirtas", slug="ketvirtas", body=article_body(image)
    )
    submit_for_translation(editor_client, fourth, newsroom.en)
    translate_in_editor(
        translator_client,
        translation_of(fourth, newsroom.en).get_target_instance(),
        only=set(ENGLISH),
    )
    for days, page in enumerate([fourth, third, new, article]):
        aged(page, days)

    items = queue(translator_client)

    targets = [
        translation_of(page, newsroom.en).get_target_instance()
        for page in (fourth, third, new, article)
    ]
    sources = (fourth, third, new, article)
    kinds = ["in_progress", "needs_review", "new", "out_of_date"]
    # Named by the source's title (what the translator translates), linked to the translation.
    assert items == [
        (kind, source.title, reverse("wagtailadmin_pages:edit", args=[target.pk]))
        for kind, source, target in zip(kinds, sources, targets, strict=True)
    ]
    # One click: the link opens the translation editor.
    assert editor_props(translator_client, targets[0])["segments"]
    # Moderators translate nothing: no queue.
    assert queue(moderator_client) == []


def test_the_queue_costs_the_same_for_more_translations(
    newsroom, image, editor_client, translator_client
):
    def count():
        with CaptureQueriesContext(connection) as queries:
            queue(translator_client)
        return len(queries)

    first = create_article(newsroom.news_lt, "Pirmas", slug="pirmas", body=article_body(image))
    submit_for_translation(editor_client, first, newsroom.en)
    queue(translator_client)
    one = count()
    for number in range(3):
        page = create_article(
            newsroom.news_lt, f"Kitas {number}", slug=f"kitas-{number}", body=article_body(image)
        )
        submit_for_translation(editor_client, page, newsroom.en)
    assert len(queue(translator_client)) == 4
    assert count() == one
