"""Translations of user-facing texts with Babel catalogs; Dutch is the source language.

Message ids are the Dutch texts themselves. Catalogs live in `assistant/locale/<lang>/LC_MESSAGES/messages.po`
and are read with Babel (`read_po`) once per process. Fuzzy entries (a translation whose Dutch source changed and
that has not been reviewed) are never shown: the Dutch text is used instead. Texts shown to a user in a whole
message (answers, bot responses) go through `Localiser`, which adds a short notice in the user's language when a
piece had to stay Dutch.

A text with variable parts is one Dutch template with named placeholders (`_("Meld binnen {days} schooldagen.")`),
translated first and filled in afterwards, so every language keeps its own word order. A whole number may be written
as a word of the language with the `words` format (`_("in de laatste {weeks:words} lesweken")`: "vier", "four"), so
a legal number the Dutch writes as a word still comes from the dated parameters, never from the text. Rules that build
texts without knowing the language return a `Message` (template and values); the value of a placeholder may itself be a
`Message` (translated too), a date, a `Decimal` or a list (written the way the language writes dates, numbers and
lists).

The languages come from `assistant/locale/languages.yml`; nothing here lists them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

from babel.messages.pofile import read_po

from assistant.i18n.languages import LOCALE_DIR, Language, load_languages

_CONFIG = load_languages()
SOURCE_LANGUAGE: str = _CONFIG.source
SUPPORTED_LANGUAGES: tuple[str, ...] = _CONFIG.codes
RTL_LANGUAGES: frozenset[str] = frozenset(language.code for language in _CONFIG.supported if language.dir == "rtl")
LANGUAGE_NAMES: dict[str, str] = {language.code: language.name for language in _CONFIG.supported}

__all__ = [
    "LANGUAGE_NAMES",
    "LOCALE_DIR",
    "RTL_LANGUAGES",
    "SOURCE_LANGUAGE",
    "SUPPORTED_LANGUAGES",
    "UNTRANSLATED_NOTICE",
    "Language",
    "Localiser",
    "Message",
    "_",
    "accepted_language",
    "best_match",
    "catalog_path",
    "clear_caches",
    "language_of_message",
    "language_options",
    "lookup",
    "message_from_json",
    "message_to_json",
    "normalise_language",
    "text_direction",
    "translate",
]


def _(message: str) -> str:
    """Mark a Dutch source text for extraction; translation happens at render time with `translate`."""
    return message


@dataclass(frozen=True, eq=True)
class Message:
    """A Dutch source text marked with `_()` and the values of its `{placeholders}`, translated where it is shown
    (`translate(message, language)`, `Localiser(language)(message)`). `str(message)` is the Dutch text.

    A value may be a `Message` (translated into the same language), a `datetime.date` (written in the language's
    long date format: "13 maart 2026", "March 13, 2026"), a `decimal.Decimal` (with the language's decimal and
    grouping signs: "12,5" and "1.000" in Dutch, "12.5" and "1,000" in English), a list (joined as the language
    joins lists: "Hengelo, Borne en Enschede", "Hengelo, Borne, and Enschede") or anything else (as it is).
    """

    template: str
    values: Mapping[str, Any] = field(default_factory=dict)

    def __str__(self) -> str:
        return translate(self, SOURCE_LANGUAGE)

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)


class _Whole(int):
    """A whole number that `{name:words}` writes as a word of its language ("vier", "four", "dört")."""

    language: str

    def __new__(cls, value: int, language: str) -> _Whole:
        number = super().__new__(cls, value)
        number.language = language
        return number

    def __format__(self, spec: str) -> str:
        if spec != "words":
            return format(int(self), spec)
        from num2words import num2words

        try:
            return str(num2words(int(self), lang=self.language))
        except NotImplementedError:  # a language num2words does not know: digits
            return str(int(self))


def _value(value: Any, language: str, message: Any) -> Any:
    """A placeholder value as the reader of `language` sees it (`message` translates nested Messages)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return _Whole(value, language)
    if isinstance(value, Message):
        return message(value)
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        from assistant.i18n.formatting import format_date

        return format_date(value, language)
    if isinstance(value, Decimal):
        from assistant.i18n.formatting import format_number

        return format_number(value, language)
    if isinstance(value, list | tuple):
        from babel.lists import format_list

        return format_list([str(_value(item, language, message)) for item in value], locale=language)
    return value


