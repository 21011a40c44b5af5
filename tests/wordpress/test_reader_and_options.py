"""The export streamed item by item, language codes mapped, terms grouped, old addresses of
every form recognised, a progress bar only on a terminal."""

import io
import tracemalloc

import pytest

from bench.wordpress_import import write_export
from news.wordpress.links import LinkIndex
from news.wordpress.progress import ProgressBar
from news.wordpress.reader import Item, WXRReader
from news.wordpress.report import Report
from news.wordpress.terms import TermIndex
from news.wordpress.wpml import LanguageMap, Translations

from .conftest import KAUNAS, run_import

pytestmark = pytest.mark.django_db


def test_a_large_export_is_streamed_not_loaded_whole(tmp_path):
    export = tmp_path / "large.xml"
    write_export(export, 4000)
    size = export.stat().st_size
    tracemalloc.start()
    count = sum(1 for _item in WXRReader(export).items())
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert count == 4000
    assert peak < size / 4, (peak, size)


def test_wordpress_language_codes_are_mapped_to_the_sites(tmp_path):
    export = tmp_path / "codes.xml"
    export.write_text(
        KAUNAS.read_text(encoding="utf-8").replace("[CDATA[en]]", "[CDATA[gb]]"), encoding="utf-8"
    )
    unmapped = run_import(export, "--dry-run")
    assert "language 'gb' (not a language of this site; see --language): 6" in unmapped
    assert "en article" not in unmapped
    mapped = run_import(export, "--dry-run", "--language", "gb=en")
    assert "en article: 4 created" in mapped and "en page: 2 created" in mapped


def test_terms_are_grouped_across_languages_without_the_old_language_suffix():
    reader = WXRReader(KAUNAS)
    for _item in reader.items():
        pass
    terms = TermIndex()
    report = Report()
    terms.collect(reader.terms, Translations(), LanguageMap({"lt", "en"}, default="lt"), report)
    [english_tag] = terms.by_slug[("post_tag", "unesco-en")]
    assert (english_tag.slug, english_tag.language, english_tag.group) == ("unesco", "en", "51")
    [lithuanian_tag] = terms.by_slug[("post_tag", "unesco")]
    assert terms.group_of(english_tag) == [lithuanian_tag, english_tag]  # the original first
    assert terms.origin(english_tag) == terms.origin(lithuanian_tag) == "wordpress:post_tag:7"
    assert report.term_groups == {"tags": 1, "categories": 1}


@pytest.mark.parametrize(
    ("href", "wp_id"),
    [
        ("https://www.kaunas.lt/2024/05/kaunas/", 1),
        ("https://kaunas.lt/2024/05/kaunas", 1),  # without www., without the slash
        ("/2024/05/kaunas-old/", 1),  # an old slug
        ("https://www.kaunas.lt/?p=1", 1),
        ("?p=2", 2),
        ("https://en.kaunas.lt/2024/05/kaunas-city/", 2),  # a domain per language
        ("https://www.kaunas.lt/2023/01/kaunas-city/", 2),  # another date, the same slug
    ],
)
def test_every_form_of_an_old_address_names_its_item(href, wp_id):
    index = LinkIndex("https://www.kaunas.lt", extra_urls=["https://en.kaunas.lt"])
    index.add_item(
        Item(
            wp_id=1,
            post_type="post",
            link="https://www.kaunas.lt/2024/05/kaunas/",
            post_name="kaunas",
            meta={"_wp_old_slug": ["kaunas-old"]},
        )
    )
    index.add_item(
        Item(
            wp_id=2,
            post_type="post",
            link="https://en.kaunas.lt/2024/05/kaunas-city/",
            post_name="kaunas-city",
        )
    )
    target = index.resolve(href)
    assert (target.kind, target.wp_id) == ("item", wp_id)
    assert index.resolve("https://uil.unesco.org/learning-cities").kind == "external"
    assert index.resolve("https://www.kaunas.lt/wp-content/uploads/2024/05/a-300x200.jpg").file == (
        "2024/05/a-300x200.jpg"
    )


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_the_progress_bar_shows_on_a_terminal_only():
    terminal, file = Terminal(), io.StringIO()
    for stream in (terminal, file):
        bar = ProgressBar(stream)
        for done in range(1, 11):
            bar(done, 10)
    assert "[##############################] 10/10" in terminal.getvalue()
    assert file.getvalue() == ""
