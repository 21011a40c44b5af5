"""What an import did, as the command prints it at the end (the same in a dry run)."""

from collections import Counter
from dataclasses import dataclass, field


@dataclass
class Report:
    dry_run: bool = False
    imported: Counter = field(default_factory=Counter)  # (language, kind, created|updated)
    statuses: Counter = field(default_factory=Counter)  # (kind, status)
    groups_linked: Counter = field(default_factory=Counter)  # kind -> groups
    single_language: Counter = field(default_factory=Counter)  # kind -> items alone
    duplicates: list = field(default_factory=list)  # (wp id, language, original wp id)
    skipped: Counter = field(default_factory=Counter)  # reason -> count
    skipped_items: list = field(default_factory=list)  # (wp id, reason)
    made_up_titles: list = field(default_factory=list)  # (wp id, title)
    fallbacks: Counter = field(default_factory=Counter)  # what -> count (kept as rich text)
    shortcodes: Counter = field(default_factory=Counter)  # name -> removed count
    videos: int = 0  # YouTube and Vimeo embeds: video blocks
    embeds: int = 0  # other providers' embeds: links
    removed_iframes: int = 0
    unresolved_links: Counter = field(default_factory=Counter)  # href -> count
    media_imported: int = 0
    missing_media: dict = field(default_factory=dict)  # file -> reason
    redirects: int = 0
    failures: list = field(default_factory=list)  # (group, error)
    terms: Counter = field(default_factory=Counter)  # (language, taxonomy) -> count
    term_groups: Counter = field(default_factory=Counter)  # taxonomy -> groups across languages
    topics: Counter = field(default_factory=Counter)  # (language, created|updated)
    topic_links: int = 0  # articles' links to their topics
    authors: Counter = field(default_factory=Counter)  # (language, created|updated)
    bylines: int = 0
    notes: list = field(default_factory=list)

    def skip(self, wp_id, reason, count=1):
        self.skipped[reason] += count
        if wp_id:
            self.skipped_items.append((wp_id, reason))

    def lines(self):
        heading = (
            "WordPress import (dry run: nothing was written)"
            if self.dry_run
            else ("WordPress import")
        )
        yield heading
        yield "Imported:"
        for (language, kind, action), count in sorted(self.imported.items()):
            yield f"  {language} {kind}: {count} {action}"
        if not self.imported:
            yield "  nothing"
        for (kind, status), count in sorted(self.statuses.items()):
            yield f"  {kind}s {status}: {count}"
        yield "Translation groups linked: " + (
            ", ".join(f"{count} {kind}" for kind, count in sorted(self.groups_linked.items()))
            or "none"
        )
        if self.single_language:
            yield "Single-language items: " + ", ".join(
                f"{count} {kind}" for kind, count in sorted(self.single_language.items())
            )
        for wp_id, language, original in self.duplicates:
            yield (
                f"Duplicate: item {wp_id} ({language}) is WPML's untranslated copy of "
                f"{original}, linked as its translation, still to translate"
            )
        for wp_id, title in self.made_up_titles:
            yield f"No title: item {wp_id} imported as {title!r}"
        if self.skipped:
            yield "Skipped:"
            for reason, count in sorted(self.skipped.items()):
                yield f"  {reason}: {count}"
        if self.fallbacks:
            yield "Kept as rich text: " + _counts(self.fallbacks)
        if self.shortcodes:
            yield "Shortcodes removed: " + _counts(self.shortcodes)
        if self.videos:
            yield f"Videos embedded: {self.videos}"
        if self.embeds:
            yield f"Embeds kept as links: {self.embeds}"
        if self.removed_iframes:
            yield f"Frames from unknown hosts removed: {self.removed_iframes}"
        if self.unresolved_links:
            count = len(self.unresolved_links)
            yield f"Internal links to nothing imported (kept as they were): {count}"
            for href, count in self.unresolved_links.most_common(20):
                yield f"  {href} ({count})"
        yield f"Media files imported: {self.media_imported}"
        if self.missing_media:
            yield f"Missing media: {len(self.missing_media)}"
            for file, reason in sorted(self.missing_media.items())[:50]:
                yield f"  {file}: {reason}"
        yield f"Redirects from old addresses: {self.redirects}"
        if self.terms:
            yield "Categories and tags: " + ", ".join(
                f"{language} {taxonomy} {count}"
                for (language, taxonomy), count in sorted(self.terms.items())
            )
            if self.term_groups:
                yield "  linked across languages: " + _counts(self.term_groups)
        if self.topics:
            yield f"Topics: {_actions(self.topics)}; articles' topic links: {self.topic_links}"
        if self.authors:
            yield f"Authors: {_actions(self.authors)}; bylines: {self.bylines}"
        yield from self.notes
        if self.failures:
            yield f"Failed groups (nothing of them was written): {len(self.failures)}"
            for group, error in self.failures:
                yield f"  {group}: {error}"

    def __str__(self):
        return "\n".join(self.lines())


def _actions(counter):
    return ", ".join(
        f"{language} {count} {action}" for (language, action), count in sorted(counter.items())
    )


def _counts(counter):
    return ", ".join(f"{name} {count}" for name, count in sorted(counter.items()))
