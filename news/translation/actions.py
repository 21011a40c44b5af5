"""The publish and edit actions that Wagtail's API v3 looks up (``action_registry``).

A translation's latest revision may be a draft that a sync saved with source text in its
untranslated segments (``news.translation.workflow.save_draft``). Publishing that revision
would show readers Lithuanian text, so a translation is published the way its editor does:
from its translated segments (``publish_translation``), when the page's permission tester
allows it as they stand (``can_publish_translation_now``, ``news.translation.permissions``).
An API edit (``PATCH`` with ``"action": "publish"``) of a translation saves a draft at most.
"""

from wagtail.actions.edit import EditPermissionError
from wagtail.actions.edit_page import EditPageAction
from wagtail.actions.publish_page_revision import (
    PublishPagePermissionError,
    PublishPageRevisionAction,
)

from .workflow import publish_translation

REFUSED_INCOMPLETE = "This translation has untranslated segments: readers would see source text."
REFUSED_EDIT = (
    "A translation is published from its segments: publish it with actions/publish/ "
    "or in the translation editor."
)


def _translation_of(page, user):
    permissions = page.permissions_for_user(user) if user else None
    translation = getattr(permissions, "translation", None)
    return permissions, translation() if translation else None


class PublishFromSegmentsAction(PublishPageRevisionAction):
    def execute(self, skip_permission_checks=False):
        permissions, translation = _translation_of(self.object, self.user)
        if translation is None:
            return super().execute(skip_permission_checks=skip_permission_checks)
        self.check(skip_permission_checks=skip_permission_checks)
        if not skip_permission_checks and not permissions.can_publish_translation_now():
            raise PublishPagePermissionError(REFUSED_INCOMPLETE)
        publish_translation(translation, user=self.user, allow_incomplete=True)
        return None


class EditTranslationDraftAction(EditPageAction):
    def check_publish(self):
        super().check_publish()
        if _translation_of(self.instance, self.user)[1] is not None:
            raise EditPermissionError(REFUSED_EDIT)
