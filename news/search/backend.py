"""Wagtail's database search backend, with a PostgreSQL text search configuration per language.

``WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "news.search.backend", ...}}`` picks the
backend Wagtail's ``wagtail.search.backends.database`` would pick for the database in use. On
PostgreSQL it is `LocalePostgresSearchBackend`:

* Every object with a ``locale`` (pages) is indexed with the configuration of its language,
  ``SEARCH_CONFIGS = {"lt": "lithuanian", "en": "english"}``, so that "mokykla" finds
  "mokyklos" and "school" finds "schools"; anything else (images, documents) with
  ``INDEX_CONFIG`` ("simple": no stemming). All backends share one index table, so one
  backend has to choose the configuration per object: two backends would overwrite each
  other's rows.
* ``get_search_backend(SEARCH_CONFIG="lithuanian")`` searches with that one configuration
  (what the site search does: news.search.views); without ``SEARCH_CONFIG`` (the admin's
  search across languages) a query matches in any of the configurations.

SQLite (FTS5) and other databases use Wagtail's backend unchanged: no stemming.

Indexing one page costs the same whatever the size of the index: modelsearch refreshes the
title norms (average title length / this title's length, for ranking) after every insert
with an average over the whole index table and an update that scans it for new rows. Here
the average is kept in Django's cache for an hour (`TITLE_LENGTH_CACHE_SECONDS`) and only the
rows just written are updated; a full refresh (``_refresh_title_norms(full=True)``) is
unchanged.

Every article's entry is also copied, with its locale and publication date, into
`ArticleSearchEntry` (news.search.models), where the site search finds the newest matches
of a query (news.search.ranking); `reset` empties both.
"""

from collections import defaultdict
from functools import reduce

