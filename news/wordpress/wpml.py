"""Languages and translation groups of a WPML site.

They come from one of two places: the keys WPML's "Export and Import" add-on writes on every
post, page, attachment and term (``_wpml_import_*`` postmeta and termmeta), or a CSV dump of
WPML's ``icl_translations`` table given with ``--wpml-translations`` (which wins where both
exist). ``_icl_lang_duplicate_of`` marks a WPML duplicate: an untranslated copy.
"""

import csv
from dataclasses import dataclass

LANGUAGE_KEY = "_wpml_import_language_code"
SOURCE_LANGUAGE_KEY = "_wpml_import_source_language_code"
GROUP_KEY = "_wpml_import_translation_group"
DUPLICATE_KEY = "_icl_lang_duplicate_of"

CSV_COLUMNS = ("element_type", "element_id", "trid", "language_code", "source_language_code")
_NULL = {"", "null", "\\n"}


class WPMLError(Exception):
    """The WPML translations file cannot be used."""


@dataclass(frozen=True)
class Membership:
    language: str  # WordPress's language code, before mapping
    group: str  # the trid, an opaque string; "" when the item is in no group
    source_language: str = ""  # empty on the original
    duplicate_of: int = 0  # the original's post id, for a WPML duplicate

    @property
    def is_original(self):
        return not self.source_language


def _clean(value):
    value = (value or "").strip()
    return "" if value.lower() in _NULL else value


def read_icl_translations(path):
    """``{("post" | "tax", element_id): Membership}`` from a CSV dump of ``icl_translations``."""
    try:
        with open(path, newline="", encoding="utf-8-sig") as file:
            reader = csv.DictReader(file)
            columns = {name.strip().lower() for name in (reader.fieldnames or [])}
            missing = [name for name in CSV_COLUMNS if name not in columns]
            if missing:
                raise WPMLError(
                    f"{path}: not a dump of icl_translations, missing column(s) "
                    f"{', '.join(missing)} (it needs {', '.join(CSV_COLUMNS)})"
                )
            entries = {}
            for number, raw in enumerate(reader, start=2):
                row = {(key or "").strip().lower(): value for key, value in raw.items()}
                element_type = _clean(row["element_type"])
                kind = element_type.split("_", 1)[0]
                if kind not in ("post", "tax"):
                    continue  # strings, packages, comments: nothing this importer reads
                try:
                    element_id = int(_clean(row["element_id"]))
                except ValueError:
                    raise WPMLError(f"{path}, line {number}: element_id is not a number") from None
                entries[(kind, element_id)] = Membership(
                    language=_clean(row["language_code"]),
                    group=_clean(row["trid"]),
                    source_language=_clean(row["source_language_code"]),
                )
            return entries
    except OSError as error:
        raise WPMLError(f"cannot read {path}: {error}") from error
    except (csv.Error, UnicodeDecodeError) as error:
        raise WPMLError(f"{path} is not a readable CSV file: {error}") from error


class Translations:
    """Where each item and term stands in WPML: its language and its group."""

    def __init__(self, csv_entries=None):
        self.csv_entries = csv_entries or {}

    @classmethod
    def from_csv(cls, path):
        return cls(read_icl_translations(path) if path else None)

    def _membership(self, kind, element_id, meta):
        duplicate_of = _int(_first(meta, DUPLICATE_KEY))
        entry = self.csv_entries.get((kind, element_id))
        if entry is not None:
            return Membership(entry.language, entry.group, entry.source_language, duplicate_of)
        language = _clean(_first(meta, LANGUAGE_KEY))
        if not language:
            return None
        return Membership(
            language=language,
            group=_clean(_first(meta, GROUP_KEY)),
            source_language=_clean(_first(meta, SOURCE_LANGUAGE_KEY)),
            duplicate_of=duplicate_of,
        )

    def for_item(self, item):
        return self._membership("post", item.wp_id, item.meta)

    def for_term(self, term):
        # icl_translations names a term by its term_taxonomy_id, which the export does not
        # carry: it is matched to the term id (the same number on most sites).
        return self._membership("tax", term.term_id, term.meta)


def _first(meta, key):
    values = meta.get(key)
    return values[0] if values else ""


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


class LanguageMap:
    """WordPress language codes to the site's content languages (``--language wp=wagtail``)."""

    def __init__(self, content_languages, mapping=None, default=""):
        self.content_languages = set(content_languages)
        self.mapping = {key.lower(): value for key, value in (mapping or {}).items()}
        self.default = default

    def resolve(self, wp_code):
        """The content language of a WordPress code, or None when the site has no such one."""
        if not wp_code:
            return self.default or None
        code = wp_code.lower()
        if code in self.mapping:
            return self.mapping[code]
        for candidate in (code, code.replace("_", "-").split("-")[0]):
            if candidate in self.content_languages:
                return candidate
        return None
