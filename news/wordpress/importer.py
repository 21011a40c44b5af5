"""The import: a first pass plans (``plan``), a second streams the items again and writes
each translation group, in one transaction, as soon as all its members have been read (and,
for pages, their parents are in place: a child listed before its parent waits for it).

Posts become ``news.ArticlePage`` in their language's news index, pages ``home.ContentPage``
under their parent or their language's home page. ``WordPressItem`` records what each item
became, so a second run updates instead of duplicating. ``dry_run`` runs everything in a
transaction that is rolled back (and copies no media file).
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from wagtail.models import Page

from home.models import ContentPage
from news.caching.purge import page_saves_batched
from news.caching.versions import bump_listing_version
from news.models import ArticlePage

from . import html, indexing, localize, pages, relink
from .bylines import apply_byline, ensure_authors
from .links import LinkIndex, uploaded_file
from .media import MediaLibrary
from .models import WordPressItem
from .plan import build_plan
from .reader import WXRReader
from .report import Report
from .sections import ensure_sections
from .topics import apply_terms, ensure_topics
from .wpml import LanguageMap, Translations

PAGE_MODELS = (ArticlePage, ContentPage)


@dataclass
class Options:
    wpml_translations: str = ""
    uploads: str = ""
    dry_run: bool = False
    languages: dict = field(default_factory=dict)  # WordPress code -> content language
    default_language: str = ""  # for items without WPML data
    post_types: tuple = ("post", "page")
    site_url: str = ""  # the old site's address, when the file's is not the public one
    language_urls: tuple = ()  # other addresses of the old site (a domain per language)
    user: object = None


class BodyContext:
    """What the body converter asks the importer: links, images, report notes."""

    def __init__(self, importer, wp_id, language):
        self.importer = importer
        self.wp_id = wp_id
        self.language = language
        self.notes = importer.report
        self.has_pending_links = False

    def link(self, href):
        return self.importer.link_attributes(href, self)

    def image(self, src, alt):
        file = uploaded_file(src)  # by its path: the uploads may be served from another host
        if not file:
            self.notes.missing_media[src] = "not an uploaded file"
            return None
        image = self.importer.media.image(file)
        if image is None:
            return None
        original = self.importer.media.index.original(file)
        return image, alt or self.importer.media.index.alt(original, self.language)

    def absolute_url(self, href):
        return self.importer.link_index.absolute(href)


class Importer:
    def __init__(self, path, options=None, progress=None):
        self.path = path
        self.options = options or Options()
        self.progress = progress
        self.report = Report(dry_run=self.options.dry_run)
        self.pages = {}  # wp id -> Wagtail page id, of this run and earlier ones
        self.buffer = {}  # wp id -> full item, read but not yet imported
        self.waiting = {}  # group key -> True: all members read, waiting for a parent
        self.pending = set()  # wp ids of pages whose links name a page imported after them
        self.users = {}
        self.done = set()  # wp ids whose group was written (or failed)
        self.deferred_links = set()  # groups to link in wagtail-localize after relinking
        self.written = set()  # Wagtail ids of the pages written in this run

    def run(self):
        content_languages = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
        reader = WXRReader(self.path)
        translations = Translations.from_csv(self.options.wpml_translations)
        language_map = LanguageMap(
            content_languages, self.options.languages, self.options.default_language
        )
        self.plan = build_plan(
            reader, translations, language_map, set(self.options.post_types), self.report,
            extra_urls=(self.options.site_url, *self.options.language_urls),
        )  # fmt: skip
        self.site = (self.options.site_url or reader.channel.site_url).rstrip("/")
        if self.options.site_url:
            self.plan.link_index.site_url = self.site
        self.link_index: LinkIndex = self.plan.link_index
        self.wp_authors = reader.authors
        with indexing.deferred(PAGE_MODELS), page_saves_batched():
            if self.options.dry_run:
                with transaction.atomic():
                    self._write(reader)
                    transaction.set_rollback(True)
            else:
                self._write(reader)
        if not self.options.dry_run:
            indexing.index_pages(PAGE_MODELS, self.written)
        return self.report

    def _write(self, reader):
        user = self.options.user
        with transaction.atomic():
            self.sections = ensure_sections(self.plan.languages, user)
            locales = {language: section.locale for language, section in self.sections.items()}
            self.topics = ensure_topics(self.plan, locales, self.report, user)
            self.authors = ensure_authors(
                self.site, self.plan, self.wp_authors, locales, self.report, user
            )
        self.media = MediaLibrary(
            self.site, self.plan.media_index, self.options.uploads, self.options.dry_run, user
        )
        self.pages = dict(
            WordPressItem.objects.filter(site=self.site, page__isnull=False).values_list(
                "wp_id", "page_id"
            )
        )
        for number, item in enumerate(reader.items(), start=1):
            if self.progress:
                self.progress(number, self.plan.count)
            member = self.plan.members.get(item.wp_id)
            if member is None:
                continue
            self.buffer[item.wp_id] = item
            key = member.group
            if all(wp_id in self.buffer for wp_id in self.plan.groups[key]):
                self.waiting[key] = True
                self._drain()
        self._drain()
        for key in list(self.waiting):  # parents never imported (or a loop): under home
            self.waiting.pop(key)
            self._import_group(key)
        relink.relink_pending(self)
        self.report.media_imported = len(self.media.imported)
        self.report.missing_media.update(self.media.missing)

    def _drain(self):
        progressed = True
        while progressed:
            progressed = False
            for key in list(self.waiting):
                if self._parents_ready(key):
                    self.waiting.pop(key)
                    self._import_group(key)
                    progressed = True

    def _parents_ready(self, key):
        for wp_id in self.plan.groups[key]:
            parent = self.buffer[wp_id].post_parent
            if parent and parent in self.plan.members and parent not in self.done:
                return False
        return True

    def _import_group(self, key):
        members = self.plan.ordered(key)
        items = [self.buffer.pop(member.item.wp_id) for member in members]
        try:
            with transaction.atomic():
                self._write_group(members, items)
        except Exception as error:  # noqa: BLE001 - reported per group, the import goes on
            self.report.failures.append((_describe(members), f"{type(error).__name__}: {error}"))
            for member in members:
                self.pages.pop(member.item.wp_id, None)
        else:
            bump_listing_version()  # the listings may show the group's pages
        finally:
            self.done.update(member.item.wp_id for member in members)

    def _write_group(self, members, items):
        source_page, targets, written = None, [], []
        for member, item in zip(members, items, strict=True):
            aligned = pages.block_layout(source_page) if source_page else ()
            key = source_page.translation_key if source_page else None
            page, created = self._write_item(member, item, aligned, key)
            written.append((member, page, created))
            if source_page is None:
                source_page = page
            else:
                targets.append((page, bool(member.duplicate_of)))
            if member.duplicate_of:
                self.report.duplicates.append((item.wp_id, member.language, member.duplicate_of))
        kind = _kind(members[0].item)
        if targets and any(member.item.wp_id in self.pending for member in members):
            # Its links name pages not written yet: linked once they are (relink), so that
            # wagtail-localize extracts the segments once, with the final links.
            self.deferred_links.add(members[0].group)
        elif targets:
            localize.link_group(source_page, targets, self.options.user)
        if targets:
            self.report.groups_linked[kind] += 1
        else:
            self.report.single_language[kind] += 1
        for member, page, created in written:
            self.report.imported[(member.language, kind, "created" if created else "updated")] += 1
            self.report.statuses[(kind, _status(member.item))] += 1
            self.report.redirects += pages.add_redirects(
                page, self.link_index.old_paths.get(member.item.wp_id, [])
            )

    def _write_item(self, member, item, aligned, translation_key):
        language = member.language
        section = self.sections[language]
        context = BodyContext(self, item.wp_id, language)
        blocks = html.convert(item.content, context)
        title = pages.clean_title(item.title)
        if not title:
            title = pages.made_up_title(item, language)
            self.report.made_up_titles.append((item.wp_id, title))
        existing = self._existing(item.wp_id)
        model = ArticlePage if item.post_type == "post" else ContentPage
        page = existing or model(locale=section.locale)
        if translation_key and existing is None:
            page.translation_key = translation_key
        page.title = title
        page.slug = pages.make_slug(item, title, language)
        page.body = pages.stream(blocks, f"{self.site}/{item.wp_id}", aligned)
        page.search_description = item.meta_value("_yoast_wpseo_metadesc")[:255]
        if model is ArticlePage:
            page.lead = pages.plain_lead(item.excerpt, blocks, title)
            page.publication_date = pages.publication_date(item)
            self._hero(page, item, language)
            terms = self.plan.term_index.for_item(item, language)
            self.report.topic_links += apply_terms(
                page, terms, language, self.plan.term_index, self.topics
            )
            self.report.bylines += apply_byline(page, item.creator, language, self.authors)
            parent = section.news_index
        else:
            page.intro = pages.clean_title_long(item.excerpt)
            parent = self._parent(item, section)
        owner = self._user(item.creator)
        pages.save_page(page, parent, item, owner)
        self.pages[item.wp_id] = page.pk
        self.written.add(page.pk)
        if context.has_pending_links:
            self.pending.add(item.wp_id)
        record = {
            "post_type": item.post_type,
            "language": language,
            "translation_group": member.group.removeprefix("wpml:")[:64]
            if member.group.startswith("wpml:")
            else "",
            "author_login": item.creator[:120],
            "page": page,
        }
        WordPressItem.objects.bulk_create(  # an upsert: one query, new or not
            [WordPressItem(site=self.site, wp_id=item.wp_id, **record)],
            update_conflicts=True,
            unique_fields=["site", "wp_id"],
            update_fields=[*record, "imported_at"],
        )
        return page, existing is None

    def _existing(self, wp_id):
        page_id = self.pages.get(wp_id)
        if page_id is None:
            return None
        page = Page.objects.filter(pk=page_id).first()
        return page.specific if page else None

    def _parent(self, item, section):
        parent_id = self.pages.get(item.post_parent) if item.post_parent else None
        if parent_id:
            parent = Page.objects.filter(pk=parent_id).first()
            if parent is not None and parent.locale_id == section.locale.pk:
                return parent.specific
        if item.post_parent:
            self.report.notes.append(
                f"Page {item.wp_id}: its parent {item.post_parent} was not imported in its "
                "language; placed under the home page"
            )
        return section.home

    def _hero(self, page, item, language):
        thumbnail = item.meta_value("_thumbnail_id")
        attachment = (
            self.plan.media_index.by_id.get(int(thumbnail)) if thumbnail.isdigit() else None
        )
        if attachment is None:
            if thumbnail:
                self.report.missing_media[f"attachment {thumbnail}"] = "not in the export"
            return
        image = self.media.image(attachment.file)
        if image is None:
            return
        page.hero_image = image
        page.hero_image_alt = (self.plan.media_index.alt(attachment.file, language) or image.title)[
            :250
        ]

    def _user(self, login):
        if login not in self.users:
            self.users[login] = (
                get_user_model().objects.filter(username=login).first() or self.options.user
            )
        return self.users[login]

    def link_attributes(self, href, context):
        """``<a>`` attributes of a link in a body (see ``relink.attributes``)."""
        return relink.attributes(self, href, context)


def _kind(item):
    return "article" if item.post_type == "post" else "page"


def _status(item):
    if item.password:
        return "password-protected"
    return {
        "publish": "published",
        "private": "private",
        "future": "scheduled",
        "pending": "drafts",
        "draft": "drafts",
    }.get(item.status, item.status)


def _describe(members):
    group = members[0].group
    ids = ", ".join(str(member.item.wp_id) for member in members)
    return f"{group} (items {ids})"
