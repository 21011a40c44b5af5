"""Links in bodies: to Wagtail pages and documents where the old site's address names an
imported item or file, as they were otherwise.

A link to a page imported later in the run is kept as its old address first; once every
group is written, ``relink_pending`` rewrites those pages' links and brings their
translation group in wagtail-localize up to date.
"""

import re
from html import escape, unescape

from django.db import transaction
from wagtail.models import Page, Revision

from news.translation.relations import load_relations

from . import localize

BATCH = 100  # groups whose pages are read together

_HREF = re.compile(r'<a href="([^"]*)">')


def attributes(importer, href, context):
    """The attributes of an ``<a>`` in stored rich text, or None to drop the link."""
    href = (href or "").strip()
    if not href or href.lower().startswith(("javascript:", "data:")):
        return None
    index = importer.link_index
    target = index.resolve(href)
    if target.kind == "external":
        return f'href="{escape(href)}"'
    absolute = escape(index.absolute(href))
    if target.kind == "item":
        if target.wp_id in importer.plan.members:
            page_id = importer.pages.get(target.wp_id)
            if page_id and (target.wp_id in importer.done or target.wp_id not in importer.buffer):
                return f'linktype="page" id="{page_id}"'
            if context is not None:
                context.has_pending_links = True
            return f'href="{absolute}"'
        attachment = importer.plan.media_index.by_id.get(target.wp_id)
        if attachment is not None:
            return _file(importer, attachment.file, absolute)
    if target.kind == "file":
        return _file(importer, target.file, absolute)
    importer.report.unresolved_links[href] += 1
    return f'href="{absolute}"'


def _file(importer, file, absolute):
    document = importer.media.document(file)
    if document is not None:
        return f'linktype="document" id="{document.pk}"'
    image = importer.media.image(file)
    if image is not None:
        return f'href="{escape(image.file.url)}"'
    return f'href="{absolute}"'


def rewrite(raw_html, importer):
    """Old addresses of imported pages in stored rich text as page links."""

    def replace(match):
        href = unescape(match.group(1))
        target = importer.link_index.resolve(href)
        page_id = importer.pages.get(target.wp_id) if target.kind == "item" else None
        return f'<a linktype="page" id="{page_id}">' if page_id else match.group(0)

    return _HREF.sub(replace, raw_html)


def relink_pending(importer):
    """Rewrite the links of pages that named pages written after them, then link their
    groups in wagtail-localize. A batch of groups is read at once (the pages with their
    child relations) and committed at once, each group in a savepoint of its own: a
    failing group is rolled back alone and reported."""
    groups = {importer.plan.group_of(wp_id) for wp_id in importer.pending}
    groups = sorted(groups | importer.deferred_links)
    for start in range(0, len(groups), BATCH):
        batch = groups[start : start + BATCH]
        with transaction.atomic():
            pages = _read_pages(importer, [m for k in batch for m in importer.plan.ordered(k)])
            for key in batch:
                _relink_group(importer, key, pages)


def _read_pages(importer, members):
    """``{wp id: specific page}`` of the members' pages, their child relations in memory."""
    wp_ids = {
        importer.pages[m.item.wp_id]: m.item.wp_id
        for m in members
        if m.item.wp_id in importer.pages
    }
    pages = list(Page.objects.filter(pk__in=list(wp_ids)).specific())
    for model in {type(page) for page in pages}:
        load_relations([page for page in pages if type(page) is model])
    return {wp_ids[page.pk]: page for page in pages}


def _relink_group(importer, key, pages):
    members = importer.plan.ordered(key)
    if any(member.item.wp_id not in pages for member in members):
        return  # the group failed: reported already
    try:
        with transaction.atomic():
            for member in members:
                if member.item.wp_id in importer.pending:
                    _relink_page(pages[member.item.wp_id], importer)
            if key in importer.deferred_links:
                source, *targets = (pages[member.item.wp_id] for member in members)
                copies = [bool(member.duplicate_of) for member in members[1:]]
                localize.link_group(
                    source, list(zip(targets, copies, strict=True)), importer.options.user
                )
    except Exception as error:  # noqa: BLE001 - reported per group, the import goes on
        importer.report.failures.append((f"{key} (links)", f"{type(error).__name__}: {error}"))


def _relink_page(page, importer):
    """The page's new links, in the page and in its revisions (latest and live)."""
    data = page.body.raw_data
    changed = False
    for block in data:
        if block["type"] == "paragraph":
            new = rewrite(block["value"], importer)
            changed = changed or new != block["value"]
            block["value"] = new
    if not changed:
        return
    page.body = list(data)
    type(page).objects.filter(pk=page.pk).update(body=page.body)
    revisions = {page.latest_revision_id, page.live_revision_id} - {None}
    Revision.objects.filter(pk__in=revisions).update(content=page.serializable_data())
