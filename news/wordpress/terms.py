"""Categories and tags, per language, with their WPML translation groups.

The first pass collects every term of the export (``TermIndex.collect``); ``topics`` turns
them into ``news.Topic`` snippets. A WPML group of terms is one topic in several languages:
all its terms share the group's ``origin`` (the original term's id), which is how a re-run
finds the topics it made.
"""

import re
from dataclasses import dataclass, field

TAXONOMIES = {"category": "categories", "post_tag": "tags"}
_LANGUAGE_SUFFIX = re.compile(r"-([a-z]{2}(?:-[a-z]{2})?)$")


@dataclass(frozen=True)
class TermRef:
    taxonomy: str
    slug: str  # without the pre-WPML-4.8 language suffix (unesco-en -> unesco)
    name: str
    language: str = ""
    group: str = ""
    term_id: int = 0
    is_original: bool = True
    wp_slug: str = ""  # as WordPress has it, the suffix kept

    @property
    def key(self):
        """The term's topic group: its WPML group, else the term alone."""
        if self.group:
            return (self.taxonomy, "group", self.group)
        return (self.taxonomy, "term", self.term_id or self.wp_slug or self.slug)


@dataclass
class TermIndex:
    by_slug: dict = field(default_factory=dict)  # (taxonomy, WordPress slug) -> [TermRef]
    groups: dict = field(default_factory=dict)  # TermRef.key -> [TermRef], the original first

    def collect(self, terms, translations, language_map, report):
        for term in terms:
            if term.taxonomy not in TAXONOMIES:
                continue
            membership = translations.for_term(term)
            wp_language = membership.language if membership else ""
            language = language_map.resolve(wp_language) or ""
            ref = TermRef(
                taxonomy=term.taxonomy,
                slug=base_slug(term.slug, wp_language),
                name=term.name,
                language=language,
                group=membership.group if membership else "",
                term_id=term.term_id,
                is_original=not membership or membership.is_original,
                wp_slug=term.slug,
            )
            self.by_slug.setdefault((term.taxonomy, term.slug), []).append(ref)
            self.groups.setdefault(ref.key, []).append(ref)
            report.terms[(language or "-", TAXONOMIES[term.taxonomy])] += 1
        for refs in self.groups.values():
            refs.sort(key=lambda ref: not ref.is_original)
            if len({ref.language for ref in refs}) > 1:
                report.term_groups[TAXONOMIES[refs[0].taxonomy]] += 1

    def for_item(self, item, language=""):
        """The item's terms; of two terms with one slug (WPML 4.8 and later allow that in
        different languages) the one in the item's language."""
        refs = []
        for taxonomy, slug, name in item.terms:
            if taxonomy not in TAXONOMIES:
                continue
            found = self.by_slug.get((taxonomy, slug))
            if found:
                refs.append(next((ref for ref in found if ref.language == language), found[0]))
            else:  # named by the item but not declared in the channel
                refs.append(TermRef(taxonomy, slug, name, wp_slug=slug))
        return refs

    def group_of(self, ref):
        return self.groups.get(ref.key) or [ref]

    def origin(self, ref):
        """What the group's topics record as their ``origin``: the same in every language
        (wagtail-localize keeps it synchronised), named after the original term."""
        original = self.group_of(ref)[0]
        return f"wordpress:{original.taxonomy}:{original.term_id or original.slug}"


def base_slug(slug, wp_language):
    """A translated term's slug without the language suffix WPML before 4.8 added."""
    match = _LANGUAGE_SUFFIX.search(slug)
    if match and wp_language and match.group(1) == wp_language.lower():
        return slug[: match.start()]
    return slug
