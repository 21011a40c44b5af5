"""Admin hooks of the translation workflow (see README, "Translation workflow")."""

from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail.models import Page
from wagtail_localize.models import Translation

from . import views
from .actions import EditTranslationDraftAction, PublishFromSegmentsAction
from .dashboard import TranslationQueuePanel
from .listing_buttons import annotate_listing, localize_buttons, translation_buttons
from .permissions import hide_unseen_drafts
from .reports import TopicTranslationsReportView, TranslationsReportView, user_can_see_report
from .review import unreviewed_count
from .workflow import blocking_counts, keep_manual_edits


@hooks.register("register_admin_urls", order=-1)
def register_admin_urls():
    """Our views, and three that take over wagtail-localize's URLs.

    Wagtail adds the URLs of this hook in hook order, so registering with ``order=-1`` puts
    these paths ahead of wagtail-localize's identical ones: ``reverse("wagtail_localize:...")``
    keeps working and now reaches these views.
    """
    return [
        path(
            "localize/update/<int:translation_source_id>/",
            views.SyncTranslationsView.as_view(),
            name="news_sync_translations",
        ),
        path(
            "localize/translate/<int:translation_id>/pofile/download/",
            views.download_pofile,
            name="news_download_pofile",
        ),
        path(
            "localize/translate/<int:translation_id>/pofile/upload/",
            views.upload_pofile,
            name="news_upload_pofile",
        ),
        path(
            "translations/<int:translation_id>/publish-incomplete/",
            views.PublishIncompleteTranslationView.as_view(),
            name="news_publish_incomplete_translation",
        ),
        path(
            "reports/translation-status/",
            TranslationsReportView.as_view(),
            name="news_translations_report",
        ),
        path(
            "reports/translation-status/results/",
            TranslationsReportView.as_view(results_only=True),
            name="news_translations_report_results",
        ),
        path(
            "reports/topic-translation-status/",
            TopicTranslationsReportView.as_view(),
            name="news_topic_translations_report",
        ),
        path(
            "reports/topic-translation-status/results/",
            TopicTranslationsReportView.as_view(results_only=True),
            name="news_topic_translations_report_results",
        ),
    ]


@hooks.register("construct_homepage_panels")
def add_translation_queue(request, panels):
    """The translator's work queue (news.translation.dashboard), for anyone who may see the
    Translations report; it lists only translations the user may edit."""
    if user_can_see_report(request.user):
        panels.append(TranslationQueuePanel(request.user))


class TranslationsReportMenuItem(MenuItem):
    def is_shown(self, request):
        return user_can_see_report(request.user)


@hooks.register("register_reports_menu_item")
def register_translations_report_menu_item():
    return TranslationsReportMenuItem(
        gettext_lazy("Translations"),
        reverse("news_translations_report"),
        name="translation-status",
        icon_name="site",
        order=8900,
    )


@hooks.register("register_reports_menu_item")
def register_topic_translations_report_menu_item():
    return TranslationsReportMenuItem(
        gettext_lazy("Topic translations"),
        reverse("news_topic_translations_report"),
        name="topic-translation-status",
        icon_name="tag",
        order=8901,
    )


@hooks.register("construct_reports_menu")
def hide_wagtail_localize_report(request, menu_items):
    """Ours replaces wagtail-localize's report of the same name (still reachable by its URL)."""
    theirs = reverse("wagtail_localize:translations_report")
    menu_items[:] = [item for item in menu_items if item.url != theirs]


def _enabled_translation(page):
    return Translation.objects.filter(
        source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
    ).first()


