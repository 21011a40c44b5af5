"""Content-Security-Policy in a real browser: no violation on the public site, in the Wagtail
page editor or in wagtail-localize's translation editor (headless Debian Chromium)."""

import contextlib
import json
import re

import pytest
from django.core.management import call_command
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from wagtail.models import Site
from wagtail_localize.models import Translation

from news.models import ArticlePage

from .conftest import PASSWORD

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

# Records every violation the browser reports, in every frame, before any page script runs.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolations.push(
        `${event.violatedDirective} blocked ${event.blockedURI || "inline"} ` +
        `at ${event.sourceFile}:${event.lineNumber} ${event.sample || ""}`
    );
});
"""


@pytest.fixture
def demo_site(live_server, django_user_model):
    call_command("load_demo", verbosity=0)
    host, port = live_server.url.removeprefix("http://").split(":")
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = host, int(port)
    site.save()
    django_user_model.objects.create_superuser("csp-admin", "csp@example.com", PASSWORD)
    return live_server.url


@pytest.fixture
def browser_context(browser):
    context = browser.new_context(locale="en-GB")
    context.add_init_script(RECORD_VIOLATIONS)
    console = []
    context.on(
        "console",
        lambda message: (
            console.append(message.text)
            if "Content Security Policy" in message.text
            or "Content-Security-Policy" in message.text
            else None
        ),
    )
    yield context, console
    context.close()


def violations(page, console):
    found = list(console)
    console.clear()
    for frame in page.frames:
        try:
            found += frame.evaluate("window.__cspViolations || []")
        except Exception:  # noqa: BLE001 - a frame that went away has nothing to report
            continue
    return found


def assert_no_violations(found):
    failures = {url: found_there for url, found_there in found.items() if found_there}
    assert not failures, json.dumps(failures, indent=1)


def visit(page, console, url, wait_for=None):
    response = page.goto(url, wait_until="networkidle")
    assert response.status < 400, (url, response.status)
    assert "content-security-policy" in response.headers, url
    if wait_for:
        page.wait_for_selector(wait_for, state="attached", timeout=15_000)
        page.wait_for_load_state("networkidle")
    return {url: violations(page, console)}


def public_urls(base):
    lt = ArticlePage.objects.live().filter(locale__language_code="lt").first()
    en = ArticlePage.objects.live().filter(locale__language_code="en").first()
    urls = ["/lt/", "/en/", "/lt/naujienos/", "/en/news/", lt.url, en.url]
    for language, query in (("lt", "Kaunas"), ("en", "learning")):
        with translation.override(language), contextlib.suppress(NoReverseMatch):
            urls.append(f"{reverse('search')}?q={query}")  # when there is a search page
    return [f"{base}{url}" for url in urls]


def test_public_site_has_no_csp_violations(browser_context, demo_site):
    context, console = browser_context
    page = context.new_page()
    found = {}
    for url in public_urls(demo_site):
        found |= visit(page, console, url)
    # The policy is the strict one: no inline code, scripts only from here (or with a nonce).
    header = page.goto(f"{demo_site}/lt/").headers["content-security-policy"]
    assert "'unsafe-inline'" not in header
    assert_no_violations(found)

    # The detector works: an injected inline script is blocked and reported.
    page.evaluate(
        """() => { const s = document.createElement("script");
                   s.textContent = "window.__ran = true"; document.body.append(s); }"""
    )
    page.wait_for_function("window.__cspViolations.length > 0")
    assert page.evaluate("window.__ran") is None
    assert "script-src" in violations(page, console)[0]


def log_in(page, base):
    page.goto(f"{base}/admin/login/")
    page.fill("input[name=username]", "csp-admin")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/admin/$"))


def test_admin_editors_have_no_csp_violations(browser_context, demo_site):
    context, console = browser_context
    page = context.new_page()
    log_in(page, demo_site)
    article = ArticlePage.objects.filter(locale__language_code="lt").first()
    english = (
        Translation.objects.filter(target_locale__language_code="en", enabled=True)
        .first()
        .get_target_instance()
    )
    found = {}
    found |= visit(page, console, f"{demo_site}/admin/")
    # The page editor, with its StreamField, date picker, tag field and preview panel.
    found |= visit(
        page,
        console,
        f"{demo_site}/admin/pages/{article.pk}/edit/",
        wait_for="[data-streamfield-stream-container], .w-form-width",
    )
    page.get_by_role("button", name=re.compile("Toggle preview|Preview")).first.click()
    page.wait_for_load_state("networkidle")
    found[f"{article.url} preview"] = violations(page, console)
    # wagtail-localize's translation editor (a React app) for an English edition.
    found |= visit(
        page,
        console,
        f"{demo_site}/admin/pages/{english.pk}/edit/",
        wait_for=".js-translation-editor *",
    )
    # The public site with the Wagtail user bar of a logged-in editor.
    found |= visit(page, console, f"{demo_site}{article.url}", wait_for="wagtail-userbar")
    assert_no_violations(found)