def _fill(text: str, values: Mapping[str, Any]) -> str:
    """`text` with its values, without a doubled full stop where a value ends with one ("6 грудня 2026 р." before
    the sentence's own "."). The values are already written for the reader (`_value`)."""
    for key, value in values.items():
        if isinstance(value, str) and value.endswith("."):
            text = text.replace("{" + key + "}.", "{" + key + "}")
    return text.format(**values)


def message_to_json(message: Message) -> dict[str, Any]:
    """A Message as JSON (for a database column), so that it can be shown later in any language with its values
    still written the way that language writes them. Values: dates, Decimals, Messages, lists, or JSON scalars."""
    return {"template": message.template, "values": {name: _encode(value) for name, value in message.values.items()}}


def message_from_json(data: Mapping[str, Any]) -> Message:
    """The Message `message_to_json` wrote; raises ValueError for anything else."""
    if (
        not isinstance(data, Mapping)
        or not isinstance(data.get("template"), str)
        or not isinstance(data.get("values", {}), Mapping)
    ):
        raise ValueError("not a stored message")
    return Message(data["template"], {name: _decode(value) for name, value in data.get("values", {}).items()})


def _encode(value: Any) -> Any:
    if isinstance(value, Message):
        return {"message": message_to_json(value)}
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return {"date": value.isoformat()}
    if isinstance(value, Decimal):
        return {"decimal": str(value)}
    if isinstance(value, list | tuple):
        return {"list": [_encode(item) for item in value]}
    if value is None or isinstance(value, bool | int | float | str):
        return {"value": value}
    raise TypeError(f"cannot store a value of type {type(value).__name__} in a message")


def _decode(value: Any) -> Any:
    if not isinstance(value, Mapping) or len(value) != 1:
        raise ValueError("not a stored message value")
    ((kind, data),) = value.items()
    if kind == "message":
        return message_from_json(data)
    if kind == "date":
        return dt.date.fromisoformat(data)
    if kind == "decimal":
        return Decimal(data)
    if kind == "list":
        return [_decode(item) for item in data]
    if kind == "value":
        return data
    raise ValueError(f"unknown stored value kind {kind!r}")


UNTRANSLATED_NOTICE = _("Deze tekst is nog niet vertaald. Hieronder staat hij in het Nederlands.")


def catalog_path(language: str) -> Path:
    """The `.po` catalog of `language` (it may not exist yet)."""
    return LOCALE_DIR / language / "LC_MESSAGES" / "messages.po"


@lru_cache
def _catalog(language: str) -> dict[str, str]:
    """The reviewed translations of `language`: msgid -> msgstr, without fuzzy or empty entries."""
    path = catalog_path(language)
    if not path.exists():
        return {}
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=language)
    return {
        str(message.id): str(message.string)
        for message in catalog
        if message.id and isinstance(message.id, str) and message.string and not message.fuzzy
    }


def normalise_language(language: str | None) -> str:
    """A supported language code for `language` ("EN-gb" -> "en"); Dutch for anything else."""
    if not language:
        return SOURCE_LANGUAGE
    code = language.strip().lower().replace("_", "-").split("-")[0]
    return code if code in SUPPORTED_LANGUAGES else SOURCE_LANGUAGE


