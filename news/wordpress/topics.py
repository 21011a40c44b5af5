"""Categories and tags as topics: one ``news.Topic`` per term in its language, the terms of
one WPML group translations of each other (one ``translation_key``; the original term's
topic is the wagtail-localize source, the others its translations with their names and
slugs recorded as translated), and each imported article linked to its terms' topics in
its own locale.

An article in a language its term has no edition in (WPML shows the term's name there as
it is) gets the term's topic in that language under the same name, a translation of the
source as the others are, and the report asks for it to be translated. Left untranslated in
wagtail-localize, the topic would be hidden from readers (``Topic.objects.readable``) and
the article would lose it at its next save (``ArticlePage.localize_topics``).

A re-run finds the topics by their ``origin`` and updates their names; slugs (the topic
pages' addresses) stay as they are.
"""

import uuid

from wagtail.coreutils import cautious_slugify

from news.models import Topic

from . import localize
from .pages import free_slug

SLUG_MAX = 100


def ensure_topics(plan, locales, report, user=None):
    """``{(origin, language): Topic}`` for every term of the export in its language and in
    every language its articles need it in. ``locales`` are the site's, by language."""
    wanted = _editions(plan, locales)
    languages = {locale.pk: language for language, locale in locales.items()}
    existing = {}
    for topic in Topic.objects.filter(origin__in=list(wanted), locale_id__in=list(languages)):
        existing.setdefault(topic.origin, {})[languages[topic.locale_id]] = topic
    topics = {}
    for origin, editions in wanted.items():
        found = existing.get(origin, {})
        key = next(iter(found.values())).translation_key if found else uuid.uuid4()
        group = []
        for language, (ref, is_copy) in editions.items():
            topic = _topic(found.get(language), ref, is_copy, locales[language], origin, key)
            report.topics[(language, "updated" if language in found else "created")] += 1
            if is_copy:
                report.notes.append(
                    f"Topic {ref.name!r} has no {language} term: its {language} edition has "
                    f"the {ref.language or 'same'} name, to translate"
                )
            group.append(topic)
            topics[origin, language] = topic
        if len(group) > 1:
            localize.link_group(group[0], [(topic, False) for topic in group[1:]], user)
            report.groups_linked["topic"] += 1
    return topics


def _editions(plan, locales):
    """``{origin: {language: (term, is a copy)}}``, the source's language first."""
    term_index = plan.term_index
    wanted = {}
    for refs in term_index.groups.values():
        editions = wanted.setdefault(term_index.origin(refs[0]), {})
        for ref in refs:
            if ref.language in locales:
                editions.setdefault(ref.language, (ref, False))
    for member in plan.members.values():
        if member.item.post_type != "post":
            continue
        for ref in term_index.for_item(member.item, member.language):
            editions = wanted.setdefault(term_index.origin(ref), {})
            if member.language not in editions:
                source = next(iter(editions.values()), (ref, False))[0]
                editions[member.language] = (source, bool(editions))
    return wanted


def _topic(topic, ref, is_copy, locale, origin, key):
    name = ref.name[:SLUG_MAX] or ref.slug
    if topic is None:
        topic = Topic(locale=locale, translation_key=key, origin=origin, name=name)
        topic.slug = _free_slug(ref, locale)
        topic.save()
    elif topic.name != name and not is_copy:  # a copy's name is its translator's
        topic.name = name
        topic.save(update_fields=["name"])
    return topic


def _free_slug(ref, locale):
    """The term's slug without the language suffix, unless another topic of the language has
    it: then WordPress's own (``unesco-en``), else a number."""
    choices = [cautious_slugify(ref.slug)[:SLUG_MAX] or "topic", cautious_slugify(ref.wp_slug)]
    return free_slug(Topic.objects.filter(locale=locale), choices, SLUG_MAX)


def apply_terms(page, refs, language, term_index, topics):
    """Link the article to its terms' topics in its language; returns how many links."""
    found = [topics[key] for ref in refs if (key := (term_index.origin(ref), language)) in topics]
    return localize.set_links(page, "topic_links", "topic", found)
