"""Roles: the groups the migration creates, and each role against each action.

Every forbidden action must be refused the admin's way (403, or a redirect to the dashboard
with "Sorry, you do not have permission") and change nothing in the database; every allowed
one must have its effect.
"""

from dataclasses import dataclass

import polib
import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from wagtail.models import GroupPagePermission, Page, TaskState, WorkflowPage
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from news.models import ArticlePage
from news.translation.roles import (
    EDITORS,
    MODERATION_WORKFLOW,
    MODERATORS,
    TRANSLATORS,
    configure_roles,
)
from tests.page_form import page_form_data

from .helpers import (
    database_state,
    messages_of,
    publish_in_editor,
    put_translation,
    translation_of,
)


def page_permissions(group_name):
    return {
        (permission.page_id, permission.permission.codename)
        for permission in GroupPagePermission.objects.filter(group__name=group_name)
    }


def test_migration_creates_the_three_groups_with_their_permissions(newsroom):
    root = Page.get_first_root_node()
    editors = Group.objects.get(name=EDITORS)
    translators = Group.objects.get(name=TRANSLATORS)
    moderators = Group.objects.get(name=MODERATORS)

    assert set(editors.permissions.values_list("codename", flat=True)) == {
        "access_admin",
        "submit_translation",
    }
    assert set(translators.permissions.values_list("codename", flat=True)) == {"access_admin"}
    assert set(moderators.permissions.values_list("codename", flat=True)) == {"access_admin"}

    assert page_permissions(EDITORS) == {
        (root.pk, f"{action}_page") for action in ("add", "change", "publish", "lock", "unlock")
    }
    # The English edition's home page was created by the fixture: the signal gave Translators
    # their permissions there, and only there.
    assert page_permissions(TRANSLATORS) == {
        (newsroom.home_en.pk, "change_page"),
        (newsroom.home_en.pk, "publish_page"),
    }
    # Approving publishes with the approver's own permission.
    assert page_permissions(MODERATORS) == {(root.pk, "publish_page")}

    editors_collection = set(
        editors.collection_permissions.values_list("permission__codename", flat=True)
    )
    assert {"add_image", "choose_image", "add_document", "delete_image"} <= editors_collection
    assert set(
        translators.collection_permissions.values_list("permission__codename", flat=True)
    ) == {"choose_image", "choose_document"}

    workflow = WorkflowPage.objects.get(page=root).workflow
    assert workflow.name == MODERATION_WORKFLOW
    task = workflow.tasks.get().specific
    assert list(task.groups.all()) == [moderators]


def test_configuring_roles_again_attaches_translators_to_an_existing_edition(newsroom):
    GroupPagePermission.objects.filter(group__name=TRANSLATORS).delete()

    configure_roles(apps)  # what the migration does on an install that already has /en/

    assert page_permissions(TRANSLATORS) == {
        (newsroom.home_en.pk, "change_page"),
        (newsroom.home_en.pk, "publish_page"),
    }


# The matrix


@dataclass
class Context:
    article: ArticlePage  # the Lithuanian source
    english: ArticlePage  # its complete, published translation
    other: ArticlePage  # a Lithuanian article not translated yet
    translation: Translation
    synced_at: object  # when the translation source was last updated from the article
    events_lt: Page  # another news index, and its translation
    events_en: Page


def _title_segment(ctx):
    return StringSegment.objects.get(source=ctx.translation.source, context__path="title")


def edit_source(client, ctx):
    data = page_form_data(ctx.article, action=None, title="Redaguota antraštė")
    return client.post(reverse("wagtailadmin_pages:edit", args=[ctx.article.pk]), data)


def edit_source_done(ctx):
    return ArticlePage.objects.get(pk=ctx.article.pk).draft_title == "Redaguota antraštė"


def publish_source(client, ctx):
    data = page_form_data(ctx.article, lead="Nauja įžanga.")
    return client.post(reverse("wagtailadmin_pages:edit", args=[ctx.article.pk]), data)


