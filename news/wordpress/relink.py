"""Links in bodies: to Wagtail pages and documents where the old site's address names an
imported item or file, as they were otherwise.

A link to a page imported later in the run is kept as its old address first; once every
group is written, ``relink_pending`` rewrites those pages' links and brings their
translation group in wagtail-localize up to date.
"""

import re
from html import escape, unescape

from django.db import transaction

from . import localize

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
    groups in wagtail-localize (each group in a transaction; a failure is reported)."""
    groups = {importer.plan.group_of(wp_id) for wp_id in importer.pending}
    for key in sorted(groups | importer.deferred_links):
        members = importer.plan.ordered(key)
        pages = [(member, importer._existing(member.item.wp_id)) for member in members]
        if any(page is None for _member, page in pages):
            continue  # the group failed: reported already
        try:
            with transaction.atomic():
                for member, page in pages:
                    if member.item.wp_id in importer.pending:
                        _relink_page(page, importer)
                if key in importer.deferred_links:
                    source = pages[0][1]
                    targets = [(page, bool(member.duplicate_of)) for member, page in pages[1:]]
                    localize.link_group(source, targets, importer.options.user)
        except Exception as error:  # noqa: BLE001 - reported per group, the import goes on
            importer.report.failures.append((f"{key} (links)", f"{type(error).__name__}: {error}"))


def _relink_page(page, importer):
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
    for revision in {page.latest_revision, page.live_revision} - {None}:
        revision.content = page.serializable_data()
        revision.save(update_fields=["content"])
