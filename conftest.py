"""Project-wide pytest set-up: compiled UI translations and the headless browser."""

import gettext
import os
import shutil
from pathlib import Path

import pytest

from cms.operations.catalogs import compile_catalogs

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


def pytest_configure(config):
    compile_catalogs([Path(__file__).parent / "locale"])
    # Django was set up before this hook and may have loaded a catalog already (from a fresh
    # checkout: without our .mo files; after a .po changed: the .mo before it). Python's
    # gettext keeps every .mo it read by path, and Django reloads its catalogs as
    # override_settings makes it.
    gettext._translations.clear()
    from django.conf import settings
    from django.core.signals import setting_changed

    setting_changed.send(
        sender=None, setting="LOCALE_PATHS", value=settings.LOCALE_PATHS, enter=False
    )


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright; never a downloaded browser.

    In CI a missing Chromium fails the run; elsewhere the browser tests skip with a hint.
    """
    if not Path(CHROMIUM).exists():
        message = "Chromium not found: install Debian's package (`apt-get install chromium`)"
        if os.environ.get("CI"):
            pytest.fail(f"{message}; browser tests are mandatory in CI.")
        pytest.skip(f"{message} to run the browser tests.")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the live server's ORM calls
    # happen in another thread, but Django's guard looks only at the running loop.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def browser_page(browser):
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    yield page
    context.close()
