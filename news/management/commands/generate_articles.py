"""Bulk-build realistic articles for benchmarks: ``manage.py generate_articles --count N``.

N Lithuanian articles under the Lithuanian news index and N English editions of them under
the English one (same ``translation_key``), with every body block kind, topics, hero and
body images, spread over the past years (``load_demo`` first: it makes the site tree).

Built in bulk, not through Wagtail's ``add_child``/revisions nor wagtail-localize's
translation workflow (100,000 of those would take hours):

- page tree rows (``wagtailcore_page``) with materialised paths computed after the index's
  last child, and the index's ``numchild`` raised: ``manage.py fixtree`` finds nothing;
- ``news_articlepage`` rows with a raw StreamField body, ``ArticlePageTag`` rows;
- wagtail-localize's ``TranslatableObject``, ``TranslationSource`` (lt) and ``Translation``
  (lt -> en) rows, so each English edition is a translation of its source in the admin;
  no segments are extracted (editing or syncing a source extracts them, as usual);
- search index rows (PostgreSQL: one ``INSERT`` per batch with ``to_tsvector`` in the
  language's configuration; other databases: Wagtail's indexer).

Not built: revisions (``live_revision`` stays empty; the first edit in the admin makes one)
and log entries. Articles are live and first published at their publication date.
"""

import datetime
import json
import random
import time
import uuid

from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.models import Locale, Page
from wagtail_localize.models import TranslatableObject, Translation, TranslationSource

from news.models import ArticlePage, ArticlePageTag, NewsIndexPage
from news.search_backend import config_for_language

