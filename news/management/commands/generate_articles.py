"""``manage.py generate_articles --count N``: N articles per language, built in bulk for
benchmarks (news.demo.bulk says what is built and what is not)."""

import random
import time
import uuid

from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from news.demo.bulk import text
from news.demo.bulk.rows import BulkRows
from news.demo.bulk.words import TOPICS
from news.demo.topics import ensure_topic
from news.models import ArticlePage, NewsIndexPage


class Command(BaseCommand):
    help = "Bulk-build N realistic articles per language (lt sources, en translations)."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, required=True, help="articles per language")
        parser.add_argument("--batch", type=int, default=2000)
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument(
            "--no-search-index", action="store_true", help="leave the search index alone"
        )
        parser.add_argument(
            "--source-only",
            action="store_true",
            help="Lithuanian articles only, not yet submitted for translation",
        )

    def handle(self, *args, count, batch, seed, no_search_index, source_only, **options):
        if count < 1:
            raise CommandError("--count must be at least 1")
        started = time.monotonic()
        rng = random.Random(seed)
        lt = Locale.objects.get(language_code="lt")
        en = Locale.objects.get(language_code="en")
        index_lt = NewsIndexPage.objects.filter(locale=lt).order_by("path").first()
        index_en = (
            NewsIndexPage.objects.filter(locale=en, translation_key=index_lt.translation_key)
            .order_by("path")
            .first()
            if index_lt
            else None
        )
        if index_lt is None or index_en is None:
            raise CommandError("No Lithuanian and English news index: run load_demo first.")
        rows = BulkRows(
            lt=lt,
            en=en,
            article_type=ContentType.objects.get_for_model(ArticlePage),
            page_type=ContentType.objects.get_for_model(Page),
            run=uuid.uuid4().hex[:6],
        )
        images = list(get_image_model().objects.values_list("pk", flat=True)[:30])
        # Each topic in both languages: {"lt": id, "en": id}, the demo's own when present.
        topics = []
        for lt_name, en_name in TOPICS:
            source, _created = ensure_topic(lt_name, lt)
            english, _created = ensure_topic(en_name, en, source)
            topics.append({"lt": source.pk, "en": english.pk})
        index_search = not no_search_index

        done = 0
        with transaction.atomic():
            # Lock both indexes: their numchild and last child path are read then written.
            indexes = {
                page.pk: page
                for page in Page.objects.select_for_update().filter(
                    pk__in=[index_lt.pk, index_en.pk]
                )
            }
            index_lt, index_en = indexes[index_lt.pk], indexes[index_en.pk]
            next_step = {index.pk: rows.next_step(index) for index in (index_lt, index_en)}
            today = timezone.localdate()
            while done < count:
                size = min(batch, count - done)
                specs = [text.spec(rng, done + n, today, images, topics) for n in range(size)]
                lt_pages = rows.insert_pages(index_lt, next_step, specs, "lt")
                if index_search:
                    rows.index(lt_pages, specs, "lt")
                if not source_only:
                    en_pages = rows.insert_pages(index_en, next_step, specs, "en")
                    rows.insert_translation_rows(specs, lt_pages)
                    if index_search:
                        rows.index(en_pages, specs, "en")
                done += size
                if options["verbosity"] > 1:
                    self.stdout.write(f"{done}/{count} ({time.monotonic() - started:.0f}s)")
            for index in (index_lt, index_en):
                children = Page.objects.filter(path__startswith=index.path, depth=index.depth + 1)
                Page.objects.filter(pk=index.pk).update(numchild=children.count())
        if index_search and connection.vendor == "postgresql":
            get_search_backend().get_index_for_model(ArticlePage)._refresh_title_norms(full=True)
        if options["verbosity"]:
            languages = 1 if source_only else 2
            self.stdout.write(
                f"Built {count} articles per language ({languages * count} pages) "
                f"in {time.monotonic() - started:.1f}s."
            )
