"""One WordPress post or page as a Wagtail page: its fields, its status, its old addresses.

* Status: ``publish`` and ``private`` are published (``private`` behind a login
  restriction, so anonymous readers never see it: not in listings, the API, the sitemap,
  search or feeds); ``future`` is scheduled (``go_live_at``); ``draft`` and ``pending`` stay
  drafts. A post password becomes a password restriction.
* Dates: first published and last published from the GMT fields.
* Every old address of a live page becomes a permanent redirect to it; none for drafts.
"""

import html
import re
import unicodedata
import uuid

from django.utils import timezone
from django.utils.text import slugify
from modelcluster.models import get_all_child_relations
from wagtail.contrib.redirects.models import Redirect
from wagtail.coreutils import find_available_slug
from wagtail.models import Page, PageViewRestriction

BLOCK_NAMESPACE = uuid.UUID("0b7f3f4e-7a44-4d5b-9c63-1f6ad0f2c9a1")
LIVE_STATUSES = {"publish", "private"}
UNTITLED = {"lt": "Be pavadinimo", "en": "Untitled"}
ASCII_SLUG_LANGUAGES = {"lt"}
LEAD_MAX = 500
_PUBLISH_FIELDS = [
    "live",
    "has_unpublished_changes",
    "live_revision",
    "latest_revision",
    "first_published_at",
    "last_published_at",
    "url_path",
]
_TAGS = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


def clean_title(raw):
    """A title without markup or entities."""
    text = html.unescape(_TAGS.sub("", raw or ""))
    return _SPACE.sub(" ", text).strip()[:255]


def made_up_title(item, language):
    return f"{UNTITLED.get(language, 'Untitled')} ({item.post_type} {item.wp_id})"


def make_slug(item, title, language):
    raw = item.slug or title
    if language in ASCII_SLUG_LANGUAGES:
        raw = unicodedata.normalize("NFKD", raw).encode("ascii", "ignore").decode()
        slug = slugify(raw)
    else:
        slug = slugify(raw, allow_unicode=True)
    return (slug or f"{item.post_type}-{item.wp_id}")[:200]


def free_slug(queryset, choices, max_length):
    """The first of ``choices`` (slugs, best first) no row of ``queryset`` has, else the
    first with a number: ``unesco-2``."""
    base = choices[0][: max_length - 4]
    taken = set(queryset.filter(slug__startswith=base).values_list("slug", flat=True))
    numbered = (f"{base}-{number}" for number in range(2, len(taken) + 3))
    return next(slug for slug in (*choices, *numbered) if slug and slug not in taken)


def plain_lead(excerpt, blocks, title):
    """The excerpt as plain text, else the start of the first paragraph, else the title."""
    text = clean_title_long(excerpt)
    if not text:
        first = next((value for kind, value in blocks if kind == "paragraph"), "")
        text = clean_title_long(first)
    text = text or title
    if len(text) > LEAD_MAX:
        text = text[: LEAD_MAX - 1].rsplit(" ", 1)[0] + "…"
    return text


def clean_title_long(raw):
    return _SPACE.sub(" ", html.unescape(_TAGS.sub(" ", raw or ""))).strip()


def block_id(*parts):
    return str(uuid.uuid5(BLOCK_NAMESPACE, "/".join(str(part) for part in parts)))


def stream(blocks, key, aligned=()):
    """Raw StreamField data with stable ids; a block of the same type at the same position as
    in ``aligned`` (the source edition's ``[(type, id)]``) reuses that block's id."""
    data = []
    for position, (block_type, value) in enumerate(blocks):
        if position < len(aligned) and aligned[position][0] == block_type:
            identifier = aligned[position][1]
        else:
            identifier = block_id(key, position)
        data.append({"type": block_type, "value": _items(value, identifier), "id": identifier})
    return data


def _items(value, identifier):
    """ListBlock children in their block form (wagtail-localize only extracts those)."""
    if not isinstance(value, dict):
        return value
    result = dict(value)
    for name in ("rows", "items"):
        if isinstance(result.get(name), list):
            result[name] = [
                {"type": "item", "value": child, "id": block_id(identifier, name, index)}
                for index, child in enumerate(result[name])
            ]
    return result


