from django.conf import settings
from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class EditionsSitemap(Sitemap):
    """Every live page of every language edition, each with its alternates (hreflang).

    Wagtail's own sitemap only walks the default site root, which holds just one language.
    """

    def items(self):
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        under_a_root = Q()
        for root in roots:
            under_a_root |= Q(path__startswith=root.path)
        pages = list(
            Page.objects.live()
            .public()
            .filter(under_a_root)
            .select_related("locale")
            .defer_streamfields()
            .order_by("path")
        )
        self.editions = {}
        for page in pages:
            self.editions.setdefault(page.translation_key, []).append(page)
        return pages

    def get_alternates(self, page):
        by_language = {p.locale.language_code: p for p in self.editions[page.translation_key]}
        alternates = [
            {"lang_code": code, "location": by_language[code].get_full_url(self.request)}
            for code, _name in settings.LANGUAGES
            if code in by_language
        ]
        default = by_language.get(settings.LANGUAGE_CODE, page)
        alternates.append(
            {"lang_code": "x-default", "location": default.get_full_url(self.request)}
        )
        return alternates

    def _urls(self, page_number, protocol, domain):
        urls = []
        for page in self.paginator.page(page_number).object_list:
            urls.append(
                {
                    "location": page.get_full_url(self.request),
                    "lastmod": page.last_published_at or page.latest_revision_created_at,
                    "alternates": self.get_alternates(page),
                }
            )
        return urls
