"""The first pass over the export: what will be imported, in which language and group.

Nothing is written and no content is kept (``Item.light``): only what deciding, linking and
redirecting need. A file that cannot be read fails here, before anything is written.
"""

from dataclasses import dataclass, field

from django.conf import settings

from .links import LinkIndex
from .media import MediaIndex
from .terms import TermIndex

IMPORTED_STATUSES = {"publish", "private", "future", "draft", "pending"}
SKIPPED_TYPES = {
    "nav_menu_item": "menu items",
    "revision": "revisions",
    "customize_changeset": "customizer changes",
    "custom_css": "custom CSS",
    "oembed_cache": "embed caches",
    "wp_global_styles": "block theme styles",
    "wp_template": "block theme templates",
    "wp_template_part": "block theme templates",
    "wp_navigation": "menus",
    "wp_block": "reusable blocks",
    "user_request": "privacy requests",
}


@dataclass
class Member:
    item: object  # reader.Item, light
    language: str  # the site's content language
    group: str
    is_original: bool
    duplicate_of: int = 0


@dataclass
class Plan:
    link_index: LinkIndex
    media_index: MediaIndex = field(default_factory=MediaIndex)
    term_index: TermIndex = field(default_factory=TermIndex)
    members: dict = field(default_factory=dict)  # wp id -> Member
    groups: dict = field(default_factory=dict)  # group key -> [wp id], in file order
    languages: set = field(default_factory=set)
    count: int = 0  # items in the file

    def group_of(self, wp_id):
        return self.members[wp_id].group

    def ordered(self, key):
        """A group's members, its original first."""
        members = [self.members[wp_id] for wp_id in self.groups[key]]
        return sorted(members, key=lambda member: not member.is_original)


def build_plan(reader, translations, language_map, post_types, report, extra_urls=()):
    """Read the whole file once; returns the Plan (and fills the report's skips)."""
    link_index = None
    plan = None
    for item in reader.items():
        if plan is None:  # the channel has been read: its address and language
            link_index = LinkIndex(reader.channel.site_url, extra_urls)
            plan = Plan(link_index=link_index)
            if not language_map.default:
                language_map.default = (
                    language_map.resolve(reader.channel.language) or settings.LANGUAGE_CODE
                )
        plan.count += 1
        item.light()
        membership = translations.for_item(item)
        wp_language = membership.language if membership else ""
        language = language_map.resolve(wp_language)
        if item.comments:
            report.skip(0, "comments (not imported)", item.comments)
        if item.post_type == "attachment":
            plan.media_index.add(item, language)
            link_index.add_item(item, include_paths=False)
            continue
        reason = _skip_reason(item, post_types, language, wp_language)
        if reason:
            report.skip(item.wp_id, reason)
            continue
        link_index.add_item(item)
        group = membership.group if membership and membership.group else ""
        key = f"wpml:{group}" if group else f"item:{item.wp_id}"
        if key in plan.groups and any(
            plan.members[other].language == language for other in plan.groups[key]
        ):
            report.notes.append(
                f"Item {item.wp_id}: a second {language} item in WPML group {group}; "
                "imported on its own"
            )
            key = f"item:{item.wp_id}"
        plan.members[item.wp_id] = Member(
            item=item,
            language=language,
            group=key,
            is_original=not membership or membership.is_original,
            duplicate_of=membership.duplicate_of if membership else 0,
        )
        plan.groups.setdefault(key, []).append(item.wp_id)
        plan.languages.add(language)
    if plan is None:  # an export without items
        plan = Plan(link_index=LinkIndex(reader.channel.site_url, extra_urls))
    plan.term_index.collect(reader.terms, translations, language_map, report)
    _fix_originals(plan, language_map)
    return plan


def _skip_reason(item, post_types, language, wp_language):
    if item.post_type in SKIPPED_TYPES:
        return SKIPPED_TYPES[item.post_type]
    if item.post_type not in post_types:
        return f"post type {item.post_type!r} (not imported)"
    if item.status not in IMPORTED_STATUSES:
        return f"status {item.status!r} (trash and auto-drafts are not imported)"
    if language is None:
        return f"language {wp_language!r} (not a language of this site; see --language)"
    return ""


def _fix_originals(plan, language_map):
    """Exactly one original per group: WPML's, else the site's default language, else the
    first item of the group in the file."""
    for wp_ids in plan.groups.values():
        members = [plan.members[wp_id] for wp_id in wp_ids]
        originals = [member for member in members if member.is_original]
        if len(originals) == 1:
            continue
        preferred = (
            next((m for m in originals or members if m.language == language_map.default), None)
            or (originals or members)[0]
        )
        for member in members:
            member.is_original = member is preferred
