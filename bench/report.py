"""The benchmark's results as a Markdown table, and how they grow with the archive."""

import functools
import statistics

LABELS = [
    ("home", "Home"),
    ("index_first", "News index, first page"),
    ("index_last", "News index, last page"),
    ("article", "Article"),
    ("more_news", "More news (API)"),
    ("api_article", "API article"),
    ("api_listing", "API listing"),
    ("api_listing_last", "API listing, last page (cursor)"),
    ("search", "Search"),
]


def table(results):
    lines = []
    for result in results:
        static = result["static"]
        lines.append(
            f"\n**{result['size']:,} articles per language** — static nginx file: "
            f"{static['rps']:,.0f} req/s, p50 {static['p50_ms']:.2f} ms, p99 "
            f"{static['p99_ms']:.2f} ms (= 1.00)\n"
        )
        lines.append(
            "| page | SQL | median ms | p95 ms | gunicorn req/s (× static) | p50 / p99 ms "
            "| varnish req/s (× static) | p50 / p99 ms |"
        )
        lines.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        for key, label in LABELS:
            client = result["client"][key]
            gun, edge = result["load"][key]["gunicorn"], result["load"][key]["varnish"]
            lines.append(
                f"| {label} | {client['queries']} | {client['median_ms']:.1f} | "
                f"{client['p95_ms']:.1f} | {gun['rps']:,.0f} ({gun['rps_ratio_to_static']:.2g}) | "
                f"{gun['p50_ms']:.1f} / {gun['p99_ms']:.1f} | "
                f"{edge['rps']:,.0f} ({edge['rps_ratio_to_static']:.2f}) | "
                f"{edge['p50_ms']:.2f} / {edge['p99_ms']:.2f} |"
            )
        mix = result["edge_mix"]
        visible = sorted(publish["visible_ms"] for publish in mix["publishes"])
        lines.append(
            f"\nEdge cache, reader mix of {mix['urls']} URLs while an editor publishes: "
            f"{mix['rps']:,.0f} req/s, p50 {mix['p50_ms']:.2f} ms, p99 {mix['p99_ms']:.1f} ms; "
            f"cache hit ratio {mix['hit_ratio']:.2%} ({mix['counters']['cache_hit']:,} hits, "
            f"{mix['counters']['cache_miss']:,} misses, "
            f"{mix['counters']['s_pass']:,} passes).  "
        )
        lines.append(
            f"Publish to visible through the edge cache, under that load: median "
            f"{statistics.median(visible):.0f} ms, max {visible[-1]:.0f} ms "
            f"({len(visible)} publishes).  "
        )
        lines.append(editors_table(result))
        translation = result["translation"]
        workers = translation["sync_on_workers"]
        lines.append(
            f"Translation of {translation['submit']['articles']:,} new articles: submit "
            f"{translation['submit']['ms_per_article']:.0f} ms and "
            f"{translation['submit']['queries_per_article']:.0f} queries per article, sync "
            f"{translation['sync']['ms_per_article']:.0f} ms and "
            f"{translation['sync']['queries_per_article']:.0f} queries per article; "
            f"synced again as one job on {workers['workers']} workers: {workers['seconds']:.0f} s "
            f"({workers['ms_per_article']:.0f} ms per article), the queue empty after "
            f"{workers['seconds_until_queue_empty']:.0f} s."
        )
    return "\n".join(lines)


EDITOR_LABELS = [
    ("page_editor", "Page editor (demo article)"),
    ("explorer", "Explorer, Lithuanian news index"),
    ("explorer_middle_page", "Explorer, its middle page"),
    ("explorer_last_page", "Explorer, its last page"),
    ("publish", "Publish (POST to response)"),
    ("localize_editor", "Translation editor (English edition)"),
    ("report", "Translations report"),
    ("report_middle_page", "Translations report, middle page"),
    ("report_last_page", "Translations report, last page"),
    ("report_by_status", "Translations report, English out of date"),
    ("translator_dashboard", "Translator's dashboard (work queue)"),
]


