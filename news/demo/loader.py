"""Load the demo content, idempotently.

Everything is found again by a stable key before it is created: images by title, Lithuanian
pages by slug under their parent, English editions as the wagtail-localize translation of
their Lithuanian page, the admin account by username. What exists is left as it is, so a
second run changes nothing.
"""

import io
from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from home.models import HomePage
from news.models import ArticleAuthor, ArticlePageTopic, Author, NewsIndexPage

from . import build, translation
from .content import ARTICLES, HOME, NEWS_INDEX
from .content.authors import AUTHORS
from .illustrations import ILLUSTRATIONS, render
from .topics import ensure_topic

SOURCE_LANGUAGE, TARGET_LANGUAGE = "lt", "en"
WELCOME_PAGE_TITLE = "Welcome to your new Wagtail site!"

CREATED, UPDATED, REMOVED, PRESENT = "created", "updated", "removed", "present"
STATUS_LABELS = {
    CREATED: "created",
    UPDATED: "updated",
    REMOVED: "removed",
    PRESENT: "already present",
}

DEV_ADMIN_USERNAME = "admin"
DEV_ADMIN_EMAIL = "admin@example.com"
DEV_ADMIN_PASSWORD = "kaunas-demo"  # noqa: S105 - a development account, created only under DEBUG


@dataclass
class Report:
    """What a run did to each thing it looked after: created, updated, removed or present."""

    items: list[tuple[str, str, str]] = field(default_factory=list)  # (kind, name, status)
    admin_created: bool | None = None  # None: no admin account was asked for

    def add(self, kind, name, status):
        self.items.append((kind, name, status))

    def summary(self, verbose=False):
        """One line per kind of thing (``Images: 8 created``), each item too if verbose."""
        for kind in dict.fromkeys(kind for kind, _name, _status in self.items):
            items = [(name, status) for item_kind, name, status in self.items if item_kind == kind]
            counts = Counter(status for _name, status in items)
            yield f"{kind}: " + ", ".join(
                f"{counts[status]} {STATUS_LABELS[status]}"
                for status in STATUS_LABELS
                if counts[status]
            )
            if verbose:
                yield from (f"    {STATUS_LABELS[status]}: {name}" for name, status in items)


def site_address(address=None):
    """``(hostname, port)`` of the demo Site, from ``host[:port]`` (settings.DEMO_SITE_ADDRESS).

    The port defaults to 80; 443 makes Wagtail's URLs https.
    """
    address = (address or settings.DEMO_SITE_ADDRESS).strip()
    hostname, _sep, port = address.rpartition(":") if ":" in address else (address, "", "80")
    if not hostname or not port.isdigit():
        raise ValueError(f"Not a host[:port] address: {address!r}")
    return hostname.strip("[]"), int(port)


def load_demo(create_admin=False, today=None):
    """Create whatever is missing of the demo content; returns a Report."""
    report = Report()
    with transaction.atomic():
        user = _ensure_admin(report) if create_admin else None
        DemoLoader(report, user, today or timezone.localdate()).run()
    return report


def _ensure_admin(report):
    user_model = get_user_model()
    user = user_model.objects.filter(username=DEV_ADMIN_USERNAME).first()
    report.admin_created = user is None
    if user is None:
        user = user_model.objects.create_superuser(
            DEV_ADMIN_USERNAME, DEV_ADMIN_EMAIL, DEV_ADMIN_PASSWORD
        )
    report.add("Admin account", DEV_ADMIN_USERNAME, CREATED if report.admin_created else PRESENT)
    return user


