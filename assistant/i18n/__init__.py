"""Translations of user-facing texts with Babel catalogs; Dutch is the source language.

Message ids are the Dutch texts themselves. Catalogs live in `assistant/locale/<lang>/LC_MESSAGES/messages.po`
and are read with Babel at start-up. Fuzzy entries (a translation whose Dutch source changed and that has not been
reviewed) are never shown: the Dutch text is used instead.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from babel.messages.pofile import read_po

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
SOURCE_LANGUAGE = "nl"
SUPPORTED_LANGUAGES: tuple[str, ...] = ("nl", "en", "ar", "uk", "tr", "pl")
RTL_LANGUAGES = frozenset({"ar"})
LANGUAGE_NAMES = {
    "nl": "Nederlands",
    "en": "English",
    "ar": "العربية",
    "uk": "Українська",
    "tr": "Türkçe",
    "pl": "Polski",
}


def _(message: str) -> str:
    """Mark a Dutch source text for extraction; translation happens at render time with `translate`."""
    return message


@lru_cache
def _catalog(language: str) -> dict[str, str]:
    path = LOCALE_DIR / language / "LC_MESSAGES" / "messages.po"
    if not path.exists():
        return {}
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=language)
    return {
        str(message.id): str(message.string)
        for message in catalog
        if message.id and message.string and not message.fuzzy
    }


def normalise_language(language: str | None) -> str:
    if not language:
        return SOURCE_LANGUAGE
    code = language.strip().lower().replace("_", "-").split("-")[0]
    return code if code in SUPPORTED_LANGUAGES else SOURCE_LANGUAGE


def translate(message: str, language: str | None, **values: object) -> str:
    """The text in `language` (Dutch when no reviewed translation exists), with `{name}` values filled in."""
    language = normalise_language(language)
    text = message if language == SOURCE_LANGUAGE else _catalog(language).get(message, message)
    return text.format(**values) if values else text


def best_match(accept_language: str | None) -> str:
    """The first supported language in an Accept-Language header, else Dutch."""
    if not accept_language:
        return SOURCE_LANGUAGE
    ranked: list[tuple[float, str]] = []
    for part in accept_language.split(","):
        pieces = part.strip().split(";q=")
        try:
            weight = float(pieces[1]) if len(pieces) > 1 else 1.0
        except ValueError:
            weight = 0.0
        ranked.append((weight, pieces[0]))
    for _weight, tag in sorted(ranked, key=lambda item: -item[0]):
        code = tag.strip().lower().split("-")[0]
        if code in SUPPORTED_LANGUAGES:
            return code
    return SOURCE_LANGUAGE
