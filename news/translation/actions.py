"""The publish action that Wagtail's API v3 looks up (``action_registry``), for translations.

A translation's latest revision may be a draft that a sync saved with source text in its
untranslated segments (``news.translation.workflow.save_draft``). Publishing that revision
would show readers Lithuanian text, so a translation is published the way its editor does:
from its translated segments (``publish_translation``). Whether the user may publish it, and
may publish it incomplete, is the page's permission tester's decision
(``news.translation.permissions``).
"""

from wagtail.actions.publish_page_revision import (
    PublishPagePermissionError,
    PublishPageRevisionAction,
)

from .workflow import publish_translation


class PublishFromSegmentsAction(PublishPageRevisionAction):
    def execute(self, skip_permission_checks=False):
        permissions = self.object.permissions_for_user(self.user) if self.user else None
        translation = getattr(permissions, "translation", lambda: None)()
        if translation is None:
            return super().execute(skip_permission_checks=skip_permission_checks)
        self.check(skip_permission_checks=skip_permission_checks)
        allow_incomplete = skip_permission_checks or (
            permissions.can_publish_incomplete_translation()
        )
        if not allow_incomplete and permissions.translation_is_incomplete():
            raise PublishPagePermissionError(
                "This translation has untranslated segments: readers would see source text."
            )
        publish_translation(translation, user=self.user, allow_incomplete=True)
        return None