LT_TOPICS = [
    "švietimas",
    "besimokantis miestas",
    "UNESCO",
    "bendruomenė",
    "kultūra",
    "transportas",
    "sveika gyvensena",
    "skaitmeniniai įgūdžiai",
    "darbo rinka",
    "universitetai",
    "aplinkosauga",
    "sportas",
]
WORDS = {
    "lt": {
        "subjects": [
            "Kauno mokyklos",
            "Miesto biblioteka",
            "Savivaldybė",
            "Universitetas",
            "Bendruomenės centras",
            "Jaunimo taryba",
            "Senjorų klubas",
            "Kultūros namai",
            "Švietimo centras",
            "Sporto mokykla",
        ],
        "verbs": [
            "kviečia į",
            "pristato",
            "atnaujina",
            "rengia",
            "pradeda",
            "plečia",
            "skelbia",
            "remia",
        ],
        "objects": [
            "vakarinius kursus",
            "skaitmeninių įgūdžių dirbtuves",
            "naują mokymosi erdvę",
            "savanorystės programą",
            "dviračių takų tinklą",
            "atvirų durų dieną",
            "tarptautinį projektą",
            "kalbų klubą",
        ],
        "places": ["Šančiuose", "Žaliakalnyje", "Senamiestyje", "Aleksote", "Dainavoje"],
        "sentence": (
            "{subject} {verb} {object} {place}: tai dalis Kauno, UNESCO besimokančio miesto, "
            "programos, kuria siekiama, kad mokytis galėtų kiekvienas gyventojas."
        ),
        "heading": "Ką verta žinoti",
        "quote": "Mokymasis nesibaigia baigus mokyklą.",
        "attribution": "Miesto meras",
        "callout": "Registracija baigiasi penktadienį.",
        "initiatives": "Iniciatyvos",
        "table": "Faktai ir skaičiai",
        "references": "Šaltiniai",
        "alt": "Kauno vaizdas",
        "caption": "Kaunas",
    },
    "en": {
        "subjects": [
            "Kaunas schools",
            "The city library",
            "The municipality",
            "The university",
            "The community centre",
            "The youth council",
            "The seniors' club",
            "The house of culture",
            "The education centre",
            "The sports school",
        ],
        "verbs": [
            "invite to",
            "present",
            "renew",
            "organise",
            "start",
            "expand",
            "announce",
            "support",
        ],
        "objects": [
            "evening classes",
            "digital skills workshops",
            "a new learning space",
            "a volunteering programme",
            "the cycle path network",
            "an open day",
            "an international project",
            "a language club",
        ],
        "places": ["in Šančiai", "in Žaliakalnis", "in the Old Town", "in Aleksotas", "in Dainava"],
        "sentence": (
            "{subject} {verb} {object} {place}: part of the programme of Kaunas, a UNESCO "
            "Learning City, to let every resident keep learning."
        ),
        "heading": "What to know",
        "quote": "Learning does not end when school does.",
        "attribution": "The mayor",
        "callout": "Registration closes on Friday.",
        "initiatives": "Initiatives",
        "table": "Facts and figures",
        "references": "Sources",
        "alt": "A view of Kaunas",
        "caption": "Kaunas",
    },
}
ARTICLES_PER_DAY = 12


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
        self.rng = random.Random(seed)
        self.lt = Locale.objects.get(language_code="lt")
        self.en = Locale.objects.get(language_code="en")
        index_lt = NewsIndexPage.objects.filter(locale=self.lt).order_by("path").first()
        index_en = (
            NewsIndexPage.objects.filter(locale=self.en, translation_key=index_lt.translation_key)
            .order_by("path")
            .first()
            if index_lt
            else None
        )
        if index_lt is None or index_en is None:
            raise CommandError("No Lithuanian and English news index: run load_demo first.")
        self.article_type = ContentType.objects.get_for_model(ArticlePage)
        self.page_type = ContentType.objects.get_for_model(Page)
        self.images = list(get_image_model().objects.values_list("pk", flat=True)[:30])
        self.topics = [
            Tag.objects.get_or_create(name=name, defaults={"slug": Tag().slugify(name)})[0].pk
            for name in LT_TOPICS
        ]
        self.run = uuid.uuid4().hex[:6]
        self.index_search = not no_search_index

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
            next_step = {index.pk: self.next_step(index) for index in (index_lt, index_en)}
            today = timezone.localdate()
            while done < count:
                size = min(batch, count - done)
                specs = [self.spec(done + n, today) for n in range(size)]
                lt_pages = self.insert_pages(index_lt, next_step, specs, "lt")
                if self.index_search:
                    self.index(lt_pages, specs, "lt")
                if not source_only:
                    en_pages = self.insert_pages(index_en, next_step, specs, "en")
                    self.insert_translation_rows(specs, lt_pages)
                    if self.index_search:
                        self.index(en_pages, specs, "en")
                done += size
                if options["verbosity"] > 1:
                    self.stdout.write(f"{done}/{count} ({time.monotonic() - started:.0f}s)")
            for index in (index_lt, index_en):
                children = Page.objects.filter(path__startswith=index.path, depth=index.depth + 1)
                Page.objects.filter(pk=index.pk).update(numchild=children.count())
        if self.index_search and connection.vendor == "postgresql":
            from wagtail.search.backends import get_search_backend

            get_search_backend().get_index_for_model(ArticlePage)._refresh_title_norms(full=True)
        if options["verbosity"]:
            languages = 1 if source_only else 2
            self.stdout.write(
                f"Built {count} articles per language ({languages * count} pages) "
                f"in {time.monotonic() - started:.1f}s."
            )

    # ----------------------------------------------------------------------------------

    def next_step(self, index):
        last = Page.objects.filter(path__startswith=index.path, depth=index.depth + 1)
        last = last.order_by("-path").values_list("path", flat=True).first()
        return (int(last[-Page.steplen :], 36) + 1) if last else 1

    def spec(self, number, today):
        """What both editions of one article share, and the random picks for its text."""
        rng = self.rng
        date = today - datetime.timedelta(days=number // ARTICLES_PER_DAY)
        published = timezone.make_aware(
            datetime.datetime.combine(date, datetime.time(8 + number % 10, number % 60))
        )
        return {
            "number": number,
            "key": uuid.uuid4(),
            "date": date,
            "published": published,
            "picks": [rng.randrange(1000) for _ in range(8)],
            "hero": rng.choice(self.images) if self.images else None,
            "body_image": rng.choice(self.images) if self.images else None,
            "topics": rng.sample(self.topics, 2),
            "ids": [str(uuid.uuid4()) for _ in range(20)],
        }

    def words(self, spec, language):
        words = WORDS[language]
        picks = spec["picks"]

        def pick(name, position):
            return words[name][picks[position] % len(words[name])]

        subject, verb = pick("subjects", 0), pick("verbs", 1)
        obj, place = pick("objects", 2), pick("places", 3)
        title = f"{subject} {verb} {obj} {place}"
        sentence = words["sentence"].format(subject=subject, verb=verb, object=obj, place=place)
        return words, title, sentence

    def body(self, spec, language):
        words, title, sentence = self.words(spec, language)
        ids = iter(spec["ids"])
        blocks = [
            {"type": "paragraph", "value": f"<p>{sentence}</p>", "id": next(ids)},
            {
                "type": "heading",
                "value": {"text": words["heading"], "level": "h2"},
                "id": next(ids),
            },
            {
                "type": "paragraph",
                "value": f"<p>{sentence} <b>{title}</b>.</p><ul><li>{sentence}</li></ul>",
                "id": next(ids),
            },
            {
                "type": "quote",
                "value": {
                    "text": words["quote"],
                    "attribution": words["attribution"],
                    "style": "quote",
                },
                "id": next(ids),
            },
            {
                "type": "quote",
                "value": {"text": words["callout"], "attribution": "", "style": "callout"},
                "id": next(ids),
            },
            {
                "type": "initiatives",
                "value": {
                    "heading": words["initiatives"],
                    "items": [
                        {
                            "type": "item",
                            "value": {"label": label, "text": sentence},
                            "id": next(ids),
                        }
                        for label in words["objects"][:3]
                    ],
                },
                "id": next(ids),
            },
            {
                "type": "indicator_table",
                "value": {
                    "caption": words["table"],
                    "rows": [
                        {
                            "type": "item",
                            "value": {"indicator": label, "value": str(100 + n * 7), "note": ""},
                            "id": next(ids),
                        }
                        for n, label in enumerate(words["places"][:3])
                    ],
                },
                "id": next(ids),
            },
            {
                "type": "references",
                "value": {
                    "heading": words["references"],
                    "items": [
                        {
                            "type": "item",
                            "value": {
                                "title": "UNESCO Global Network of Learning Cities",
                                "publisher": "UNESCO UIL",
                                "url": "https://www.uil.unesco.org/en/learning-cities",
                                "accessed": "2024-01-15",
                            },
                            "id": next(ids),
                        }
                    ],
                },
                "id": next(ids),
            },
        ]
        if spec["body_image"]:
            blocks.insert(
                2,
                {
                    "type": "image",
                    "value": {
                        "image": spec["body_image"],
                        "alt_text": words["alt"],
                        "caption": words["caption"],
                    },
                    "id": next(ids),
                },
            )
        return blocks, title, sentence

    def insert_pages(self, index, next_step, specs, language):
        locale = self.lt if language == "lt" else self.en
        pages, details = [], []
        step = next_step[index.pk]
        for offset, spec in enumerate(specs):
            body, title, sentence = self.body(spec, language)
            slug = f"{'straipsnis' if language == 'lt' else 'article'}-{self.run}-{spec['number']}"
            path = index.path + Page._int2str(step + offset).rjust(Page.steplen, "0")
            pages.append(
                Page(
                    title=title,
                    draft_title=title,
                    slug=slug,
                    content_type=self.article_type,
                    live=True,
                    has_unpublished_changes=False,
                    url_path=f"{index.url_path}{slug}/",
                    locale=locale,
                    translation_key=spec["key"],
                    path=path,
                    depth=index.depth + 1,
                    numchild=0,
                    first_published_at=spec["published"],
                    last_published_at=spec["published"],
                    latest_revision_created_at=spec["published"],
                )
            )
            details.append((spec, body, sentence))
        next_step[index.pk] = step + len(specs)
        Page.objects.bulk_create(pages)
        if pages[0].pk is None:  # a database that does not return ids from bulk inserts
            ids = dict(
                Page.objects.filter(path__in=[p.path for p in pages]).values_list("path", "pk")
            )
            for page in pages:
                page.pk = page.id = ids[page.path]
        articles = [
            ArticlePage(
                page_ptr_id=page.pk,
                lead=sentence,
                publication_date=spec["date"],
                hero_image_id=spec["hero"],
                hero_image_alt=WORDS[language]["alt"] if spec["hero"] else "",
                body=json.dumps(body),
            )
            for page, (spec, body, sentence) in zip(pages, details, strict=True)
        ]
        fields = [
            ArticlePage._meta.get_field(name)
            for name in (
                "page_ptr",
                "lead",
                "publication_date",
                "hero_image",
                "hero_image_alt",
                "body",
            )
        ]
        ArticlePage._base_manager._insert(articles, fields=fields)
        ArticlePageTag.objects.bulk_create(
            ArticlePageTag(tag_id=tag, content_object_id=page.pk)
            for page, (spec, _body, _sentence) in zip(pages, details, strict=True)
            for tag in spec["topics"]
        )
        return pages

    def insert_translation_rows(self, specs, lt_pages):
        now = timezone.now()
        TranslatableObject.objects.bulk_create(
            TranslatableObject(translation_key=spec["key"], content_type=self.page_type)
            for spec in specs
        )
        sources = TranslationSource.objects.bulk_create(
            TranslationSource(
                object_id=spec["key"],
                specific_content_type=self.article_type,
                locale=self.lt,
                object_repr=page.title,
                content_json=json.dumps(
                    {
                        "pk": page.pk,
                        "path": page.path,
                        "depth": page.depth,
                        "title": page.title,
                        "slug": page.slug,
                        "translation_key": str(spec["key"]),
                        "locale": self.lt.pk,
                        "live": True,
                        "content_type": self.article_type.pk,
                        "publication_date": spec["date"].isoformat(),
                    }
                ),
                created_at=now,
                last_updated_at=now,
            )
            for spec, page in zip(specs, lt_pages, strict=True)
        )
        if sources and sources[0].pk is None:
            ids = dict(
                TranslationSource.objects.filter(
                    object_id__in=[spec["key"] for spec in specs], locale=self.lt
                ).values_list("object_id", "pk")
            )
            for source, spec in zip(sources, specs, strict=True):
                source.pk = ids[spec["key"]]
        Translation.objects.bulk_create(
            Translation(
                uuid=uuid.uuid4(),
                source_id=source.pk,
                target_locale=self.en,
                created_at=now,
                destination_last_updated_at=now,
                enabled=True,
            )
            for source in sources
        )

    def index(self, pages, specs, language):
        ids = [page.pk for page in pages]
        if connection.vendor != "postgresql":
            from wagtail.search.backends import get_search_backend

            articles = ArticlePage.objects.filter(pk__in=ids).prefetch_related("tagged_items")
            get_search_backend().get_index_for_model(ArticlePage).add_items(
                ArticlePage, list(articles)
            )
            return
        config = config_for_language(language)
        rows = []
        for page, spec in zip(pages, specs, strict=True):
            _words, _title, sentence = self.words(spec, language)
            body_text = f"{sentence} {sentence}"
            rows.append(
                (
                    self.article_type.pk,
                    str(page.pk),
                    config,
                    page.title,
                    config,
                    body_text,
                    page.title,
                    body_text,
                )
            )
        with connection.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO wagtailsearch_indexentry (content_type_id, object_id, title, "
                "autocomplete, body, title_norm, title_text, body_text) VALUES (%s, %s, "
                "setweight(to_tsvector(%s::regconfig, %s), 'A'), ''::tsvector, "
                "setweight(to_tsvector(%s::regconfig, %s), 'B'), 1.0, %s, %s) "
                "ON CONFLICT (content_type_id, object_id) DO NOTHING",
                rows,
            )
