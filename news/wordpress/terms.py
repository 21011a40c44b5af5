"""Categories and tags, per language, with their WPML translation groups.

Topics become a translatable snippet in another issue; until then the importer collects the
terms and reports them, and ``apply_terms`` is the one place to complete: give it the page
and its terms (``TermRef``s with language and group) and attach the matching topics.
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


@dataclass
class TermIndex:
    by_slug: dict = field(default_factory=dict)  # (taxonomy, slug) -> TermRef

    def collect(self, terms, translations, language_map, report):
        groups = {}
        for term in terms:
            if term.taxonomy not in TAXONOMIES:
                continue
            membership = translations.for_term(term)
            language = language_map.resolve(membership.language if membership else "") or ""
            ref = TermRef(
                taxonomy=term.taxonomy,
                slug=base_slug(term.slug, membership.language if membership else ""),
                name=term.name,
                language=language,
                group=membership.group if membership else "",
            )
            self.by_slug[(term.taxonomy, term.slug)] = ref
            report.terms[(language or "-", TAXONOMIES[term.taxonomy])] += 1
            if ref.group:
                groups.setdefault((term.taxonomy, ref.group), set()).add(language)
        for (taxonomy, _group), languages in groups.items():
            if len(languages) > 1:
                report.term_groups[TAXONOMIES[taxonomy]] += 1

    def for_item(self, item):
        refs = []
        for taxonomy, slug, name in item.terms:
            if taxonomy in TAXONOMIES:
                refs.append(self.by_slug.get((taxonomy, slug)) or TermRef(taxonomy, slug, name))
        return refs


def base_slug(slug, wp_language):
    """A translated term's slug without the language suffix WPML before 4.8 added."""
    match = _LANGUAGE_SUFFIX.search(slug)
    if match and wp_language and match.group(1) == wp_language.lower():
        return slug[: match.start()]
    return slug


def apply_terms(page, terms):
    """Attach the page's topics. Not yet: topics are not translatable in this version (the
    terms are reported); this is where the topics issue maps ``terms`` to its snippets."""
    return []