def editors_table(result):
    """The admin's views for editors and translators (bench/editor_timing.py), if measured."""
    editors = result.get("editors")
    if not editors:
        return ""
    lines = [
        "\nEditors and translators (Django's test client, no cache; the process's own CPU "
        "time beside the wall time):\n",
        "| view | SQL | median ms | p95 ms | CPU median ms |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for key, label in EDITOR_LABELS:
        view = editors.get(key)
        if view is None:  # a result from before the view was measured
            continue
        lines.append(
            f"| {label} | {view['queries']} | {view['median_ms']:.1f} | {view['p95_ms']:.1f} | "
            f"{view['cpu_median_ms']:.1f} |"
        )
    return "\n".join(lines) + "\n"


# Figures that must not grow with the archive: label, and where each result holds it.
GROWTH = [
    ("article, median server time", ("client", "article", "median_ms")),
    ("last news index page, median server time", ("client", "index_last", "median_ms")),
    ("search page, median server time", ("client", "search", "median_ms")),
    ("translation submit, ms per article", ("translation", "submit", "ms_per_article")),
    ("translation sync, ms per article", ("translation", "sync", "ms_per_article")),
    (
        "translation sync on workers, ms per article",
        ("translation", "sync_on_workers", "ms_per_article"),
    ),
    *(
        (f"{label[0].lower()}{label[1:]}, median server time", ("editors", key, "median_ms"))
        for key, label in EDITOR_LABELS
    ),
]


def growth(results):
    """How the figures that must not grow with the archive compare to the smallest size."""
    if len(results) < 2:
        return ""

    def figure(result, path):
        return functools.reduce(lambda value, key: value[key], path, result)

    base = results[0]
    lines = [f"\nCompared with {base['size']:,} articles per language:"]
    for result in results[1:]:
        lines.append(f"- at {result['size']:,}:")
        for label, path in GROWTH:
            try:
                old, new = figure(base, path), figure(result, path)
            except KeyError:
                continue  # not measured in this run (an older result)
            lines.append(f"  - {label}: {old:.1f} → {new:.1f} ({new / old - 1:+.0%})")
    return "\n".join(lines)


def against_table(results):
    """`--against REV`: each page's req/s through gunicorn on REV and on this checkout, and
    each editor view's time on both."""
    lines = []
    for result in results:
        against = result.get("against")
        if not against:
            continue
        rev, *ours = against["servers"]
        lines.append(
            f"\n**Against {rev}, {result['size']:,} articles per language** (gunicorn, no edge "
            f"cache; median of {against['rounds']} alternating wrk rounds)\n"
        )
        headers = [f"{name} req/s (× {rev})" for name in ours]
        lines.append(f"| page | {rev} req/s | " + " | ".join(headers) + " |")
        lines.append("| --- | ---: |" + " ---: |" * len(ours))
        for key, label in LABELS:
            page = against["pages"][key]
            cells = [f"{page['rps'][name]:,.0f} ({page['ratio'][name]:.2f})" for name in ours]
            lines.append(f"| {label} | {page['rps'][rev]:,.0f} | " + " | ".join(cells) + " |")
    lines += [
        editors_against_table(result["against_editors"], result["size"])
        for result in results
        if result.get("against_editors")
    ]
    return "\n".join(lines)


def editors_against_table(comparison, size=None):
    """`--against REV`: each editor view's median ms on REV and on this checkout
    (bench/editors_against.py), and REV's time over this checkout's."""
    rev = comparison["rev"]
    where = f", {size:,} articles per language" if size else ""
    lines = [
        f"\n**Editors and translators against {rev}{where}** (Django's test client, Redis "
        f"cache; median of {comparison['rounds']} alternating rounds' medians of "
        f"{comparison['repeat']} requests, the Django process's CPU time in brackets; "
        f"× = {rev} ms / this ms, 2.00 = twice as fast)\n",
        f"| view | {rev} SQL | {rev} median ms (CPU) | this SQL | this median ms (CPU) "
        "| × | × CPU |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    failures = []
    for key, label in EDITOR_LABELS:
        view = comparison["views"].get(key)
        if not view:
            continue
        cells = []
        for name in comparison["checkouts"]:
            if name in view["errors"]:
                cells.append("– | failed")
                failures.append(f"- {label} failed on {name}: {view['errors'][name]}")
            else:
                cells.append(
                    f"{view['queries'][name]} | {view['median_ms'][name]:.1f} "
                    f"({view['cpu_median_ms'][name]:.1f})"
                )
        ratios = [f"{view[key]:.2f}" if key in view else "–" for key in ("ratio", "cpu_ratio")]
        lines.append(f"| {label} | " + " | ".join(cells + ratios) + " |")
    return "\n".join(lines + ([""] + failures if failures else [])) + "\n"