def block_layout(page):
    """``[(type, id)]`` of a page's body."""
    return [(block.block_type, block.id) for block in page.body]


def publication_date(item):
    moment = item.post_date or item.post_date_gmt
    return moment.date() if moment else timezone.localdate()


def save_page(page, parent, item, user=None):
    """Create or update ``page`` under ``parent`` and give it the item's status."""
    live = item.status in LIVE_STATUSES
    future = item.status == "future" and item.post_date_gmt and item.post_date_gmt > timezone.now()
    page.go_live_at = item.post_date_gmt if future else None
    first = item.post_date_gmt or item.post_modified_gmt
    dates = {}
    if live and first:
        last = item.post_modified_gmt or first
        dates = {"first_published_at": first, "last_published_at": max(first, last)}
    created = page.pk is None
    if created:
        _create(page, parent, live, dates, user)
    else:
        _update(page, live, user)
        if dates:
            Page.objects.filter(pk=page.pk).update(**dates)
            for name, value in dates.items():
                setattr(page, name, value)
    _restrict(page, item, created)
    return page


def _create(page, parent, live, dates, user):
    """A new page, written once and given its first revision: published (live, with that
    revision as its live one), scheduled (an approved go-live date) or a draft. Wagtail's
    publish action would save the page twice more and send signals a new page needs not."""
    page.slug = find_available_slug(parent, page.slug)
    page.live = live
    page.has_unpublished_changes = not live
    page.owner = user
    for name, value in dates.items():
        setattr(page, name, value)
    relations = {name: list(getattr(page, name).all()) for name in _child_relations(page)}
    parent.add_child(instance=page)
    # Saving wrote the child relations and dropped them from memory; they are all the new
    # page has, so kept there: the revision and wagtail-localize read them without queries.
    for name, objects in relations.items():
        setattr(page, name, objects)
    # add_child validated a live page in full (a draft only its title and slug): validated
    # once, not again.
    revision = page.save_revision(
        user=user,
        log_action="wagtail.create",
        approved_go_live_at=page.go_live_at,
        clean=not live,
    )
    if live:
        page.live_revision = revision
        page.has_unpublished_changes = False
        Page.objects.filter(pk=page.pk).update(
            live_revision=revision, has_unpublished_changes=False
        )


def _child_relations(page):
    return [relation.get_accessor_name() for relation in get_all_child_relations(page)]


def _update(page, live, user):
    """A page imported before: a new revision, published as Wagtail does (or unpublished)."""
    page.slug = find_available_slug(page.get_parent(), page.slug, ignore_page_id=page.pk)
    revision = page.save_revision(user=user, log_action=True)
    if live or page.go_live_at:
        revision.publish(user=user, skip_permission_checks=True)
        page.refresh_from_db(fields=_PUBLISH_FIELDS)  # publishing saved another instance
    elif page.live:
        page.unpublish(user=user, log_action=True)


def _restrict(page, item, created):
    wanted = None
    if item.password:
        wanted = (PageViewRestriction.PASSWORD, item.password)
    elif item.status == "private":
        wanted = (PageViewRestriction.LOGIN, "")
    restrictions = PageViewRestriction.objects.filter(page=page)
    if wanted is None:
        if not created:
            restrictions.delete()
        return
    kind, password = wanted
    if created or not restrictions.filter(restriction_type=kind, password=password).exists():
        restrictions.delete()
        PageViewRestriction.objects.create(page=page, restriction_type=kind, password=password)


def add_redirects(page, old_paths):
    """A permanent redirect from each old address of a live page; returns how many."""
    if not page.live:
        return 0
    new_path = Redirect.normalise_path(page.get_url() or "")
    paths = [Redirect.normalise_path(old_path) for old_path in old_paths]
    paths = [path for path in paths if path and path != "/" and path != new_path]
    wanted = {"redirect_page": page, "redirect_link": "", "is_permanent": True}
    stored = {
        redirect.old_path: redirect
        for redirect in Redirect.objects.filter(old_path__in=paths, site=None)
    }
    for redirect in stored.values():
        for name, value in wanted.items():
            setattr(redirect, name, value)
        redirect.save()
    new = dict.fromkeys(path for path in paths if path not in stored)
    Redirect.objects.bulk_create(Redirect(old_path=path, site=None, **wanted) for path in new)
    return len(paths)
