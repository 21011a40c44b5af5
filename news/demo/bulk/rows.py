"""Rows of generated articles written in bulk: pages, translations, search index entries."""

import json
import uuid

from django.db import connection
from django.utils import timezone
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail_localize.models import TranslatableObject, Translation, TranslationSource

from news.models import ArticlePage, ArticlePageTopic, topic_links_prefetch
from news.search.backend import config_for_language, copy_article_entries

from . import text
from .words import WORDS


class BulkRows:
    """Writes the rows of generated articles of the given locales and content types."""

    def __init__(self, *, lt, en, article_type, page_type, run):
        self.lt, self.en = lt, en
        self.article_type, self.page_type = article_type, page_type
        self.run = run

    def next_step(self, index):
        last = Page.objects.filter(path__startswith=index.path, depth=index.depth + 1)
        last = last.order_by("-path").values_list("path", flat=True).first()
        return (int(last[-Page.steplen :], 36) + 1) if last else 1

    def insert_pages(self, index, next_step, specs, language):
        locale = self.lt if language == "lt" else self.en
        pages, details = [], []
        step = next_step[index.pk]
        for offset, spec in enumerate(specs):
            body, title, sentence = text.body(spec, language)
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
        # Every column, so fields added later (credits, flags) get their model defaults.
        fields = ArticlePage._meta.local_concrete_fields
        ArticlePage._base_manager._insert(articles, fields=fields)
        # Each edition links to its own language's edition of the topic; the links of both
        # editions share a translation key, as wagtail-localize's would.
        ArticlePageTopic.objects.bulk_create(
            ArticlePageTopic(
                page_id=page.pk,
                topic_id=topic[language],
                locale=locale,
                translation_key=uuid.uuid5(spec["key"], str(position)),
                sort_order=position,
            )
            for page, (spec, _body, _sentence) in zip(pages, details, strict=True)
            for position, topic in enumerate(spec["topics"])
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
            articles = ArticlePage.objects.filter(pk__in=ids).prefetch_related(
                topic_links_prefetch()
            )
            get_search_backend().get_index_for_model(ArticlePage).add_items(
                ArticlePage, list(articles)
            )
            return
        config = config_for_language(language)
        rows = []
        for page, spec in zip(pages, specs, strict=True):
            _words, _title, sentence = text.vocabulary(spec, language)
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
        copy_article_entries(ids)
