"""Realistic articles built in bulk for benchmarks (``manage.py generate_articles --count N``).

N Lithuanian articles under the Lithuanian news index and N English editions of them under
the English one (same ``translation_key``), with every body block kind, topics, hero and
body images, spread over the past years (``load_demo`` first: it makes the site tree).

Built in bulk, not through Wagtail's ``add_child``/revisions nor wagtail-localize's
translation workflow (100,000 of those would take hours):

- page tree rows (``wagtailcore_page``) with materialised paths computed after the index's
  last child, and the index's ``numchild`` raised: ``manage.py fixtree`` finds nothing;
- ``news_articlepage`` rows with a raw StreamField body, ``ArticlePageTopic`` rows (each
  edition linked to its own language's topics);
- wagtail-localize's ``TranslatableObject``, ``TranslationSource`` (lt) and ``Translation``
  (lt -> en) rows, so each English edition is a translation of its source in the admin;
  no segments are extracted (editing or syncing a source extracts them, as usual);
- search index rows (PostgreSQL: one ``INSERT`` per batch with ``to_tsvector`` in the
  language's configuration; other databases: Wagtail's indexer).

Not built: revisions (``live_revision`` stays empty; the first edit in the admin makes one)
and log entries. Articles are live and first published at their publication date.
"""
