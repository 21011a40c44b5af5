from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib.staticfiles.urls import staticfiles_urlpatterns
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from cms.operations.health import healthz
from cms.page_passwords import authenticate_with_password
from home.sitemaps import EditionsSitemap
from news.author_views import author
from news.feeds import LatestArticlesFeed
from news.search.views import search
from news.topics.feeds import TopicFeed
from news.topics.views import topic_page
from news.translation.views import ViewDraftView

urlpatterns = [
    # For load balancers: outside i18n_patterns, so it never redirects (cms/operations/health.py).
    path("healthz", healthz, name="healthz"),
    # The headless API (cms/api.py): outside i18n_patterns, its URLs carry no language.
    path("", include("cms.api")),
    # Ahead of Wagtail's own view at the same path: drafts are the page's can_view_draft()'s.
    path(
        "admin/pages/<int:page_id>/view_draft/",
        require_admin_access(ViewDraftView.as_view()),
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": EditionsSitemap}}, name="sitemap"),
]

if settings.DEBUG:
    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Every reader-facing URL carries its language: /lt/... or /en/...; "/" redirects to one.
urlpatterns += i18n_patterns(
    path("rss.xml", LatestArticlesFeed(), name="article_feed"),
    # /lt/paieska/, /en/search/: the URL is translated (locale/lt/LC_MESSAGES/django.po).
    path(_("search/"), search, name="search"),
    # /lt/autoriai/<slug>/, /en/authors/<slug>/: an author and their articles (news.authors).
    path(_("authors/<slug:slug>/"), author, name="author"),
    # /en/topics/education/, /lt/temos/svietimas/: prefix translated, slug the topic's own.
    path(_("topics/<slug:slug>/"), topic_page, name="topic_page"),
    path(_("topics/<slug:slug>/rss.xml"), TopicFeed(), name="topic_feed"),
    # Wagtail's page password form, rate limited (cms/page_passwords.py).
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        authenticate_with_password,
        name="wagtailcore_authenticate_with_password",
    ),
    path("", include(wagtail_urls)),
)
