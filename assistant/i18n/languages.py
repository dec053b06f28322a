"""The supported languages, read once from `assistant/locale/languages.yml` (the only place that lists them)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import yaml

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
LANGUAGES_FILE = LOCALE_DIR / "languages.yml"


@dataclass(frozen=True)
class Language:
    code: str
    english: str
    name: str = ""
    dir: Literal["ltr", "rtl"] = "ltr"
    lingua: str | None = None
    aliases: tuple[str, ...] = ()
    script: str | None = None
    supported: bool = True
    dates: dict[str, Any] = field(default_factory=dict, hash=False)  # date words (assistant.dates), optional
    # words of a correction in the verlof form (assistant.verlof_requests.interpret), optional
    corrections: dict[str, Any] = field(default_factory=dict, hash=False)
    # words that make a message a question, and that ask whether the assistant is a person (assistant.i18n.phrases)
    questions: dict[str, list[str]] = field(default_factory=dict, hash=False)
    disclosure: dict[str, list[str]] = field(default_factory=dict, hash=False)
    # words that ask for one point of a topic: a deadline, a consequence, what comes next, how to apply, who decides,
    # whom a rule applies to, an amount, the reason, a contact, what holds meanwhile, the evidence, the contents
    # (assistant.i18n.phrases.asked_points)
    points: dict[str, list[str]] = field(default_factory=dict, hash=False)


@dataclass(frozen=True)
class LanguageConfig:
    source: str
    supported: tuple[Language, ...]
    unsupported: tuple[Language, ...]

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(language.code for language in self.supported)

    def get(self, code: str) -> Language | None:
        return next((language for language in (*self.supported, *self.unsupported) if language.code == code), None)


def _language(entry: dict, *, supported: bool) -> Language:
    code = str(entry["code"]).strip().lower()
    direction = entry.get("dir", "ltr")
    if direction not in ("ltr", "rtl"):
        raise ValueError(f"{LANGUAGES_FILE.name}: language {code}: dir must be ltr or rtl, not {direction!r}")
    return Language(
        code=code,
        english=str(entry.get("english") or code),
        name=str(entry.get("name") or entry.get("english") or code),
        dir=direction,
        lingua=entry.get("lingua") or None,
        aliases=tuple(str(alias).casefold() for alias in entry.get("aliases") or ()),
        script=entry.get("script"),
        supported=supported,
        dates=_date_words(code, entry.get("dates")),
        corrections=_correction_words(code, entry.get("corrections")),
        questions=_word_lists(code, "questions", entry.get("questions"), _QUESTION_KEYS),
        disclosure=_word_lists(code, "disclosure", entry.get("disclosure"), _DISCLOSURE_KEYS),
        points=_word_lists(code, "points", entry.get("points"), set(POINT_KINDS)),
    )


_DATE_KEYS = {"relative", "to", "next_week", "ordinals", "day_month", "months", "filler"}


def _date_words(code: str, value: Any) -> dict[str, Any]:
    """The optional `dates` entry: relative words by day offset, range words, "next week", ordinal endings, words
    between a day and its month ("of"), extra month abbreviations and the words that may stand around an answer that
    is only a date ("from", "on") (see `assistant.dates`)."""
    if value is None:
        return {}
    if not isinstance(value, dict) or not set(value) <= _DATE_KEYS:
        raise ValueError(f"{LANGUAGES_FILE.name}: language {code}: dates may only have {sorted(_DATE_KEYS)}")
    for offset in value.get("relative") or {}:
        if not isinstance(offset, int):
            raise ValueError(
                f"{LANGUAGES_FILE.name}: language {code}: relative words are keyed by day offset "
                f"(-1, 0, 1, …), not {offset!r}"
            )
    for key in ("to", "next_week", "ordinals", "day_month", "filler"):
        _words_list(code, f"dates.{key}", value.get(key))
    return value


_CORRECTION_KEYS = {"fields", "wrong", "value_after", "value_before", "lead", "filler"}


def _words_list(code: str, where: str, words: Any) -> list[str]:
    """A list of words; a word YAML would read as something else (`no`, `on`: booleans) must be quoted."""
    if words is None:
        return []
    if not isinstance(words, list) or not all(isinstance(word, str) for word in words):
        raise ValueError(
            f"{LANGUAGES_FILE.name}: language {code}: {where} must be a list of words "
            f'(quote words such as "no" and "on"), not {words!r}'
        )
    return words


def _correction_words(code: str, value: Any) -> dict[str, Any]:
    """The optional `corrections` entry: the words that name each answer of the verlof form (`fields`), say that it
    is wrong, stand before or after the new value, lead a sentence or fill it (see
    `assistant.verlof_requests.interpret`)."""
    if value is None:
        return {}
    if not isinstance(value, dict) or not set(value) <= _CORRECTION_KEYS:
        raise ValueError(
            f"{LANGUAGES_FILE.name}: language {code}: corrections may only have {sorted(_CORRECTION_KEYS)}"
        )
    fields = value.get("fields") or {}
    if not isinstance(fields, dict):
        raise ValueError(f"{LANGUAGES_FILE.name}: language {code}: corrections.fields maps a field to its words")
    for name, words in fields.items():
        _words_list(code, f"corrections.fields.{name}", words)
    for key in _CORRECTION_KEYS - {"fields"}:
        _words_list(code, f"corrections.{key}", value.get(key))
    return value


_QUESTION_KEYS = {"start", "particles", "open", "answers", "joins", "apply"}
_DISCLOSURE_KEYS = {"asks", "beings", "alone"}
# The points of a topic a question can ask for (the `points` entry; assistant.knowledge.passages answers them).
POINT_KINDS = (
    *("deadline", "consequence", "next", "procedure", "decider", "scope"),
    *("amount", "reason", "contact", "pending", "evidence", "contents"),
)


def _word_lists(code: str, name: str, value: Any, keys: set[str]) -> dict[str, list[str]]:
    """An optional entry of named word lists (`questions`, `disclosure`, `points`; see `assistant.i18n.phrases`)."""
    if value is None:
        return {}
    if not isinstance(value, dict) or not set(value) <= keys:
        raise ValueError(f"{LANGUAGES_FILE.name}: language {code}: {name} may only have {sorted(keys)}")
    return {key: _words_list(code, f"{name}.{key}", words) for key, words in value.items()}


@lru_cache
def load_languages(path: Path = LANGUAGES_FILE) -> LanguageConfig:
    with path.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    supported = tuple(_language(entry, supported=True) for entry in data["supported"])
    unsupported = tuple(_language(entry, supported=False) for entry in data.get("unsupported") or ())
    codes = [language.code for language in (*supported, *unsupported)]
    if len(codes) != len(set(codes)):
        raise ValueError(f"{path.name}: a language code appears twice")
    source = str(data.get("source", "nl"))
    if source not in {language.code for language in supported}:
        raise ValueError(f"{path.name}: the source language {source!r} is not in `supported`")
    return LanguageConfig(source=source, supported=supported, unsupported=unsupported)