def publish_source_done(ctx):
    return ArticlePage.objects.get(pk=ctx.article.pk).lead == "Nauja įžanga."


def edit_translation(client, ctx):
    url = reverse(
        "wagtail_localize:edit_string_translation",
        args=[ctx.translation.pk, _title_segment(ctx).pk],
    )
    return put_translation(client, url, "Kaunas learns")


def edit_translation_done(ctx):
    return StringTranslation.objects.filter(data="Kaunas learns").exists()


def publish_translation(client, ctx):
    return publish_in_editor(client, ctx.english)


def publish_translation_done(ctx):
    english = ArticlePage.objects.get(pk=ctx.english.pk)
    return english.live_revision_id != ctx.english.live_revision_id


def delete_source(client, ctx):
    return client.post(reverse("wagtailadmin_pages:delete", args=[ctx.article.pk]))


def delete_source_done(ctx):
    return not Page.objects.filter(pk=ctx.article.pk).exists()


def delete_translation(client, ctx):
    return client.post(reverse("wagtailadmin_pages:delete", args=[ctx.english.pk]))


def delete_translation_done(ctx):
    return not Page.objects.filter(pk=ctx.english.pk).exists()


def _move(client, page, destination):
    url = reverse("wagtailadmin_pages:move_confirm", args=[page.pk, destination.pk])
    return client.post(url)


def _parent_of(page):
    return Page.objects.get(pk=page.pk).get_parent().specific


def move_source(client, ctx):
    return _move(client, ctx.article, ctx.events_lt)


def move_source_done(ctx):
    # The translation follows its source.
    return _parent_of(ctx.article) == ctx.events_lt and _parent_of(ctx.english) == ctx.events_en


def move_translation(client, ctx):
    return _move(client, ctx.english, ctx.events_en)


def move_translation_done(ctx):
    # A translation moved on its own moves alone.
    return _parent_of(ctx.english) == ctx.events_en and _parent_of(ctx.article) != ctx.events_lt


def export_po(client, ctx):
    return client.get(reverse("wagtail_localize:download_pofile", args=[ctx.translation.pk]))


def import_po(client, ctx):
    po = polib.pofile(str(ctx.translation.export_po()))
    po.find("title", by="msgctxt").msgstr = "Kaunas keeps learning"
    upload = SimpleUploadedFile("article.po", str(po).encode(), "text/x-gettext-translation")
    url = reverse("wagtail_localize:upload_pofile", args=[ctx.translation.pk])
    next_url = reverse("wagtailadmin_pages:edit", args=[ctx.english.pk])
    return client.post(url, {"file": upload, "next": next_url})


def import_po_done(ctx):
    return StringTranslation.objects.filter(data="Kaunas keeps learning").exists()


def view_source_draft(client, ctx):
    return client.get(reverse("wagtailadmin_pages:view_draft", args=[ctx.article.pk]))


def view_translation_draft(client, ctx):
    return client.get(reverse("wagtailadmin_pages:view_draft", args=[ctx.english.pk]))


def submit_for_translation(client, ctx):
    url = reverse("wagtail_localize:submit_page_translation", args=[ctx.other.pk])
    return client.post(url, {"locales": [ctx.english.locale_id]})


def submit_for_translation_done(ctx):
    return Translation.objects.filter(source__object_id=ctx.other.translation_key).exists()


def sync_translations(client, ctx):
    url = reverse("wagtail_localize:update_translations", args=[ctx.translation.source_id])
    return client.post(url, {})


def sync_translations_done(ctx):
    return Translation.objects.get(pk=ctx.translation.pk).source.last_updated_at > ctx.synced_at


def _ok(response):
    return response.status_code == 200


