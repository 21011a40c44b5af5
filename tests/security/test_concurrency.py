"""Two people at work on one article: no saved work is ever lost.

* Two editors edit the same article: every save is a revision, Wagtail refuses to overwrite
  another user's revision, page locks keep others out, and any revision can be restored.
* A translator works while an editor changes and republishes the source: every segment the
  translator saved is still translated after the source is synchronised.
"""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from wagtail.models import Revision
from wagtail_localize.models import StringTranslation

from news.translation.roles import EDITORS
from tests.page_form import page_form_data
from tests.translation.helpers import (
    ENGLISH,
    editor_props,
    submit_for_translation,
    sync_translations,
    translate_in_editor,
    translation_of,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def second_editor_client(users, django_user_model):
    user = django_user_model.objects.create_user("editor2", "e2@example.com", "pw")
    user.groups.add(Group.objects.get(name=EDITORS))
    client = Client()
    client.force_login(user)
    return client


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def open_editor(client, page):
    """The hidden fields the page editor sends back: which revision the editor loaded."""
    response = client.get(edit_url(page))
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return {
        name: soup.select_one(f"input[name={name}]")["value"]
        for name in ("loaded_revision_id", "loaded_revision_created_at")
    }


def save(client, page, loaded, action=None, **changes):
    data = page_form_data(page, action=action, **changes)
    data.update(loaded)
    return client.post(edit_url(page), data)


def test_two_editors_saving_the_same_article_both_keep_their_revision(
    article, editor_client, second_editor_client
):
    loaded_a = open_editor(editor_client, article)
    loaded_b = open_editor(second_editor_client, article)
    assert loaded_a["loaded_revision_id"] == loaded_b["loaded_revision_id"]

    assert save(editor_client, article, loaded_a, lead="Editor A's lead.").status_code == 302
    revision_a = article.revisions.latest("created_at")
    # Editor B saves from the editor opened before A's save: a new revision, A's is kept.
    response = save(second_editor_client, article, loaded_b, title="Editor B's title")
    assert response.status_code == 302
    revision_b = article.revisions.latest("created_at")
    assert revision_b.pk != revision_a.pk
    assert revision_a.as_object().lead == "Editor A's lead."
    assert revision_b.as_object().title == "Editor B's title"

    # B cannot overwrite A's revision in place (what autosave does with its own revision).
    data = page_form_data(article, action=None, title="Overwritten")
    data["overwrite_revision_id"] = str(revision_b.pk)
    second_editor_client.post(edit_url(article), data)  # B's own latest: allowed
    data["overwrite_revision_id"] = str(revision_a.pk)
    second_editor_client.post(edit_url(article), data)
    revision_a.refresh_from_db()
    assert revision_a.as_object().lead == "Editor A's lead."
    assert Revision.objects.filter(pk=revision_a.pk).exists()

    # An autosave (JSON) from an editor whose page is out of date is refused.
    stale = page_form_data(article, action=None, title="Stale autosave")
    stale.update(loaded_a)
    response = editor_client.post(edit_url(article), stale, HTTP_ACCEPT="application/json")
    assert response.status_code == 400
    assert response.json()["error_code"] == "invalid_revision"

    # A's revision can be restored: the revert view opens it, publishing makes it live.
    revert_url = reverse("wagtailadmin_pages:revisions_revert", args=[article.pk, revision_a.pk])
    response = editor_client.get(revert_url)
    assert response.status_code == 200
    assert "Editor A&#x27;s lead." in response.content.decode() or "Editor A's lead." in (
        response.content.decode()
    )
    restored = revision_a.as_object()
    data = page_form_data(restored, action="action-publish")
    assert editor_client.post(edit_url(article), data).status_code == 302
    article.refresh_from_db()
    assert article.lead == "Editor A's lead." and article.live


def test_a_locked_article_cannot_be_saved_by_another_editor(
    article, editor_client, second_editor_client
):
    assert editor_client.post(reverse("wagtailadmin_pages:lock", args=[article.pk])).status_code
    article.refresh_from_db()
    assert article.locked
    revisions = article.revisions.count()

    loaded = open_editor(second_editor_client, article)
    response = save(second_editor_client, article, loaded, title="While locked")
    assert response.status_code == 200  # the editor again, with the lock message
    assert article.revisions.count() == revisions
    article.refresh_from_db()
    assert article.title != "While locked"

    # The lock holder may still save; after unlocking, so may the other editor.
    assert (
        save(editor_client, article, open_editor(editor_client, article), lead="Mine.").status_code
        == 302
    )
    editor_client.post(reverse("wagtailadmin_pages:unlock", args=[article.pk]))
    response = save(second_editor_client, article, open_editor(second_editor_client, article))
    assert response.status_code == 302
    assert article.revisions.count() == revisions + 2


def saved_translations(translation):
    """{source text: translation} of every segment of the current source that is translated."""
    props_segments = {}
    for segment in translation.source.stringsegment_set.select_related("string"):
        found = StringTranslation.objects.filter(
            translation_of=segment.string,
            context=segment.context,
            locale=translation.target_locale,
        ).first()
        if found:
            props_segments[segment.string.data] = found.data
    return props_segments


def test_translator_keeps_saved_segments_when_the_source_is_republished(
    newsroom, article, editor_client, translator_client
):
    assert submit_for_translation(editor_client, article, newsroom.en).status_code == 302
    translation = translation_of(article, newsroom.en)
    target = translation.get_target_instance()
    kept = {"Mokymasis visiems", "Mokytis niekada nevėlu.", "Gyventojai", "Meras"}
    translate_in_editor(translator_client, target, only=kept)

    # Meanwhile the editor rewrites the lead and the quote's text and republishes.
    data = page_form_data(article, lead="Nauja įžanga apie mokymąsi.")
    quote_field = next(k for k, v in data.items() if v == "Mokytis niekada nevėlu.")
    data[quote_field] = "Mokytis niekada nevėlu, sako meras."
    assert editor_client.post(edit_url(article), data).status_code == 302
    assert sync_translations(editor_client, article).status_code == 302
    translation.refresh_from_db()
    translation.source.refresh_from_db()

    saved = saved_translations(translation)
    # Every unchanged segment the translator saved is still translated, word for word.
    for source in kept - {"Mokytis niekada nevėlu."}:
        assert saved.get(source) == ENGLISH[source], source
    # The rewritten quote is a new segment to translate; the old translation is not lost.
    assert "Mokytis niekada nevėlu, sako meras." not in saved
    assert StringTranslation.objects.filter(
        data=ENGLISH["Mokytis niekada nevėlu."], locale=newsroom.en
    ).exists()
    # The translation editor shows the saved segments as translated.
    props = editor_props(translator_client, target)
    shown = {t["data"] for t in props["initialStringTranslations"]}
    assert {ENGLISH[s] for s in kept - {"Mokytis niekada nevėlu."}} <= shown
