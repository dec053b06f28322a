"""The words a situation is read with besides `assistant/locale/situation.yml`: month names of every supported language
from CLDR (Babel), with the forms people type (case forms, and a name misspelt by one edit), and the events of a
leave request from the NLU synonyms."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import yaml
from babel.dates import get_month_names

from assistant.dates import misspelt_month
from assistant.folding import fold
from assistant.i18n import SUPPORTED_LANGUAGES
from assistant.i18n.languages import load_languages
from assistant.i18n.situation_words import Phrase, PhraseIndex, Token
from assistant.i18n.situation_words import phrase as make_phrase
from assistant.situation.facts import (
    EVENT_CATEGORIES,
    SYNONYMS,
)


@dataclass(frozen=True)
class _MonthForm:
    month: int
    exact: frozenset[str]
    stem: str | None  # a form may continue after this stem by a few letters (a case ending: "październiku")


@lru_cache(maxsize=1)
def _month_forms() -> tuple[_MonthForm, ...]:
    forms: list[_MonthForm] = []
    for code in SUPPORTED_LANGUAGES:
        for month in range(1, 13):
            names = {
                fold(get_month_names("wide", context, code)[month]).strip(". ") for context in ("format", "stand-alone")
            }
            names = {name for name in names if name and " " not in name}
            if not names:
                continue
            stem = names.pop() if len(names) == 1 else None
            if stem is not None:
                names.add(stem)
                stem = stem if len(stem) >= 6 else None
            else:
                common = _common_prefix(names)
                stem = common if len(common) >= 4 else None
            forms.append(_MonthForm(month, frozenset(names), stem))
    return tuple(forms)


def _common_prefix(words: Iterable[str]) -> str:
    words = sorted(words)
    first, last = words[0], words[-1]
    size = 0
    while size < min(len(first), len(last)) and first[size] == last[size]:
        size += 1
    return first[:size]


@lru_cache(maxsize=1)
def _month_names() -> tuple[dict[str, int], tuple[tuple[str, int], ...]]:
    """Month names (every form CLDR writes) and the stems a case ending may follow, of every language."""
    exact: dict[str, int] = {}
    stems: list[tuple[str, int]] = []
    for form in _month_forms():
        for name in form.exact:
            exact.setdefault(name, form.month)
        if form.stem:
            stems.append((form.stem, form.month))
    for code in SUPPORTED_LANGUAGES:  # the forms CLDR does not write: "w marcu", "martta", "у січні" (languages.yml)
        config = load_languages().get(code)
        for name, month in ((config.dates if config is not None else {}) or {}).get("months", {}).items():
            exact.setdefault(fold(str(name)).strip(". "), int(month))
    return exact, tuple(stems)


def month_of(token: Token) -> int | None:
    """The month a word names: a month name of any language, a case form of one ("październiku"), or a name misspelt
    by one edit ("okotber", "novmber"; `assistant.dates.misspelt_month`)."""
    word = token.stem
    exact, stems = _month_names()
    if word in exact:
        return exact[word]
    found = next((month for stem, month in stems if word.startswith(stem) and len(word) - len(stem) <= 4), None)
    if found is not None:
        return found
    misspelt = misspelt_month(word, exact)
    return exact[misspelt] if misspelt is not None else None


@lru_cache(maxsize=1)
def event_index() -> PhraseIndex:
    return PhraseIndex.of(_event_phrases())


@lru_cache(maxsize=1)
def _event_phrases() -> tuple[Phrase, ...]:
    """The `gebeurtenis` synonyms of every language (nlu_data/<code>/synonyms.yml) as phrases: one list of event
    words for the classifier and for this reader."""
    found: list[Phrase] = []
    for code in SUPPORTED_LANGUAGES:
        path = SYNONYMS / code / "synonyms.yml"
        if not path.exists():
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for entry in data.get("nlu") or []:
            category = (entry or {}).get("synonym")
            if category not in EVENT_CATEGORIES:
                continue
            for line in str(entry.get("examples") or "").splitlines():
                word = line.strip().lstrip("-").strip()
                if word:
                    found.append(make_phrase(word, code, category))
    return tuple(item for item in found if item.parts)