# action: (perform, done?) where done=None means "answers 200 with the content".
ACTIONS = {
    "edit source": (edit_source, edit_source_done),
    "publish source": (publish_source, publish_source_done),
    "edit translation": (edit_translation, edit_translation_done),
    "publish translation": (publish_translation, publish_translation_done),
    "delete source": (delete_source, delete_source_done),
    "delete translation": (delete_translation, delete_translation_done),
    "move source": (move_source, move_source_done),
    "move translation": (move_translation, move_translation_done),
    "export PO": (export_po, None),
    "import PO": (import_po, import_po_done),
    "view source draft": (view_source_draft, None),
    "view translation draft": (view_translation_draft, None),
    "submit for translation": (submit_for_translation, submit_for_translation_done),
    "sync translations": (sync_translations, sync_translations_done),
}
ALLOWED = {
    EDITORS: set(ACTIONS),
    TRANSLATORS: {
        "edit translation",
        "publish translation",
        "export PO",
        "import PO",
        "view translation draft",
    },
    # Outside the workflow, moderators only read drafts (publish permission grants that).
    MODERATORS: {"view source draft", "view translation draft"},
}
MATRIX = [(role, action) for role in ALLOWED for action in ACTIONS]


@pytest.fixture
def context(article, english_article, other_article, newsroom):
    translation = translation_of(article, newsroom.en)
    return Context(
        article=ArticlePage.objects.get(pk=article.pk),
        english=ArticlePage.objects.get(pk=english_article.pk),
        other=other_article,
        translation=translation,
        synced_at=translation.source.last_updated_at,
        events_lt=newsroom.events_lt,
        events_en=newsroom.events_en,
    )


PERMISSION_DENIED = "Sorry, you do not have permission to access this area."


def assert_refused(response):
    """A 403, or the admin's refusal: back to the dashboard with its message (in any of the
    admin's languages: Wagtail words it after leaving the user's language)."""
    if response.status_code == 403:
        return
    assert response.status_code == 302, response.status_code
    assert response.url == reverse("wagtailadmin_home")
    denied = set()
    for language_code, _name in settings.LANGUAGES:
        with translation.override(language_code):
            denied.add(translation.gettext(PERMISSION_DENIED))
    follow = response.client.get(response.url)
    assert denied & set(messages_of(follow))


@pytest.mark.parametrize(("role", "action"), MATRIX, ids=[f"{r}-{a}" for r, a in MATRIX])
def test_role_matrix(role, action, context, role_clients, django_capture_on_commit_callbacks):
    perform, done = ACTIONS[action]
    client = role_clients[role]
    before = database_state()

    with django_capture_on_commit_callbacks(execute=True):
        response = perform(client, context)

    if action in ALLOWED[role]:
        assert response.status_code in (200, 201, 302), response.status_code
        if done is None:
            assert _ok(response)
        else:
            assert done(context), f"{role} could not {action}"
        if response.status_code == 302:  # not the admin's refusal
            assert response.url != reverse("wagtailadmin_home")
    else:
        assert_refused(response)
        assert database_state() == before, f"{role} refused to {action}, but something changed"


def test_moderators_approve_what_editors_submit_to_the_workflow(
    article,
    users,
    editor_client,
    moderator_client,
    translator_client,
    django_capture_on_commit_callbacks,
):
    data = page_form_data(article, action="action-submit", lead="Įžanga moderatoriams.")
    response = editor_client.post(reverse("wagtailadmin_pages:edit", args=[article.pk]), data)
    assert response.status_code == 302
    article.refresh_from_db()
    task_state = TaskState.objects.get(status=TaskState.STATUS_IN_PROGRESS)
    assert article.lead != "Įžanga moderatoriams."  # submitted, not published

    preview = reverse("wagtailadmin_pages:workflow_preview", args=[article.pk, task_state.task_id])
    assert moderator_client.get(preview).status_code == 200  # moderators review the draft
    approve = reverse(
        "wagtailadmin_pages:workflow_action", args=[article.pk, "approve", task_state.pk]
    )
    assert_refused(translator_client.post(approve))  # not a moderator
    with django_capture_on_commit_callbacks(execute=True):
        response = moderator_client.post(approve)
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.lead == "Įžanga moderatoriams."
    assert TaskState.objects.get(pk=task_state.pk).status == TaskState.STATUS_APPROVED
