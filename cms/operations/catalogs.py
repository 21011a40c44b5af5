"""Compile the UI translation catalogs (.po to .mo) without GNU gettext.

Django's `compilemessages` needs `msgfmt`, which a machine with only Python and pip lacks;
polib (a wagtail-localize dependency) writes the same .mo files.
"""

from pathlib import Path

import polib


def compile_catalogs(locale_dirs):
    """Write a .mo next to every .po under the given locale folders; return the .mo paths."""
    written = []
    for locale_dir in locale_dirs:
        for po_path in sorted(Path(locale_dir).glob("*/LC_MESSAGES/*.po")):
            mo_path = po_path.with_suffix(".mo")
            polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
            written.append(mo_path)
    return written
