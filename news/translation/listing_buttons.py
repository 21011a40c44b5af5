"""The explorer's "Translate this page" and "Sync translated pages" buttons, without queries
for every page listed.

wagtail-localize's hook asks the database, for each page in the listing, whether a locale is
left to translate it into, for its translation source, and whether that has enabled
translations: two or three queries a row, so the explorer of a news index grew with its
articles. ``annotate_listing()`` answers those questions in the listing's own query; the
buttons read the answers. A page not listed by the explorer (the page header) keeps
wagtail-localize's own hook.
"""

from urllib.parse import urlencode

from django.db.models import Exists, OuterRef, Subquery
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.widgets import ListingButton
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.wagtail_hooks import page_listing_more_buttons as localize_buttons

ANSWERED = "_translation_buttons_answered"


def annotate_listing(pages):
    """The answers, as annotations of the explorer's queryset."""
    editions = Page.objects.filter(
        translation_key=OuterRef(OuterRef("translation_key")), alias_of__isnull=True
    ).values("locale_id")
    source = TranslationSource.objects.filter(
        object_id=OuterRef("translation_key"), locale_id=OuterRef("locale_id")
    )
    synced = Translation.objects.filter(
        source__object_id=OuterRef("translation_key"),
        source__locale_id=OuterRef("locale_id"),
        enabled=True,
    )
    return pages.annotate(
        _locale_left_to_translate=Exists(Locale.objects.exclude(id__in=editions)),
        _translation_source_id=Subquery(source.values("pk")[:1]),
        # A subquery for one row rather than EXISTS, which PostgreSQL may answer by hashing
        # every synced translation of the archive before the first row (100 ms at 100,000).
        _synced_translation_id=Subquery(synced.values("pk")[:1]),
        **{ANSWERED: Exists(Locale.objects.all())},
    )


def translation_buttons(page, user, view_name=None, next_url=None):
    """wagtail-localize's listing buttons, from the annotations when the page has them."""
    if not getattr(page, ANSWERED, False):
        yield from localize_buttons(page, user, view_name=view_name, next_url=next_url)
        return
    if page.is_root() or not user.has_perm("wagtail_localize.submit_translation"):
        return
    if page._locale_left_to_translate:
        yield ListingButton(
            _("Translate this page"),
            reverse("wagtail_localize:submit_page_translation", args=[page.alias_of_id or page.id]),
            priority=60,
            icon_name="wagtail-localize-language",
        )
    if page._synced_translation_id is not None:
        url = reverse("wagtail_localize:update_translations", args=[page._translation_source_id])
        if next_url is not None:
            url += "?" + urlencode({"next": next_url})
        yield ListingButton(_("Sync translated pages"), url, priority=60, icon_name="resubmit")
