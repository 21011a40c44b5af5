"""What a reader sees in a real browser: headless Debian Chromium driven by Playwright."""

import re

import pytest
from django.core.management import call_command
from wagtail.models import Site

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo_site(live_server):
    call_command("load_demo", verbosity=0)
    # Full URLs (canonical, hreflang) should point at the live server, as they would in a
    # deployment whose Site record names its public host.
    host, port = live_server.url.removeprefix("http://").split(":")
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = host, int(port)
    site.save()  # save(), not update(): it clears Wagtail's cached site root paths
    return live_server.url


def test_reader_reads_facts_switches_language_and_follows_more_news(browser_page, demo_site):
    page = browser_page
    page.goto(f"{demo_site}/en/news/")
    page.get_by_role("main").get_by_role("link", name=re.compile("Learning City")).first.click()
    assert page.locator("html").get_attribute("lang") == "en"

    table = page.get_by_role("table", name=re.compile("Facts"))
    assert table.is_visible()
    row_headers = table.locator("tbody th[scope=row]").all_inner_texts()
    assert "Population" in row_headers
    population = table.locator("tbody tr", has=page.locator("th", has_text="Population"))
    assert "305" in population.locator("td").first.inner_text()
    assert page.locator("ol li#ref-1 a[href^='https://www.uil.unesco.org']").count() == 1

    english_url = page.url
    page.get_by_role("navigation", name="Language").get_by_role("link", name="Lietuviškai").click()
    page.wait_for_url(re.compile(r"/lt/naujienos/[^/]+/$"))
    assert page.locator("html").get_attribute("lang") == "lt"
    assert page.get_by_role("table", name=re.compile("Faktai")).is_visible()
    assert page.locator(f"link[rel=alternate][hreflang=en][href='{english_url}']").count() == 1

    more_news = page.get_by_role("complementary", name="Daugiau naujienų")
    # The cards' titles (each card also links its topics, issue 12).
    links = more_news.get_by_role("heading").get_by_role("link")
    assert links.count() == 3
    target_title = links.first.inner_text()
    links.first.click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == target_title
    assert "/lt/naujienos/" in page.url


def test_reader_follows_a_topic_and_switches_its_language(browser_page, demo_site):
    page = browser_page
    page.goto(f"{demo_site}/en/news/kaunas-learning-city/")
    topics = page.get_by_role("list", name="Topics").first
    assert topics.get_by_role("link").all_inner_texts() == ["learning city", "UNESCO", "education"]
    topics.get_by_role("link", name="education").click()
    page.wait_for_url(f"{demo_site}/en/topics/education/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", level=1).inner_text() == "education"
    titles = page.get_by_role("main").get_by_role("heading", level=2).all_inner_texts()
    assert "Kaunas, a UNESCO Learning City where knowledge shapes the future" in titles

    page.get_by_role("navigation", name="Language").get_by_role("link", name="Lietuviškai").click()
    page.wait_for_url(f"{demo_site}/lt/temos/svietimas/")
    assert page.locator("html").get_attribute("lang") == "lt"
    assert page.get_by_role("heading", level=1).inner_text() == "švietimas"
    cards = page.get_by_role("main").get_by_role("heading", level=2).all_inner_texts()
    assert "Kaunas – UNESCO besimokantis miestas, kuriame žinios kuria ateitį" in cards
    assert len(cards) == len(titles)
