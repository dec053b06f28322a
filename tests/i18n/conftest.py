"""Shared helpers for the translation tests: the template, the catalogs and the live extraction."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from assistant.i18n import LOCALE_DIR, SOURCE_LANGUAGE, SUPPORTED_LANGUAGES, catalog_path

ROOT = Path(__file__).resolve().parents[2]
TRANSLATED_LANGUAGES = tuple(code for code in SUPPORTED_LANGUAGES if code != SOURCE_LANGUAGE)


@lru_cache
def template() -> Catalog:
    with (LOCALE_DIR / "messages.pot").open("rb") as handle:
        return read_po(handle)


@lru_cache
def catalog(language: str) -> Catalog:
    with catalog_path(language).open("rb") as handle:
        return read_po(handle, locale=language)


@lru_cache
def extracted_now() -> frozenset[str]:
    """What `make i18n-extract` would put in the template today (babel.cfg, all extractors)."""
    from babel.messages.extract import extract_from_dir
    from babel.messages.frontend import parse_mapping_cfg

    with (ROOT / "babel.cfg").open(encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    found = set()
    for _filename, _lineno, message, _comments, _context in extract_from_dir(
        str(ROOT), method_map, options_map, keywords={"_": None}
    ):
        if isinstance(message, str) and message:
            found.add(message)
    return frozenset(found)
