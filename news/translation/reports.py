"""The "Translations" report: every article and where its translation stands in each locale.

One row per article (its source page), one column per locale. Which articles are listed, and
which have the status a filter asks for, is read from the statuses kept in a table
(``news.translation.kept_statuses``, refreshed first); the statuses shown are computed by
``news.translation.status`` as SQL annotations for the rows shown only, so the listing, its
filters and its CSV and XLSX exports cost the same few queries however many articles there
are. The page shown is read through an index (``news.listings.paginator``); the number of
articles is kept between requests until what it counts changes
(``news.translation.report_count``).
"""

import datetime
import operator
from functools import reduce

import django_filters
from django.db.models import Q
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page
from wagtail.permissions import policy_registry

from news.listings.paginator import IndexedPaginator
from news.models import ArticlePage, Topic

from .kept_statuses import (
    kept_article_sources,
    kept_sources_by_title,
    kept_status,
    kept_status_in,
    refresh_kept_statuses,
)
from .permissions import hide_unseen_drafts, sees_every_draft
from .report_count import kept_count
from .status import (
    Status,
    annotate_translation_status,
    content_locales,
    field_prefix,
    locale_status,
)
from .topic_status import annotate_topic_status, topic_sources

# Who sees the report: anyone with a page permission (Editors, Translators).
REPORT_PERMISSIONS = ["add", "change", "publish"]
STATUS_CHOICES = [(status.value, status.label) for status in Status if status != Status.SOURCE]


def user_can_see_report(user):
    return policy_registry.get_by_type(Page).user_has_any_permission(user, REPORT_PERMISSIONS)


class TranslationStatusFilterSet(WagtailFilterSet):
    # Both filters act together, in filter_queryset(): the status of the chosen locale.
    locale = django_filters.ChoiceFilter(label=_("Locale"), empty_label=_("All"))
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=STATUS_CHOICES, empty_label=_("Any")
    )

    class Meta:
        model = ArticlePage
        fields = []

    def __init__(self, *args, locales, **kwargs):
        super().__init__(*args, **kwargs)
        self.locales = locales
        self.filters["locale"].extra["choices"] = [
            (locale.language_code, locale.get_display_name()) for locale in locales
        ]

    def filter_queryset(self, queryset):
        language_code = self.form.cleaned_data.get("locale")
        status = self.form.cleaned_data.get("status")
        locales = [
            locale
            for locale in self.locales
            if not language_code or locale.language_code == language_code
        ]
        if language_code:
            # Articles that are (or would be) translated into that locale: not its own sources.
            queryset = queryset.exclude(locale__language_code=language_code)
        if status:
            queryset = self.filter_by_status(queryset, status, locales)
        return queryset

    def filter_by_status(self, queryset, status, locales):
        # By the kept statuses, which the view refreshed: computing every article's status to
        # filter them took 20 s at 100,000 articles a language (news.translation.models).
        return queryset.filter(kept_status_in([status], locales))


class LocaleStatusColumn(Column):
    cell_template_name = "news/admin/translation_status_cell.html"

    def __init__(self, locale, sort_key):
        name = f"{field_prefix(locale)}status"
        super().__init__(name, label=locale.get_display_name(), sort_key=sort_key)
        self.locale = locale

    def get_value(self, instance):
        return locale_status(instance, self.locale)

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context.get("request")
        context["can_submit"] = bool(
            request and request.user.has_perm("wagtail_localize.submit_translation")
        )
        return context


