"""WordPress authors as bylines: one ``news.Author`` per login in each language the login's
articles are in (the editions share a ``translation_key``; the first made is the
wagtail-localize source, the others its translations), recorded in ``WordPressAuthor`` so
that a re-run finds them by login. Each imported article gets its author's byline in its
own locale.

The name is the export's display name (else the login) and is updated on a re-run; the
slug, the same in every language, stays as it was first made.
"""

import uuid

from django.conf import settings
from wagtail.coreutils import cautious_slugify

from news.models import Author

from . import localize
from .models import WordPressAuthor
from .pages import free_slug

NAME_MAX = 120


def ensure_authors(site, plan, wp_authors, locales, report, user=None):
    """``{(login, language): Author}`` for the authors of the imported articles."""
    names = {author.login: author.display_name for author in wp_authors if author.login}
    needed = {}  # login -> languages
    for member in plan.members.values():
        if member.item.post_type == "post" and member.item.creator:
            needed.setdefault(member.item.creator[:NAME_MAX], set()).add(member.language)
    records = {
        record.login: record
        for record in WordPressAuthor.objects.filter(site=site, login__in=list(needed))
    }
    languages = {locale.pk: language for language, locale in locales.items()}
    editions = {}  # translation key -> {language: Author}, the first made first
    for author in Author.objects.filter(
        translation_key__in=[record.translation_key for record in records.values()],
        locale_id__in=list(languages),
    ).order_by("pk"):
        editions.setdefault(author.translation_key, {})[languages[author.locale_id]] = author
    authors = {}
    for login in sorted(needed):
        record = records.get(login) or WordPressAuthor.objects.create(
            site=site, login=login, translation_key=uuid.uuid4()
        )
        name = (names.get(login) or login)[:NAME_MAX]
        found = editions.get(record.translation_key, {})
        for language, author in found.items():
            if author.name != name:
                author.name = name
                author.save(update_fields=["name"])
            report.authors[(language, "updated")] += 1
        group = dict(found)
        new = sorted(needed[login] - found.keys(), key=_source_language_first)
        for language in new:
            slug = next(iter(group.values())).slug if group else _free_slug(name, record)
            group[language] = Author.objects.create(
                locale=locales[language],
                translation_key=record.translation_key,
                name=name,
                slug=slug,
            )
            report.authors[(language, "created")] += 1
        source, *translations = group.values()
        if translations:
            localize.link_group(source, [(author, False) for author in translations], user)
        authors.update({(login, language): author for language, author in group.items()})
    return authors


def _source_language_first(language):
    return (language != settings.LANGUAGE_CODE, language)


def _free_slug(name, record):
    """A slug no other author has in any language (each edition has the same one)."""
    others = Author.objects.exclude(translation_key=record.translation_key)
    return free_slug(others, [cautious_slugify(name)[:NAME_MAX] or "author"], NAME_MAX)


def apply_byline(page, login, language, authors):
    """Give the article its WordPress author's byline in its language; returns how many."""
    author = authors.get((login[:NAME_MAX], language))
    return localize.set_links(page, "bylines", "author", [author] if author else [])
