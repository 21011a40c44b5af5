"""Time the WordPress import: a generated WPML export of N posts (N/2 translation groups,
each a Lithuanian original and its English translation) imported into a fresh database.

    .venv/bin/python bench/wordpress_import.py                      # 100 and 1,000 posts, SQLite
    .venv/bin/python bench/wordpress_import.py --sizes 100,1000,10000 \\
        --database-url postgres://postgres@127.0.0.1:5432/kaunas_bench_wordpress

Each size runs in a process of its own on a new database (a temporary SQLite file, or the
PostgreSQL database named in the URL, dropped and created again for each size); migrations
and writing the export are not timed. Prints, per size, seconds, milliseconds (wall and this
process's CPU) and SQL queries per post; then, between each two sizes, the same for each
post the larger import has more: its cost per post without the one-time work (each
language's home page and news index, the first use of the code), which is what stays flat.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django  # noqa: E402

django.setup()

import psycopg  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from news.wordpress.importer import Importer  # noqa: E402

BODY = """<!-- wp:paragraph -->
<p>{lead} Plačiau – <a href="https://bench.example.lt/?p={other}">kitame straipsnyje</a>.</p>
<!-- /wp:paragraph -->
<!-- wp:heading -->
<h2>{heading}</h2>
<!-- /wp:heading -->
<!-- wp:paragraph -->
<p>{text}</p>
<!-- /wp:paragraph -->
<!-- wp:table -->
<figure class="wp-block-table"><table><thead><tr><th>A</th><th>B</th></tr></thead><tbody>
<tr><td>{heading}</td><td>{number}</td></tr><tr><td>{lead}</td><td>{number}</td></tr>
</tbody></table><figcaption>{heading}</figcaption></figure>
<!-- /wp:table -->"""

TEXTS = {
    "lt": ("Kauno naujiena", "Miestas kviečia mokytis.", "Skaičiai", "Bibliotekos dirba ilgiau."),
    "en": ("Kaunas news", "The city invites you to learn.", "Figures", "Libraries open longer."),
}


def _meta(key, value):
    return (
        f"<wp:postmeta><wp:meta_key><![CDATA[{key}]]></wp:meta_key>"
        f"<wp:meta_value><![CDATA[{value}]]></wp:meta_value></wp:postmeta>"
    )


def write_export(path, count):
    """An export of ``count`` posts: pairs of a Lithuanian original and its translation."""
    with open(path, "w", encoding="utf-8") as out:
        out.write(
            '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
            'xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:wp="http://wordpress.org/export/1.2/">\n<channel><title>Bench</title>'
            "<link>https://bench.example.lt</link><language>lt</language>"
            "<wp:wxr_version>1.2</wp:wxr_version>"
            "<wp:base_blog_url>https://bench.example.lt</wp:base_blog_url>\n"
        )
        for number in range(count):
            wp_id, group = 1000 + number, number // 2 + 1
            language = "lt" if number % 2 == 0 else "en"
            title, lead, heading, text = TEXTS[language]
            prefix = "" if language == "lt" else "/en"
            slug = f"{'naujiena' if language == 'lt' else 'news'}-{group}"
            other = 1000 + (number + 7) % count
            body = BODY.format(lead=lead, heading=heading, text=text, number=number, other=other)
            out.write(
                f"<item><title><![CDATA[{title} {group}]]></title>"
                f"<link>https://bench.example.lt{prefix}/2024/05/{slug}/</link>"
                f"<dc:creator>bench</dc:creator>"
                f"<content:encoded><![CDATA[{body}]]></content:encoded>"
                f"<excerpt:encoded><![CDATA[{lead}]]></excerpt:encoded>"
                f"<wp:post_id>{wp_id}</wp:post_id>"
                "<wp:post_date>2024-05-02 09:00:00</wp:post_date>"
                "<wp:post_date_gmt>2024-05-02 06:00:00</wp:post_date_gmt>"
                "<wp:post_modified_gmt>2024-05-02 06:00:00</wp:post_modified_gmt>"
                f"<wp:post_name>{slug}</wp:post_name><wp:status>publish</wp:status>"
                "<wp:post_parent>0</wp:post_parent><wp:post_type>post</wp:post_type>"
                + _meta("_wpml_import_language_code", language)
                + _meta("_wpml_import_source_language_code", "" if language == "lt" else "lt")
                + _meta("_wpml_import_translation_group", group)
                + "</item>\n"
            )
        out.write("</channel></rss>\n")


def measure(count):
    """Import a generated export of ``count`` posts; seconds and queries per post."""
    queries = 0

    def count_query(execute, sql, params, many, context):
        nonlocal queries
        queries += 1
        return execute(sql, params, many, context)

    with tempfile.TemporaryDirectory() as folder:
        export = Path(folder) / "export.xml"
        write_export(export, count)
        with connection.execute_wrapper(count_query):
            started, cpu_started = time.perf_counter(), time.process_time()
            report = Importer(export).run()
            seconds = time.perf_counter() - started
            cpu = time.process_time() - cpu_started
    assert not report.failures, report.failures
    assert report.groups_linked["article"] == count // 2, str(report)
    return per_post({"posts": count, "seconds": seconds, "cpu_seconds": cpu, "queries": queries})


def per_post(totals):
    """``totals`` with milliseconds (wall and CPU) and queries per post."""
    posts = totals["posts"]
    return {
        **totals,
        "ms_per_post": round(totals["seconds"] * 1000 / posts, 1),
        # This process's CPU time: on a shared machine, closer to the cost than the wall time
        # (with SQLite it includes the database's work, with PostgreSQL not the server's).
        "cpu_ms_per_post": round(totals["cpu_seconds"] * 1000 / posts, 1),
        "queries_per_post": round(totals["queries"] / posts, 1),
    }


def marginal(smaller, larger):
    """The cost of the posts ``larger`` imported beyond ``smaller``'s, and per post."""
    keys = ("posts", "seconds", "cpu_seconds", "queries")
    return per_post({key: larger[key] - smaller[key] for key in keys})


def _recreate_postgres(url):
    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000", help="comma-separated post counts")
    parser.add_argument("--database-url", default="", help="PostgreSQL (default: SQLite)")
    parser.add_argument("--run", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run:  # in the process of one size, on its new database
        call_command("migrate", verbosity=0)
        print(json.dumps(measure(args.run)))
        return
    print(f"{'posts':>7} {'seconds':>8} {'ms/post':>8} {'CPU ms/post':>12} {'queries/post':>13}")
    results = []
    for size in (int(value) for value in args.sizes.split(",")):
        with tempfile.TemporaryDirectory() as folder:
            url = args.database_url or f"sqlite:///{folder}/bench.sqlite3"
            if url.startswith("postgres"):
                _recreate_postgres(url)
            environment = {**os.environ, "DATABASE_URL": url, "MEDIA_ROOT": folder}
            output = subprocess.run(
                [sys.executable, __file__, "--run", str(size)],
                env=environment,
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            results.append(json.loads(output.strip().splitlines()[-1]))
            _print(results[-1]["posts"], results[-1])
    if len(results) > 1:
        print("Each post beyond the smaller import's (without the one-time work):")
    for smaller, larger in zip(results, results[1:], strict=False):
        _print(f"+{larger['posts'] - smaller['posts']}", marginal(smaller, larger))


def _print(label, figures):
    print(
        f"{label:>7} {figures['seconds']:>8.2f} {figures['ms_per_post']:>8} "
        f"{figures['cpu_ms_per_post']:>12} {figures['queries_per_post']:>13}"
    )


if __name__ == "__main__":
    main()
