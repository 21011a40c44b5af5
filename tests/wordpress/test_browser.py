"""The imported site in Chromium: both languages, the switcher between imported editions."""

import re

import pytest
from wagtail.models import Site

from .conftest import KAUNAS, make_uploads, run_import

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def imported_site(live_server, tmp_path, settings):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    run_import(KAUNAS, "--uploads", make_uploads(tmp_path))
    host, port = live_server.url.removeprefix("http://").split(":")
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = host, int(port)
    site.save()
    return live_server.url


def test_a_reader_browses_the_imported_site_in_both_languages(browser_page, imported_site):
    page = browser_page
    page.goto(f"{imported_site}/lt/naujienos/")
    main = page.get_by_role("main")
    assert main.get_by_role("link", name="Senamiesčio šventė").count() == 1
    assert main.get_by_role("link", name=re.compile("Vidinė informacija")).count() == 0
    main.get_by_role("link", name=re.compile("Faktai ir skaičiai")).first.click()
    page.wait_for_url(re.compile(r"/lt/naujienos/faktai-ir-skaiciai-kaunas-2024/$"))
    assert page.locator("html").get_attribute("lang") == "lt"
    assert page.get_by_role("table", name="Kaunas skaičiais").is_visible()
    assert page.locator("ol li#ref-1 a[href='https://osp.stat.gov.lt/']").count() == 1

    # The switcher leads to the imported English edition, and back.
    switcher = page.get_by_role("navigation", name=re.compile("Kalba|Language"))
    switcher.get_by_role("link", name="English").click()
    page.wait_for_url(re.compile(r"/en/news/facts-and-figures-kaunas-2024/$"))
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", level=1).inner_text() == "Facts and figures: Kaunas 2024"
    assert page.get_by_role("table", name="Kaunas in figures").is_visible()

    # An internal link of the old site leads to the English edition of the linked article.
    page.get_by_role("link", name="Kaunas as a learning city").click()
    page.wait_for_url(re.compile(r"/en/news/kaunas-unesco-learning-city/$"))
    figure = page.locator("figure", has=page.locator("figcaption", has_text="Town Hall Square"))
    assert figure.locator("img").get_attribute("alt") == (
        "Kaunas Town Hall at dusk, the square lit up"
    )
    page.get_by_role("navigation", name="Language").get_by_role("link", name="Lietuviškai").click()
    page.wait_for_url(re.compile(r"/lt/naujienos/kaunas-unesco-besimokantis-miestas/$"))
    assert page.get_by_role("heading", level=1).inner_text() == (
        "Kaunas – UNESCO besimokantis miestas"
    )


def test_imported_content_pages_switch_language_too(browser_page, imported_site):
    page = browser_page
    page.goto(f"{imported_site}/lt/apie-kauna/istorija/")
    assert page.get_by_role("heading", name="Laikinoji sostinė").is_visible()
    page.get_by_role("navigation", name=re.compile("Kalba|Language")).get_by_role(
        "link", name="English"
    ).click()
    page.wait_for_url(re.compile(r"/en/about-kaunas/history/$"))
    assert page.get_by_role("heading", name="The temporary capital").is_visible()
    # An old address typed in still finds the page.
    page.goto(f"{imported_site}/apie-kauna/istorija/")
    page.wait_for_url(re.compile(r"/lt/apie-kauna/istorija/$"))
    assert page.get_by_role("heading", level=1).inner_text() == "Istorija"
