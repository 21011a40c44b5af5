"""SQL queries and server time of the admin's busiest views for editors and translators
(bench/run, "Editors and translators").

Run with DJANGO_SETTINGS_MODULE=bench.settings and DATABASE_URL of a benchmark database
(load_demo, then generate_articles); prints JSON, one entry per view:
{"page_editor": {"url": ..., "status": ..., "queries": n, "median_ms": ..., "p95_ms": ...,
"cpu_median_ms": ..., "times_ms": [...]}, ...}

Through Django's test client, as a superuser (an editor who may do everything) and, for the
translation editor, as a member of the Translators group:

- *page_editor*: the edit view of the Lithuanian demo article "Kaunas – UNESCO besimokantis
  miestas" (GET);
- *explorer*: the explorer listing of the Lithuanian news index (all its articles);
- *explorer_middle_page*, *explorer_last_page*: its page halfway through, its last page (a
  page number past the end shows the last one);
- *publish*: the article's edit form posted back unchanged with "Publish", up to the
  redirect it answers (a new revision, published; purges and webhooks are queued);
- *localize_editor*: the edit view of the article's English edition, which wagtail-localize
  serves with its translation editor (``edit_translation``);
- *report*: Reports → Translations;
- *report_middle_page*, *report_last_page*: its page halfway through, its last page;
- *report_by_status*: the English translations that are out of date (its locale and status
  filters);
- *translator_dashboard*: the admin's home page of a member of the Translators group, with
  their work queue (news.translation.dashboard).

Each view is requested a few times first (sessions, templates, per-process caches), counted
once, then timed `--repeat` times.
"""

import argparse
import json
import os
import statistics
import sys
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402
from wagtail.admin.views.pages.listing import ExplorableIndexView  # noqa: E402
from wagtail.models import Locale  # noqa: E402

from news.demo.content import ARTICLES  # noqa: E402
from news.models import ArticlePage, NewsIndexPage  # noqa: E402
from news.translation.reports import TranslationsReportView  # noqa: E402
from news.translation.roles import TRANSLATORS  # noqa: E402
from tests.page_form import page_form_data  # noqa: E402

WARM_UP = 3
# What each view answers when it worked: publishing redirects to the explorer.
EXPECTED_STATUS = {"publish": 302}
# A page number past the end: Wagtail's listings show their last page for it.
LAST_PAGE = "?p=1000000"


def client_for(username, superuser=False, group=None):
    user, _created = get_user_model().objects.get_or_create(
        username=username, defaults={"is_superuser": superuser, "is_staff": superuser}
    )
    if group:
        user.groups.add(Group.objects.get(name=group))
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    return client


def requests():
    """The views, each a function that requests it once."""
    lt, en = Locale.objects.get(language_code="lt"), Locale.objects.get(language_code="en")
    demo = ArticlePage.objects.get(locale=lt, slug=ARTICLES[0].slug.lt)
    english = demo.get_translation(en)
    index = NewsIndexPage.objects.filter(locale=lt).order_by("path").first()
    editor = client_for("bench-editor", superuser=True)
    translator = client_for("bench-translator", group=TRANSLATORS)
    edit_url = reverse("wagtailadmin_pages:edit", args=[demo.pk])
    explore_url = reverse("wagtailadmin_explore", args=[index.pk])
    localize_url = reverse("wagtailadmin_pages:edit", args=[english.pk])
    report_url = reverse("news_translations_report")
    dashboard_url = reverse("wagtailadmin_home")
    # Halfway: the page that skips the most rows from either end. (Wagtail's page size: this
    # script also runs on commits from before news.listings, bench/editors_against.py.)
    explorer_middle = f"?p={index.numchild // ExplorableIndexView.paginate_by // 2 + 1}"
    articles = ArticlePage.objects.filter(locale=lt).count()
    report_middle = f"?p={articles // TranslationsReportView.paginate_by // 2 + 1}"
    out_of_date = "?locale=en&status=out_of_date"

    def as_editor(url):
        return url, lambda: editor.get(url)

    def publish():
        # The form as the editor would post it: the page as it is now, its latest revision.
        return editor.post(edit_url, page_form_data(ArticlePage.objects.get(pk=demo.pk)))

    return {
        "page_editor": as_editor(edit_url),
        "explorer": as_editor(explore_url),
        "explorer_middle_page": as_editor(explore_url + explorer_middle),
        "explorer_last_page": as_editor(explore_url + LAST_PAGE),
        "publish": (edit_url, publish),
        "localize_editor": (localize_url, lambda: translator.get(localize_url)),
        "report": as_editor(report_url),
        "report_middle_page": as_editor(report_url + report_middle),
        "report_last_page": as_editor(report_url + LAST_PAGE),
        "report_by_status": as_editor(report_url + out_of_date),
        "translator_dashboard": (dashboard_url, lambda: translator.get(dashboard_url)),
    }


def measure(view, url, request, repeat):
    for _ in range(WARM_UP):
        request()
    with CaptureQueriesContext(connection) as captured:
        response = request()
    queries = len(captured)  # now: every request start clears the query log
    expected = EXPECTED_STATUS.get(view, 200)
    if response.status_code != expected:
        raise RuntimeError(f"{view}: {url} answered {response.status_code}, not {expected}")
    times, cpu_times = [], []
    for _ in range(repeat):
        started, cpu_started = time.perf_counter(), time.process_time()
        request()
        times.append((time.perf_counter() - started) * 1000)
        cpu_times.append((time.process_time() - cpu_started) * 1000)
    times.sort()
    return {
        "url": url,
        "status": response.status_code,
        "queries": queries,
        "median_ms": round(statistics.median(times), 2),
        "p95_ms": round(times[min(len(times) - 1, int(len(times) * 0.95))], 2),
        # This process's CPU time alone (not the database's): steadier than the wall time
        # on a machine whose other work comes and goes.
        "cpu_median_ms": round(statistics.median(cpu_times), 2),
        "times_ms": [round(t, 3) for t in times],
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument(
        "--keep-going",
        action="store_true",
        help="a view that fails is reported with its error and the others measured (another "
        "commit's code on this checkout's database: bench/editors_against.py)",
    )
    parser.add_argument("views", nargs="*", help="only these views (default: all)")
    args = parser.parse_args()
    figures = {}
    for view, (url, request) in requests().items():
        if args.views and view not in args.views:
            continue
        try:
            figures[view] = measure(view, url, request, args.repeat)
        except Exception as error:
            if not args.keep_going:
                raise
            traceback.print_exc()  # to the log
            figures[view] = {"url": url, "error": f"{type(error).__name__}: {error}"[:300]}
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
