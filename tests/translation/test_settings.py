"""Machine translation is configured from the environment; tests use the dummy translator."""

import pytest
from django.conf import settings
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.machine_translators.deepl import DeepLTranslator
from wagtail_localize.machine_translators.libretranslate import LibreTranslator

from cms.settings.base import machine_translator_from_env


@pytest.fixture
def environment(monkeypatch):
    for name in ("DEEPL_API_KEY", "LIBRETRANSLATE_URL", "LIBRETRANSLATE_API_KEY"):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_deepl_with_its_key(environment, settings):
    environment.setenv("DEEPL_API_KEY", "secret:fx")
    environment.setenv("LIBRETRANSLATE_URL", "https://translate.example.org")
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator_from_env()
    translator = get_machine_translator()
    assert isinstance(translator, DeepLTranslator)
    assert translator.get_api_endpoint() == "https://api-free.deepl.com/v2/translate"


def test_libretranslate_with_its_address_and_optional_key(environment, settings):
    environment.setenv("LIBRETRANSLATE_URL", "https://translate.example.org/")
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator_from_env()
    translator = get_machine_translator()
    assert isinstance(translator, LibreTranslator)
    assert translator.get_api_endpoint() == "https://translate.example.org"
    assert translator.options["API_KEY"] == ""

    environment.setenv("LIBRETRANSLATE_API_KEY", "key")
    assert machine_translator_from_env()["OPTIONS"]["API_KEY"] == "key"


def test_none_without_configuration(environment):
    assert machine_translator_from_env() is None


def test_tests_use_the_dummy_translator():
    assert settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR["CLASS"].endswith(".DummyTranslator")
    assert settings.WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE is False