class TranslationsReportView(ReportView):
    page_title = _("Translations")
    header_icon = "site"
    index_url_name = "news_translations_report"
    index_results_url_name = "news_translations_report_results"
    filterset_class = TranslationStatusFilterSet
    any_permission_required = REPORT_PERMISSIONS
    default_ordering = "title"
    paginate_by = 50
    paginator_class = IndexedPaginator

    @cached_property
    def permission_policy(self):
        return policy_registry.get_by_type(Page)

    def get_paginator(self, queryset, per_page, **kwargs):
        return super().get_paginator(
            queryset,
            per_page,
            count=self.known_count(queryset),
            keys=self.keys_by_title(),
            **kwargs,
        )

    def keys_by_title(self):
        """The listed articles' ids in the listing's order, from the kept statuses' title
        index, when the listing is every article by title (None: read from the listing)."""
        if self.ordering not in ("title", "-title") or not self.unfiltered_for_all():
            return None
        return kept_sources_by_title(descending=self.ordering == "-title")

    def unfiltered_for_all(self):
        """Whether every article is listed: no filter, and no draft hidden from the user."""
        return (
            self.filters.is_valid()
            and not any(self.filters.form.cleaned_data.values())
            and sees_every_draft(self.request.user)
        )

    def known_count(self, queryset):
        """The number of articles listed, kept between requests (None: counted)."""
        if not self.filters.is_valid():
            return None
        data = self.filters.form.cleaned_data
        return kept_count(
            queryset, self.request.user, data.get("locale") or "", data.get("status") or ""
        )

    @cached_property
    def locales(self):
        return content_locales()

    def get_filterset_kwargs(self):
        return {**super().get_filterset_kwargs(), "locales": self.locales}

    def get_filename(self):
        return f"translations-report-{datetime.date.today():%Y-%m-%d}"

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "title",
                label=_("Article"),
                sort_key="title",
                get_url=lambda page: reverse("wagtailadmin_pages:edit", args=[page.pk]),
            ),
            Column("locale", label=_("Source locale"), accessor="locale.get_display_name"),
            *(
                LocaleStatusColumn(locale, sort_key=f"{field_prefix(locale)}kept_status")
                for locale in self.locales
            ),
        ]

    @cached_property
    def export_fields(self):
        """(field name, heading) of each exported column; per-locale values are set on rows."""
        fields = [("title", str(_("Article"))), ("source_locale", str(_("Source locale")))]
        for locale in self.locales:
            name = locale.get_display_name()
            prefix = field_prefix(locale)
            fields += [
                (f"{prefix}label", _("%(locale)s: status") % {"locale": name}),
                (
                    f"{prefix}percent",
                    _("%(locale)s: segments translated (%%)") % {"locale": name},
                ),
                (
                    f"{prefix}memory_count",
                    _("%(locale)s: filled by translation memory") % {"locale": name},
                ),
                (
                    f"{prefix}machine_count",
                    _("%(locale)s: machine translated, to review") % {"locale": name},
                ),
            ]
        return fields

    def as_spreadsheet(self, queryset, spreadsheet_format):
        # Word the headings now, in the user's language: a CSV is streamed after the view
        # returns, when the admin no longer has the user's language active.
        self.export_fields  # noqa: B018
        return super().as_spreadsheet(queryset, spreadsheet_format)

    @property
    def list_export(self):
        return [name for name, _heading in self.export_fields]

    @property
    def export_headings(self):
        return dict(self.export_fields)

    def get_base_queryset(self):
        refresh_kept_statuses(self.locales)
        articles = hide_unseen_drafts(
            kept_article_sources(),
            self.request.user,
            shows_draft_title=False,
        ).select_related("locale")
        # Sorted by a locale's status, by the kept one: sorting by the computed one computed
        # every article's.
        articles = articles.annotate(
            **{f"{field_prefix(locale)}kept_status": kept_status(locale) for locale in self.locales}
        )
        return annotate_translation_status(articles, self.locales)

    def decorate_paginated_queryset(self, object_list):
        rows = list(object_list)
        for row in rows:
            row.source_locale = row.locale.get_display_name()
            row.locale_statuses = [locale_status(row, locale) for locale in self.locales]
            for status in row.locale_statuses:
                prefix = field_prefix(status.locale)
                setattr(row, f"{prefix}label", status.label)
                setattr(row, f"{prefix}percent", status.percent if status.has_progress else "")
                setattr(row, f"{prefix}memory_count", status.memory if status.has_progress else "")
                setattr(
                    row, f"{prefix}machine_count", status.machine if status.has_progress else ""
                )
        return rows


class TopicStatusFilterSet(TranslationStatusFilterSet):
    class Meta:
        model = Topic
        fields = []

    def filter_by_status(self, queryset, status, locales):
        # A few dozen topics: by their computed statuses (news.translation.topic_status).
        return queryset.filter(
            reduce(
                operator.or_,
                (Q(**{f"{field_prefix(locale)}status": status}) for locale in locales),
                Q(pk__in=[]),
            )
        )


class TopicTranslationsReportView(TranslationsReportView):
    """The same report for topics (snippets): "Reports > Topic translations"."""

    page_title = _("Topic translations")
    header_icon = "tag"
    index_url_name = "news_topic_translations_report"
    index_results_url_name = "news_topic_translations_report_results"
    filterset_class = TopicStatusFilterSet
    default_ordering = "name"

    def get_filename(self):
        return f"topic-translations-report-{datetime.date.today():%Y-%m-%d}"

    def known_count(self, queryset):
        return None  # a few dozen topics, counted each time (report_count keeps articles')

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "name",
                label=_("Topic"),
                sort_key="name",
                get_url=lambda topic: reverse("wagtailsnippets_news_topic:edit", args=[topic.pk]),
            ),
            Column("locale", label=_("Source locale"), accessor="locale.get_display_name"),
            *(
                LocaleStatusColumn(locale, sort_key=f"{field_prefix(locale)}status")
                for locale in self.locales
            ),
        ]

    @cached_property
    def export_fields(self):
        fields = super().export_fields
        return [("name", str(_("Topic")))] + fields[1:]

    def get_base_queryset(self):
        topics = topic_sources(Topic.objects.all()).select_related("locale")
        return annotate_topic_status(topics, self.locales)