def _not_ready_message(translation, missing, unreviewed):
    source = translation.source.locale.get_display_name()
    parts = []
    if missing:
        parts.append(
            ngettext(
                "%(count)d segment is not translated yet, and readers would see it in %(source)s.",
                "%(count)d segments are not translated yet, and readers would see them in "
                "%(source)s.",
                missing,
            )
            % {"count": missing, "source": source}
        )
    if unreviewed:
        parts.append(
            ngettext(
                "%(count)d segment is machine translated and nobody has reviewed it: edit or "
                "confirm it first.",
                "%(count)d segments are machine translated and nobody has reviewed them: edit "
                "or confirm them first.",
                unreviewed,
            )
            % {"count": unreviewed}
        )
    return _("Not published: %(reasons)s") % {"reasons": " ".join(parts)}


@hooks.register("before_edit_page", order=-1)
def refuse_incomplete_translation_publish(request, page):
    """The translation editor's Publish, refused while segments are untranslated or machine
    translated without review (news.translation.review).

    Runs before wagtail-localize's hook, which would publish with source text in the gaps.
    On opening the editor, says how many machine translations wait for review.
    """
    translation = _enabled_translation(page)
    if translation is None:
        return None
    if request.method == "GET":
        unreviewed = unreviewed_count(translation)
        if unreviewed:
            messages.warning(
                request,
                ngettext(
                    "%(count)d segment is machine translated and needs review: edit or confirm "
                    "it before publishing.",
                    "%(count)d segments are machine translated and need review: edit or confirm "
                    "them before publishing.",
                    unreviewed,
                )
                % {"count": unreviewed},
            )
        return None
    if request.method != "POST" or request.POST.get("action") != "publish":
        return None
    missing, unreviewed = blocking_counts(translation)
    if not (missing or unreviewed):
        return None
    buttons = []
    if views.can_publish_incomplete(request.user, translation):
        url = reverse("news_publish_incomplete_translation", args=[translation.pk])
        buttons.append(messages.button(url, _("Publish anyway")))
    messages.error(request, _not_ready_message(translation, missing, unreviewed), buttons=buttons)
    return redirect(request.path)


@hooks.register("construct_page_chooser_queryset")
def hide_unseen_drafts_from_chooser(pages, request):
    return hide_unseen_drafts(pages, request.user)


@hooks.register("construct_explorer_page_queryset")
def hide_unseen_drafts_from_explorer(parent_page, pages, request):
    return annotate_listing(hide_unseen_drafts(pages, request.user))


# The explorer's rows take their translation buttons from annotate_listing's answers; the
# page header keeps wagtail-localize's hook (news.translation.listing_buttons).
hooks._hooks["register_page_listing_more_buttons"] = [
    (hook, order)
    for hook, order in hooks._hooks.get("register_page_listing_more_buttons", [])
    if hook is not localize_buttons
]
hooks.register("register_page_listing_more_buttons", translation_buttons)


@hooks.register("register_actions")
def register_translation_actions(registry):
    """Wagtail's API v3 publishes a translation from its segments, as its editor does."""
    registry.register(Page, PublishFromSegmentsAction)
    registry.register(Page, EditTranslationDraftAction)


@hooks.register("before_edit_page", order=-1)
def keep_manual_edits_on_restart(request, page):
    """Before wagtail-localize restarts a stopped translation, keep what was edited by hand."""
    if request.method == "POST" and "localize-restart-translation" in request.POST:
        translation = Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=False
        ).first()
        if translation is not None:
            keep_manual_edits(translation, user=request.user)
    return None


@hooks.register("before_bulk_action")
def publish_translations_from_their_editor(request, action_type, objects, action_class):
    """A bulk publish would publish a translation's latest revision, which may be a draft
    saved by a sync with source text in it: translations are published from their editor,
    which builds the page from its translated segments (and refuses while some are missing).
    """
    if action_type != "publish":
        return None
    translations = [
        page
        for page in objects
        if isinstance(page, Page)
        and Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        ).exists()
    ]
    if not translations:
        return None
    messages.error(
        request,
        _("Publish translations from the translation editor: %(titles)s.")
        % {"titles": ", ".join(page.get_admin_display_title() for page in translations)},
    )
    return redirect(get_valid_next_url_from_request(request) or reverse("wagtailadmin_home"))
