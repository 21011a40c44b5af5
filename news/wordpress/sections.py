"""Each language's home page and news index: found where they are, created when missing.

On a fresh installation the source language's home page becomes the default site's root
(in place of Wagtail's welcome page) and every other language gets its home page and news
index as their translations (same ``translation_key``), as the translation workflow needs.
"""

from dataclasses import dataclass

from django.conf import settings
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Locale, Page, Site

from home.models import HomePage
from news.models import NewsIndexPage

WELCOME_PAGE_TITLE = "Welcome to your new Wagtail site!"
HOME_TITLES = {"lt": ("Kauno naujienos", "pradzia"), "en": ("Kaunas News", "home")}
INDEX_TITLES = {"lt": ("Naujienos", "naujienos"), "en": ("News", "news")}


@dataclass
class Section:
    locale: Locale
    home: HomePage
    news_index: NewsIndexPage


def ensure_sections(languages, user=None):
    """``{language: Section}`` for the site's source language and every given language."""
    source_language = settings.LANGUAGE_CODE
    locales = {
        language: Locale.objects.get_or_create(language_code=language)[0]
        for language in {source_language, *languages}
    }
    home = _source_home(locales[source_language], user)
    index = NewsIndexPage.objects.child_of(home).first() or _publish(
        home, NewsIndexPage(locale=home.locale, **_titles(INDEX_TITLES, source_language)), user
    )
    sections = {source_language: Section(locales[source_language], home, index)}
    for language, locale in locales.items():
        if language == source_language:
            continue
        translated_home = _translation(home, locale, HOME_TITLES, user)
        translated_index = _translation(index, locale, INDEX_TITLES, user)
        sections[language] = Section(locale, translated_home, translated_index)
    return sections


def _titles(table, language):
    title, slug = table.get(language, table["en"])
    return {"title": title, "slug": slug}


def _publish(parent, page, user):
    page.live = False
    page.owner = user
    parent.add_child(instance=page)
    page.save_revision(user=user, log_action="wagtail.create").publish(user=user)
    return page


def _source_home(locale, user):
    home = HomePage.objects.filter(locale=locale, depth=2).order_by("path").first()
    if home is not None:
        return home
    root = Page.get_first_root_node()
    home = _publish(
        root, HomePage(locale=locale, **_titles(HOME_TITLES, locale.language_code)), user
    )
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True,
            site_name=settings.WAGTAIL_SITE_NAME,
        )  # fmt: skip
    elif not isinstance(site.root_page.specific, HomePage):
        site.root_page = home
        site.save()
    for page in root.get_children().exact_type(Page).filter(title=WELCOME_PAGE_TITLE, numchild=0):
        if not page.sites_rooted_here.exists():
            page.delete()
    return home


def _translation(page, locale, titles, user):
    """The page's translation into ``locale``; a copy of it, retitled and published, if none."""
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    translation = page.copy_for_translation(locale)
    for name, value in _titles(titles, locale.language_code).items():
        setattr(translation, name, value)
    if not Page._slug_is_available(translation.slug, translation.get_parent(), translation):
        translation.slug = f"{translation.slug}-{locale.language_code}"
    translation.save_revision(user=user).publish(user=user)
    # Retitling the copy before its first publish is no move: no redirect from the old slug.
    Redirect.objects.filter(redirect_page=translation, automatically_created=True).delete()
    translation.refresh_from_db()
    return translation
