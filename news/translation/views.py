"""Admin views of the translation workflow.

Three of them take over wagtail-localize URLs (``news.translation.wagtail_hooks`` registers them
at the same paths, ahead of wagtail-localize's), keeping its permission checks:

* syncing translations (``localize/update/<source>/``) never publishes an incomplete
  translation: ``news.translation.workflow.sync_translations``;
* downloading a PO file gives one that ``msgfmt -c`` accepts, and uploading one imports
  all of it or, with the reason, nothing: ``news.translation.po``.

The fourth is new: an editor's explicit choice to publish a translation that is incomplete.
"""

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views import View
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail.models import Page
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import Translation
from wagtail_localize.views.edit_translation import user_can_edit_instance
from wagtail_localize.views.update_translations import (
    UpdateTranslationsForm,
    UpdateTranslationsView,
)

from .po import POFileRefused, export_po, import_po, po_filename, read_po
from .review import unreviewed_segments
from .workflow import missing_segments, publish_translation, sync_translations


def can_publish_incomplete(user, translation):
    """Publishing source-language text is an editor's call (``news.translation.permissions``)."""
    permissions = translation.get_target_instance().permissions_for_user(user)
    return getattr(permissions, "can_publish_incomplete_translation", permissions.can_publish)()


def _editable_translation(request, translation_id):
    translation = get_object_or_404(
        Translation.objects.select_related("source", "target_locale"), id=translation_id
    )
    if not user_can_edit_instance(request.user, translation.get_target_instance()):
        raise PermissionDenied
    return translation


