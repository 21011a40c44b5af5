"""The promises of the README and the UI catalog hold."""

import re
import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from django.utils import translation

ROOT = Path(__file__).resolve().parent.parent
CATALOG = ROOT / "locale" / "lt" / "LC_MESSAGES" / "django.po"


def readme_commands():
    return re.findall(r"```sh\n(python3 -m venv .*?)\n```", (ROOT / "README.md").read_text())


def test_readme_has_the_two_setup_commands():
    run_site, run_tests = readme_commands()
    assert "load_demo" in run_site and "runserver 127.0.0.1:8000" in run_site
    assert run_tests.endswith(".venv/bin/pytest")


def test_ci_runs_the_readme_test_command_verbatim():
    _, run_tests = readme_commands()
    ci_script = (ROOT / ".ci" / "run").read_text()
    assert f"    {run_tests}\n" in ci_script


def test_lithuanian_catalog_is_complete_with_three_plural_forms():
    catalog = polib.pofile(str(CATALOG))
    assert catalog.metadata["Plural-Forms"].startswith("nplurals=3;")
    assert catalog.percent_translated() == 100
    assert not catalog.fuzzy_entries()
    for entry in catalog:
        if entry.msgid_plural:
            assert len(entry.msgstr_plural) == 3 and all(entry.msgstr_plural.values())


@pytest.mark.skipif(not shutil.which("msgfmt"), reason="GNU gettext's msgfmt is not installed")
def test_lithuanian_catalog_passes_msgfmt_check():
    result = subprocess.run(
        ["msgfmt", "-c", "-o", "/dev/null", str(CATALOG)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (1, "1 straipsnis"),
        (21, "21 straipsnis"),
        (3, "3 straipsniai"),
        (11, "11 straipsnių"),
        (10, "10 straipsnių"),
        (25, "25 straipsniai"),
    ],
)
def test_lithuanian_plural_forms_are_used(count, expected):

    with translation.override("lt"):
        text = translation.ngettext("%(counter)s article", "%(counter)s articles", count)
    assert text % {"counter": count} == expected