from django.conf import settings
from django.contrib.postgres.search import SearchRank
from django.core.cache import cache
from django.db import connection, connections
from django.db.models import Avg, F
from django.db.models.functions import Length
from modelsearch.backends.database import SearchBackend as database_search_backend
from modelsearch.backends.database.postgres.postgres import (
    IndexEntry,
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.utils import get_content_type_pk
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from news.models import ArticlePage

from .models import ArticleSearchEntry

DEFAULT_SEARCH_CONFIGS = {"lt": "lithuanian", "en": "english"}
DEFAULT_INDEX_CONFIG = "simple"


class MultiConfigQueryCompiler(PostgresSearchQueryCompiler):
    """A query in several text search configurations at once: matches in any of them."""

    def build_tsquery(self, query, config=None):
        if not isinstance(config, tuple):
            return super().build_tsquery(query, config=config)
        queries = [self.build_tsquery_content(query, config=one) for one in config]
        if any(one is None for one in queries):
            return None
        return reduce(lambda a, b: a | b, queries)


TITLE_LENGTH_CACHE_KEY = "news:search:average-title-length"
TITLE_LENGTH_CACHE_SECONDS = 3600


class LocalePostgresIndex(PostgresIndex):
    def __init__(self, backend, written=None):
        super().__init__(backend)
        self.written = written  # (model, objects) that add_items has just indexed

    def add_items(self, model, objs):
        by_config = defaultdict(list)
        for obj in objs:
            by_config[self.backend.index_config_for(obj)].append(obj)
        for config, group in by_config.items():
            # ObjectIndexer reads backend.config: index each group under its language.
            indexing = self.backend.with_config(config)
            PostgresIndex.add_items(self.__class__(indexing, written=(model, group)), model, group)
        if issubclass(model, ArticlePage):
            copy_article_entries([obj.pk for obj in objs], using=self.write_connection.alias)

    def reset(self):
        super().reset()
        ArticleSearchEntry.objects.all()._raw_delete(using=self.write_connection.alias)

    def average_title_length(self):
        average = cache.get(TITLE_LENGTH_CACHE_KEY)
        if average is None:
            average = (
                self.entries.annotate(title_length=Length("title"))
                .filter(title_length__gt=0)
                .aggregate(Avg("title_length"))["title_length__avg"]
            )
            cache.set(TITLE_LENGTH_CACHE_KEY, average, TITLE_LENGTH_CACHE_SECONDS)
        return average

    def _refresh_title_norms(self, full=False):
        if full or self.written is None:
            # modelsearch averages the whole index itself: the next insert re-reads it too.
            cache.delete(TITLE_LENGTH_CACHE_KEY)
            super()._refresh_title_norms(full=full)
            # Every article's norm may have changed.
            return copy_article_entries(using=self.write_connection.alias)
        average = self.average_title_length()
        if average is None:
            return None
        model, objs = self.written
        return (
            self.entries.filter(
                content_type_id=get_content_type_pk(model),
                object_id__in=[str(obj.pk) for obj in objs],
            )
            .annotate(title_length=Length("title"))
            .filter(title_length__gt=0)
            .update(title_norm=average / F("title_length"))
        )


class LocalePostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = MultiConfigQueryCompiler
    index_class = LocalePostgresIndex

    def __init__(self, params):
        super().__init__(params)
        self.params = params
        self.search_configs = dict(params.get("SEARCH_CONFIGS") or DEFAULT_SEARCH_CONFIGS)
        self.index_config = params.get("INDEX_CONFIG") or DEFAULT_INDEX_CONFIG
        if not self.config:
            # Every configuration an indexed object may have used.
            self.config = tuple(dict.fromkeys([*self.search_configs.values(), self.index_config]))
        self._languages = None

    def match_and_rank(self, query):
        """The text search query of all the words of `query` as this backend's search builds
        it (in its configuration, or any of them), and Wagtail's relevance to it of a row
        with an index entry's ``title``, ``title_norm`` and ``body``; None, None for a query
        without words."""
        compiler = self.query_compiler_class(ArticlePage.objects.none(), query, operator="and")
        tsquery = compiler.build_tsquery(compiler.query, config=compiler.get_config(self))
        if tsquery is None:
            return None, None
        weights = compiler.sql_weights
        rank = SearchRank(F("title"), tsquery, weights=weights) * F("title_norm") + SearchRank(
            F("body"), tsquery, weights=weights
        )
        return tsquery, rank

    def with_config(self, config):
        return type(self)({**self.params, "SEARCH_CONFIG": config})

    def language_of(self, locale_id):
        if self._languages is None:
            self._languages = dict(Locale.objects.values_list("pk", "language_code"))
        if locale_id not in self._languages:
            self._languages = dict(Locale.objects.values_list("pk", "language_code"))
        return self._languages.get(locale_id)

    def index_config_for(self, obj):
        locale_id = getattr(obj, "locale_id", None)
        language = self.language_of(locale_id) if locale_id is not None else None
        return self.search_configs.get(language, self.index_config)


def copy_article_entries(page_ids=None, using="default"):
    """Copy the index entries of these articles (page ids; None: of every article) into
    `ArticleSearchEntry`."""
    only = "WHERE article.page_ptr_id = ANY(%s)" if page_ids is not None else ""
    with connections[using].cursor() as cursor:
        cursor.execute(
            f"""
            INSERT INTO {ArticleSearchEntry._meta.db_table}
                (page_id, locale_id, publication_date, title, body, title_norm)
            SELECT page.id, page.locale_id, article.publication_date,
                entry.title, entry.body, entry.title_norm
            FROM {ArticlePage._meta.db_table} article
            JOIN {Page._meta.db_table} page ON page.id = article.page_ptr_id
            JOIN {IndexEntry._meta.db_table} entry
                ON entry.content_type_id = page.content_type_id
                AND entry.object_id = article.page_ptr_id::text
            {only}
            ON CONFLICT (page_id) DO UPDATE SET
                locale_id = EXCLUDED.locale_id,
                publication_date = EXCLUDED.publication_date,
                title = EXCLUDED.title,
                body = EXCLUDED.body,
                title_norm = EXCLUDED.title_norm
            """,
            [list(page_ids)] if page_ids is not None else [],
        )


def config_for_language(language_code):
    """The text search configuration of a language on this backend, or None (not PostgreSQL)."""
    options = settings.WAGTAILSEARCH_BACKENDS.get("default", {})
    configs = options.get("SEARCH_CONFIGS") or DEFAULT_SEARCH_CONFIGS
    if connection.vendor != "postgresql":
        return None
    return configs.get(language_code, options.get("INDEX_CONFIG") or DEFAULT_INDEX_CONFIG)


def search_backend(language_code=None):
    """The search backend of one language (its text search configuration on PostgreSQL), or
    of every language (None: a query matches in any configuration)."""
    config = config_for_language(language_code) if language_code else None
    return get_search_backend(**({"SEARCH_CONFIG": config} if config else {}))


def SearchBackend(params):  # noqa: N802  (Wagtail looks the backend up by this name)
    if connection.vendor == "postgresql":
        return LocalePostgresSearchBackend(params)
    return database_search_backend(params)