class SyncTranslationsForm(UpdateTranslationsForm):
    publish_incomplete = forms.BooleanField(
        label=gettext_lazy("Also publish incomplete translations"),
        help_text=gettext_lazy(
            "Readers will see the source text wherever a segment is not translated yet, and "
            "machine translations that nobody has reviewed."
        ),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["publish_translations"].help_text = gettext_lazy(
            "Publish every translation that is complete and reviewed after the sync. A "
            "translation with untranslated segments or unreviewed machine translations keeps "
            "its last published version live and gets a draft."
        )


class SyncTranslationsView(UpdateTranslationsView):
    def get_form(self):
        return SyncTranslationsForm(self.request.POST if self.request.method == "POST" else None)

    @transaction.atomic
    def form_valid(self, form):
        use_machine = form.cleaned_data.get("use_machine_translation")
        result = sync_translations(
            self.object,
            user=self.request.user,
            publish=form.cleaned_data["publish_translations"],
            publish_incomplete=form.cleaned_data["publish_incomplete"],
            machine_translator=get_machine_translator() if use_machine else None,
        )
        self.components.save(
            self.object,
            sources_and_translations={
                self.object: list(self.object.translations.filter(enabled=True))
            },
        )
        messages.success(self.request, self.get_success_message())
        for translation in result.published:
            messages.success(
                self.request,
                _("Published the %(locale)s translation.")
                % {"locale": translation.target_locale.get_display_name()},
            )
        for translation, missing, unreviewed in result.drafted:
            if unreviewed and not missing and form.cleaned_data["publish_translations"]:
                messages.warning(
                    self.request,
                    ngettext(
                        "The %(locale)s translation was not published: %(count)d segment is "
                        "machine translated and needs review. Readers keep its last published "
                        "version; the synced version is saved as a draft.",
                        "The %(locale)s translation was not published: %(count)d segments are "
                        "machine translated and need review. Readers keep its last published "
                        "version; the synced version is saved as a draft.",
                        unreviewed,
                    )
                    % {"locale": translation.target_locale.get_display_name(), "count": unreviewed},
                )
            if missing and form.cleaned_data["publish_translations"]:
                messages.warning(
                    self.request,
                    ngettext(
                        "The %(locale)s translation was not published: %(count)d segment "
                        "still needs translating. Readers keep its last published version; the "
                        "synced version is saved as a draft.",
                        "The %(locale)s translation was not published: %(count)d segments "
                        "still need translating. Readers keep its last published version; the "
                        "synced version is saved as a draft.",
                        missing,
                    )
                    % {"locale": translation.target_locale.get_display_name(), "count": missing},
                )
        for translation, error in result.failed:
            messages.error(
                self.request,
                _("The %(locale)s translation could not be published: %(error)s")
                % {"locale": translation.target_locale.get_display_name(), "error": error},
            )
        return redirect(self.get_success_url() or self.get_default_success_url())


def download_pofile(request, translation_id):
    translation = _editable_translation(request, translation_id)
    response = HttpResponse(
        str(export_po(translation, request.user)),
        content_type="text/x-gettext-translation; charset=utf-8",
    )
    filename = po_filename(translation)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_POST
def upload_pofile(request, translation_id):
    translation = _editable_translation(request, translation_id)
    try:
        po = read_po(request.FILES.get("file"))
        result = import_po(translation, po, user=request.user)
    except POFileRefused as refusal:
        messages.error(
            request,
            _("The PO file was not imported, nothing was changed. %(reason)s")
            % {"reason": refusal},
        )
    else:
        message = ngettext(
            "Imported %(count)d translation from the PO file.",
            "Imported %(count)d translations from the PO file.",
            result.imported,
        ) % {"count": result.imported}
        if result.fuzzy:
            message += " " + ngettext(
                "%(count)d fuzzy translation was left out.",
                "%(count)d fuzzy translations were left out.",
                result.fuzzy,
            ) % {"count": result.fuzzy}
        messages.success(request, message)
    return redirect(get_valid_next_url_from_request(request) or reverse("wagtailadmin_home"))


class PublishIncompleteTranslationView(TemplateView):
    """Confirm, then publish a translation whose missing segments will show source text."""

    template_name = "news/admin/publish_incomplete_translation.html"

    def dispatch(self, request, translation_id):
        self.translation = get_object_or_404(
            Translation.objects.select_related("source", "target_locale"),
            id=translation_id,
            enabled=True,
        )
        if not can_publish_incomplete(request.user, self.translation):
            raise PermissionDenied
        self.target = self.translation.get_target_instance()
        return super().dispatch(request)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            translation=self.translation,
            page=self.target,
            missing=missing_segments(self.translation).select_related("string")[:50],
            unreviewed=unreviewed_segments(self.translation).select_related("string")[:50],
            edit_url=reverse("wagtailadmin_pages:edit", args=[self.target.pk]),
            **kwargs,
        )

    def post(self, request):
        try:
            publish_translation(self.translation, user=request.user, allow_incomplete=True)
        except ValidationError as error:
            messages.error(request, _("The translation could not be published: %s") % error)
            return redirect(request.path)
        messages.warning(
            request,
            _("Published '%(title)s' in %(locale)s with untranslated segments in %(source)s.")
            % {
                "title": self.target.get_admin_display_title(),
                "locale": self.translation.target_locale.get_display_name(),
                "source": self.translation.source.locale.get_display_name(),
            },
        )
        return redirect("wagtailadmin_pages:edit", self.target.pk)


class ViewDraftView(View):
    """Wagtail's "View draft", asking the page's ``can_view_draft()`` (Moderators read drafts
    without the right to publish them outside the workflow). cms/urls.py routes
    ``wagtailadmin_pages:view_draft``'s path here."""

    def dispatch(self, request, page_id):
        page = get_object_or_404(Page, id=page_id).get_latest_revision_as_object()
        permissions = page.permissions_for_user(request.user)
        can_view = getattr(permissions, "can_view_draft", None)
        if not (can_view() if can_view else permissions.can_publish() or permissions.can_edit()):
            raise PermissionDenied
        preview_mode = request.GET.get("mode", page.default_preview_mode)
        if preview_mode not in dict(page.preview_modes):
            raise PermissionDenied
        return page.make_preview_request(request, preview_mode)
