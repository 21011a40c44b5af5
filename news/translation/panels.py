"""A page editor panel showing where the page's translations stand (same statuses as the report)."""

from django.urls import reverse
from wagtail.admin.panels import Panel
from wagtail_localize.models import TranslationSource

from .status import Status, content_locales, statuses_of


class TranslationStatusPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "news/admin/translation_status_panel.html"

        def is_shown(self):
            return bool(self.instance.pk) and super().is_shown()

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            user = self.request.user
            can_submit = user.has_perm("wagtail_localize.submit_translation")
            source_id = (
                TranslationSource.objects.filter(
                    object_id=self.instance.translation_key, locale_id=self.instance.locale_id
                )
                .values_list("pk", flat=True)
                .first()
            )
            # Only the other locales: each costs the status query a dozen subqueries.
            others = [
                locale for locale in content_locales() if locale.pk != self.instance.locale_id
            ]
            context.update(
                statuses=statuses_of(self.instance, others),
                Status=Status,
                submit_url=can_submit
                and reverse("wagtail_localize:submit_page_translation", args=[self.instance.pk]),
                sync_url=can_submit
                and source_id is not None
                and reverse("wagtail_localize:update_translations", args=[source_id]),
            )
            return context
