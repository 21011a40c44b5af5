"""Submitting and syncing articles for translation at scale (bench/run).

Run with DJANGO_SETTINGS_MODULE=bench.settings and DATABASE_URL of a scratch copy of a
benchmark database (bench/run makes one and drops it afterwards): every step commits, as it
does in the admin, because wagtail-localize publishes a translation when its transaction
commits.

1. `generate_articles --count N --source-only` adds N Lithuanian articles (not timed);
2. *submit*: each is submitted for translation into English, as the admin's "Translate"
   action does (wagtail-localize's ``translate_object``: source, segments, draft edition);
3. the editors change each source and publish it (not timed);
4. *sync*: each source's translations are synced with machine translation and published,
   as the "Sync translated pages" action does (news.translation.workflow.sync_translations,
   with wagtail-localize's dummy translator: no network).

Prints JSON: per step, total seconds, milliseconds and SQL queries per article.
"""

import argparse
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from wagtail.models import Locale  # noqa: E402
from wagtail_localize.machine_translators.dummy import DummyTranslator  # noqa: E402
from wagtail_localize.models import TranslationSource  # noqa: E402
from wagtail_localize.operations import translate_object  # noqa: E402

from news.models import ArticlePage  # noqa: E402
from news.translation.workflow import sync_translations  # noqa: E402


class Step:
    """Wall time and SQL queries of one step over every article."""

    def __init__(self, count):
        self.count = count

    def __enter__(self):
        self.queries = 0
        self.counting = connection.execute_wrapper(self.count_query)
        self.counting.__enter__()
        self.started = time.perf_counter()
        return self

    def __exit__(self, *exc):
        self.seconds = time.perf_counter() - self.started
        self.counting.__exit__(*exc)

    def count_query(self, execute, sql, params, many, context):
        self.queries += 1
        return execute(sql, params, many, context)

    def figures(self):
        return {
            "articles": self.count,
            "seconds": round(self.seconds, 2),
            "ms_per_article": round(self.seconds * 1000 / self.count, 2),
            "queries_per_article": round(self.queries / self.count, 1),
        }


def measure(count):
    lt, en = Locale.objects.get(language_code="lt"), Locale.objects.get(language_code="en")
    translator = DummyTranslator({})
    editor, _created = get_user_model().objects.get_or_create(
        username="bench-translation", defaults={"is_superuser": True, "is_staff": True}
    )
    before = set(ArticlePage.objects.filter(locale=lt).values_list("pk", flat=True))
    call_command("generate_articles", count=count, source_only=True, seed=7, verbosity=0)
    articles = list(ArticlePage.objects.filter(locale=lt).exclude(pk__in=before))
    assert len(articles) == count, len(articles)

    with Step(count) as submit:
        for article in articles:
            translate_object(article, [en], user=editor)

    for article in articles:
        article.lead = f"{article.lead} Atnaujinta."
        article.save_revision(user=editor).publish(user=editor)

    sources = {
        source.object_id: source
        for source in TranslationSource.objects.filter(
            object_id__in=[article.translation_key for article in articles], locale=lt
        )
    }
    with Step(count) as sync:
        for article in articles:
            result = sync_translations(
                sources[article.translation_key],
                user=editor,
                publish=True,
                # Machine-filled segments await review: the editor's explicit override.
                publish_incomplete=True,
                machine_translator=translator,
            )
            assert len(result.published) == 1, result

    published = ArticlePage.objects.live().filter(locale=en, translation_key__in=sources)
    assert published.count() == count, published.count()
    return {"submit": submit.figures(), "sync": sync.figures()}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000, help="articles to translate")
    args = parser.parse_args()
    print(json.dumps(measure(args.count)))


if __name__ == "__main__":
    main()
