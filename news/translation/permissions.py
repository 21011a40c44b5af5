"""The newsroom's page rules, in one place: who may publish, unpublish, delete, move, copy,
publish an incomplete translation and see drafts.

Wagtail asks a page's ``permissions_for_user()`` before every action, whatever the door: the
admin's views, menus and bulk actions, the API v3 write endpoints (through Wagtail's actions,
``wagtail.actions``), ``revision.publish(user=...)`` in workflows and management commands. The
newsroom's page models return a ``NewsroomPagePermissionTester``, so every door keeps these
rules (see README, "Roles"):

* **publish** needs *change* as well as *publish* (Editors; Translators on their edition), or
  the page awaits the user's approval in its workflow, or the user just approved its latest
  revision (the publish that approving the last task does). Moderators hold *publish* for the
  workflow only.
* a **translation** (the target of an enabled wagtail-localize translation) is published from
  its segments; while some are untranslated, only by someone who may publish it incomplete:
  who may submit translations (Editors) and publish it (``can_publish_translation_now()``).
  Readers would otherwise see source text. The doors that publish a translation ask it: the
  translation editor (``wagtail_hooks``), "Publish anyway" and the sync (``views``), the API
  (``actions``); a bulk publish or an API edit never publishes a translation's revision.
* **unpublish**, **delete**, **move** and **copy** need *add* where the page is (Editors):
  Translators may edit the English pages, but taking one down or throwing it away is an
  editor's decision. (Wagtail lets anyone who may edit a leaf page delete, move or copy it.)
* **drafts** are seen by whoever may edit the page or holds *publish* on it (Moderators review
  drafts): ``can_view_draft()``; for querysets (the page chooser, the explorer's search, the
  Translations report) ``hide_unseen_drafts()``.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from wagtail.models import Page, PagePermissionTester, TaskState, WorkflowState
from wagtail.permissions import policy_registry
from wagtail_localize.models import Translation

SUBMIT_TRANSLATION = "wagtail_localize.submit_translation"


class NewsroomPagePermissionTester(PagePermissionTester):
    def _holds(self, *actions):
        return self.user.is_active and (
            self.user.is_superuser or all(action in self.permissions for action in actions)
        )

    # Publishing

    def _awaits_their_approval(self):
        task = self.page.current_workflow_task
        if task is not None:
            return task.user_can_access_editor(self.page, self.user)
        # Approving the last task publishes right after the workflow state is approved.
        latest = Page.objects.filter(pk=self.page.pk).values_list("latest_revision_id", flat=True)
        return TaskState.objects.filter(
            workflow_state__base_content_type=ContentType.objects.get_for_model(Page),
            workflow_state__object_id=str(self.page.pk),
            workflow_state__status=WorkflowState.STATUS_APPROVED,
            status=TaskState.STATUS_APPROVED,
            finished_by=self.user,
            revision_id__in=latest,
        ).exists()

    def translation(self):
        """The enabled translation this page is the target of, or None (a source page)."""
        if not hasattr(self, "_translation"):
            self._translation = (
                Translation.objects.filter(
                    source__object_id=self.page.translation_key,
                    target_locale_id=self.page.locale_id,
                    enabled=True,
                )
                .select_related("source")
                .first()
            )
        return self._translation

    def translation_is_incomplete(self):
        translation = self.translation()
        if translation is None:
            return False
        total, translated = translation.get_progress()
        return translated < total

    def can_publish_incomplete_translation(self):
        """Publishing source-language text is an editor's explicit call."""
        return self.can_publish() and (
            self.user.is_superuser or self.user.has_perm(SUBMIT_TRANSLATION)
        )

    def can_publish_translation_now(self):
        """Whether publishing this translation from its segments is allowed as they stand."""
        return self.can_publish() and (
            self.can_publish_incomplete_translation() or not self.translation_is_incomplete()
        )

    def can_publish(self):
        if self.page_is_root or not self.user.is_active:
            return False
        if self.user.is_superuser:
            return True
        if "publish" not in self.permissions:
            return False
        return "change" in self.permissions or self._awaits_their_approval()

    def can_publish_subpage(self):
        return super().can_publish_subpage() and self._holds("add")

    def can_reorder_children(self):
        return super().can_reorder_children() and self._holds("add")

    def can_set_view_restrictions(self):
        return self.can_publish()

    def can_unschedule(self):
        return self.can_publish()

    # Taking down, throwing away, moving, copying: Editors

    def can_unpublish(self):
        return super().can_unpublish() and self._holds("add", "publish")

    def can_delete(self, ignore_bulk=False):
        return super().can_delete(ignore_bulk=ignore_bulk) and self._holds("add")

    def can_copy(self):
        return super().can_copy() and self._holds("add")

    # Reading

    def can_view_draft(self):
        if self.page_is_root or not self.user.is_active:
            return False
        return self.user.is_superuser or self.can_edit() or "publish" in self.permissions


def hide_unseen_drafts(pages, user, shows_draft_title=True):
    """``pages`` without those whose draft ``user`` may not see (``can_view_draft``'s rule for
    a whole queryset): a page never published is left out; so is a live one with unpublished
    changes where its draft title would show (the admin's choosers and searches show it)."""
    if sees_every_draft(user):
        return pages
    policy = policy_registry.get_by_type(Page)
    drafts_seen = policy.instances_user_has_any_permission_for(user, {"change", "publish"})
    public_only = Q(live=True, has_unpublished_changes=False) if shows_draft_title else Q(live=True)
    # drafts_seen's conditions joined to these in one query, which PostgreSQL checks for each
    # page it lists; its ids in a subquery of it were hashed, all of them, at every request
    # (0.4 s for the explorer or the report of a translator at 200,000 pages).
    visible = drafts_seen | Page.objects.filter(Q(depth=1) | public_only)
    # By id only: searched querysets filter on indexed fields, and ids always are.
    return pages.filter(pk__in=visible.values("pk"))


def sees_every_draft(user):
    """Whether ``hide_unseen_drafts()`` leaves ``user`` every page: a superuser, or *change*
    or *publish* held on the tree's root (Editors, Moderators)."""
    if user.is_superuser:
        return True
    permissions = policy_registry.get_by_type(Page).get_cached_permissions_for_user(user)
    return any(
        permission.page.depth == 1
        and permission.permission.codename in {"change_page", "publish_page"}
        for permission in permissions
    )


def sees_every_page_below(tester):
    """Whether ``tester.user`` may explore every page below ``tester.page`` and see its drafts,
    so that neither Wagtail's explorer (the pages a user may explore) nor
    ``hide_unseen_drafts()`` leaves any out: a superuser, or *change* or *publish* held on the
    page or above it (Editors and Moderators everywhere, Translators in their edition)."""
    user = tester.user
    return user.is_active and (
        user.is_superuser or not {"change", "publish"}.isdisjoint(tester.permissions)
    )


class NewsroomPermissions:
    """Mixin of the newsroom's page models: their rules are ``NewsroomPagePermissionTester``'s."""

    def permissions_for_user(self, user):
        return NewsroomPagePermissionTester(user, self)