class DemoLoader:
    """Ensures each piece of the demo in turn, recording what it did in the report."""

    def __init__(self, report, user, today):
        self.report = report
        self.user = user
        self.today = today
        self.source_locale, _ = Locale.objects.get_or_create(language_code=SOURCE_LANGUAGE)
        self.target_locale, _ = Locale.objects.get_or_create(language_code=TARGET_LANGUAGE)
        self.images = {}
        self.authors = []

    def run(self):
        self.ensure_images()
        root = Page.get_first_root_node()
        home = self.ensure_source_page(root, build.section_page(HomePage, HOME, *self.lt))
        self.ensure_default_site(home)
        self.remove_welcome_page(root)
        self.ensure_translation(home, build.section_page(HomePage, HOME, *self.en))

        index = self.ensure_source_page(
            home, build.section_page(NewsIndexPage, NEWS_INDEX, *self.lt)
        )
        self.ensure_translation(index, build.section_page(NewsIndexPage, NEWS_INDEX, *self.en))

        self.ensure_authors()
        for number, spec in enumerate(ARTICLES):
            self.ensure_article(index, spec, self.authors[number % len(self.authors)])

    @property
    def lt(self):
        return SOURCE_LANGUAGE, self.source_locale

    @property
    def en(self):
        return TARGET_LANGUAGE, self.target_locale

    def ensure_images(self):
        image_model = get_image_model()
        for key, illustration in ILLUSTRATIONS.items():
            image = image_model.objects.filter(title=illustration.title).first()
            if image is None:
                image = image_model(title=illustration.title, uploaded_by_user=self.user)
                image.file = ImageFile(io.BytesIO(render(illustration)), name=f"demo-{key}.jpg")
                image._set_image_file_metadata()  # size and hash, as Wagtail's upload form does
                image.save()
                self.report.add("Images", illustration.title, CREATED)
            else:
                self.report.add("Images", illustration.title, PRESENT)
            self.images[key] = image

    def ensure_authors(self):
        """Each demo author in Lithuanian and, as its translation, in English."""
        for spec in AUTHORS:
            author = Author.objects.filter(slug=spec["slug"], locale=self.source_locale).first()
            self.report.add("Authors", spec["name"], PRESENT if author else CREATED)
            if author is None:
                author = Author.objects.create(
                    name=spec["name"],
                    slug=spec["slug"],
                    role=spec["role"].lt,
                    bio=spec["bio"].lt,
                    locale=self.source_locale,
                )
            if not Author.objects.filter(
                translation_key=author.translation_key, locale=self.target_locale
            ).exists():
                english = author.copy_for_translation(self.target_locale)
                english.role, english.bio = spec["role"].en, spec["bio"].en
                english.save()
            self.authors.append(author)

    def ensure_topics(self, spec):
        """The article's Lithuanian topics, each with its English translation."""
        topics = []
        for name in spec.topics:
            topic, created = ensure_topic(name.lt, self.source_locale)
            self.report.add("Topics", name.lt, CREATED if created else PRESENT)
            english, created = ensure_topic(
                build.text(name, TARGET_LANGUAGE), self.target_locale, topic, user=self.user
            )
            self.report.add("Topic translations", english.name, CREATED if created else PRESENT)
            topics.append(topic)
        return topics

    def ensure_article(self, index, spec, author=None):
        source = build.article_page(spec, *self.lt, self.images, self.today)
        if author is not None:
            source.bylines = [ArticleAuthor(author=author)]
        # The English edition links to the English topics: wagtail-localize maps each link
        # to the topic's translation (ArticlePageTopic, a related object segment).
        source.topic_links = [
            ArticlePageTopic(topic=topic, sort_order=position)
            for position, topic in enumerate(self.ensure_topics(spec))
        ]
        page = self.ensure_source_page(index, source)
        if spec.english:
            english = build.article_page(spec, *self.en, self.images, self.today)
            self.ensure_translation(page, english)

    def ensure_source_page(self, parent, page):
        """The Lithuanian page with this slug under parent, created and published if missing."""
        existing = type(page).objects.child_of(parent).filter(slug=page.slug).first()
        name = f"{parent.url_path}{page.slug}/"
        self.report.add("Lithuanian pages", name, PRESENT if existing else CREATED)
        if existing is not None:
            return existing
        page.live = False
        page.owner = self.user
        parent.add_child(instance=page)
        page.save_revision(user=self.user, log_action="wagtail.create").publish(user=self.user)
        return page

    def ensure_translation(self, source_page, english):
        """The English edition of a Lithuanian page, made and published through wagtail-localize."""
        done = translation.is_translated(source_page, self.target_locale)
        name = f"{english.slug} ({source_page.slug})"
        self.report.add("English translations", name, PRESENT if done else CREATED)
        if not done:
            page = translation.translate(source_page, english, user=self.user)
            page.get_latest_revision().publish(user=self.user)

    def ensure_default_site(self, home):
        site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
        hostname, port = site_address()
        wanted = {
            "hostname": hostname,
            "port": port,
            "root_page_id": home.pk,
            "site_name": settings.WAGTAIL_SITE_NAME,
        }
        changed = {name: value for name, value in wanted.items() if getattr(site, name) != value}
        for name, value in changed.items():
            setattr(site, name, value)
        if changed:
            site.save()
        name = f"{hostname}:{port} -> {home.title}"
        self.report.add("Default site", name, UPDATED if changed else PRESENT)

    def remove_welcome_page(self, root):
        """Wagtail's placeholder home page, once no site points at it any more."""
        welcome_pages = (
            root.get_children()
            .exact_type(Page)
            .filter(title=WELCOME_PAGE_TITLE, numchild=0)
            .exclude(sites_rooted_here__isnull=False)
        )
        for page in welcome_pages:
            page.delete()
            self.report.add("Wagtail's welcome page", page.url_path, REMOVED)
