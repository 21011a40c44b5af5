from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib.staticfiles.urls import staticfiles_urlpatterns
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from cms.operations.health import healthz
from home.sitemaps import EditionsSitemap
from news.feeds import LatestArticlesFeed
from news.search.views import search

urlpatterns = [
    # For load balancers: outside i18n_patterns, so it never redirects (cms/operations/health.py).
    path("healthz", healthz, name="healthz"),
    # The headless API (cms/api.py): outside i18n_patterns, its URLs carry no language.
    path("", include("cms.api")),
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
    path("", include(wagtail_urls)),
)