def lookup(message: str, language: str | None) -> str | None:
    """The reviewed translation of the Dutch `message` (surrounding whitespace ignored), or None when there is none.

    Dutch returns the message itself.
    """
    language = normalise_language(language)
    key = message.strip()
    if language == SOURCE_LANGUAGE:
        return key
    return _catalog(language).get(key)


def translate(message: str | Message, language: str | None, **values: object) -> str:
    """The text in `language` (Dutch when no reviewed translation exists), with `{name}` values filled in.

    `message` may be a `Message`. Values (its own and `values`) that are Messages, dates, Decimals or lists are
    written in `language` too (see `Message`)."""
    language = normalise_language(language)
    if isinstance(message, Message):
        values = {**message.values, **values}
        message = message.template
    text = message if language == SOURCE_LANGUAGE else _catalog(language).get(message, message)
    if not values:
        return text
    return _fill(
        text,
        {key: _value(value, language, lambda nested: translate(nested, language)) for key, value in values.items()},
    )


class Localiser:
    """Translates the pieces of one bot message and remembers whether any piece had to stay Dutch.

    >>> loc = Localiser("en")
    >>> text = "\\n\\n".join([loc(short), loc(step)])   # doctest: +SKIP
    >>> loc.finish(text)                                 # adds the "not translated yet" notice when needed
    """

    def __init__(self, language: str | None) -> None:
        self.language = normalise_language(language)
        self.untranslated: list[str] = []

    def __call__(self, message: str | Message, **values: object) -> str:
        if isinstance(message, Message):
            values = {**message.values, **values}
            message = message.template
        found = lookup(message, self.language)
        if found is None:
            found = message.strip()
            if any(char.isalpha() for char in found):
                self.untranslated.append(found)
        if not values:
            return found
        return _fill(found, {key: _value(value, self.language, self) for key, value in values.items()})

    @property
    def complete(self) -> bool:
        return not self.untranslated

    def finish(self, text: str) -> str:
        """`text` with the notice in the user's language before it when a piece of it stayed Dutch."""
        if self.complete or not text:
            return text
        return f"{translate(UNTRANSLATED_NOTICE, self.language)}\n\n{text}"


def language_of_message(message: dict | None) -> str:
    """The conversation language in a Rasa message's metadata (`tracker.latest_message["metadata"]["language"]`,
    put there by the gateway), normalised; Dutch when absent or unsupported."""
    metadata = (message or {}).get("metadata") if isinstance(message, dict) else None
    language = metadata.get("language") if isinstance(metadata, dict) else None
    return normalise_language(language if isinstance(language, str) else None)


def text_direction(language: str | None) -> str:
    """ "rtl" or "ltr" for the chat page's `<html dir=…>` and message bubbles."""
    return "rtl" if normalise_language(language) in RTL_LANGUAGES else "ltr"


def language_options() -> list[dict[str, str]]:
    """The language picker's entries in configuration order: code, native name, direction."""
    return [{"code": lang.code, "name": lang.name, "dir": lang.dir} for lang in _CONFIG.supported]


def best_match(accept_language: str | None) -> str:
    """The first supported language in an Accept-Language header, else Dutch."""
    return accepted_language(accept_language) or SOURCE_LANGUAGE


def accepted_language(accept_language: str | None) -> str | None:
    """The supported language the Accept-Language header prefers most, or None when it names none."""
    if not accept_language:
        return None
    ranked: list[tuple[float, str]] = []
    for part in accept_language.split(","):
        pieces = part.strip().split(";q=")
        try:
            weight = float(pieces[1]) if len(pieces) > 1 else 1.0
        except ValueError:
            weight = 0.0
        ranked.append((weight, pieces[0]))
    for weight, tag in sorted(ranked, key=lambda item: -item[0]):
        code = tag.strip().lower().split("-")[0]
        if code in SUPPORTED_LANGUAGES and weight > 0:
            return code
    return None


def clear_caches() -> None:
    """Forget the loaded catalogs (tests, or after `make i18n-update`)."""
    _catalog.cache_clear()
