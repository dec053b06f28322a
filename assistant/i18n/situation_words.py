"""The words of `assistant/locale/situation.yml`, folded and compiled once, and a token matcher over them: the one
vocabulary the chat's situational reading (`assistant.situation`) and the verlof form
(`assistant.verlof_requests.interpret`) read typed text with.

A message is folded as `assistant.folding.fold` folds it (case, accents, marks, apostrophes, digits of any script) and
cut into tokens: words (an apostrophe inside a word stays: "п'ять", "ekim'de"), numbers ("16", "1,5") and dashes.
Phrases from the words file are sequences of tokens; a token ending in * matches any word that starts with it,
{n} matches a number: digits, or a number word of the phrase's own language, and {nth} an ordinal: digits with an
ordinal ending of the phrase's language ("17e", "17de", "17th"; the `dates.ordinals` of `languages.yml`), or an
ordinal word of that language ("zeventiende").

Number words are not listed by hand: num2words writes 0-100 (and the ordinals 1-100) in every supported language,
and the words file adds only the forms it does not write (case forms such as "трьох", fractions such as
"anderhalf"). Words written as one ("onbeş") and apart ("on beş") are the same number, as are "twenty-one" and
"twenty one".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import yaml

from assistant.folding import fold
from assistant.i18n import SOURCE_LANGUAGE, SUPPORTED_LANGUAGES
from assistant.i18n.languages import LOCALE_DIR, load_languages
from assistant.i18n.number_words import number_words, ordinal_words

WORDS_FILE = LOCALE_DIR / "situation.yml"
UNITS = ("day", "week", "month", "hour", "year")
NUMBER_WORDS_UP_TO = 100
_TOKEN = re.compile(r"\d+(?:[.,]\d+)?|[^\W\d_]+(?:'[^\W\d_]+)*|[-–]")
_LIST_KEYS = (
    "one",
    "minus",
    "minutes",
    "not_age",
    "not_age_before",
    "any_day",
    "turns_in",
    "turned_in",
    "age",
    "age_when",
    "age_subject",
    "birth",
    "turns",
    "in_time",
    "before",
    "after",
    "month_before",
    "ambiguous_months",
    "prior_leave",
    "self_employed",
    "workplace",
    "unknown",
    "sick_report",
    "sick",
    "say",
    "really_ill",
    "trip",
    "abroad",
    "kwalificatie_exempt",
    "year_skipped",
    "long_term",
    "frequent",
    "timing",
    "kin_mine",
    "kin_child",
    "kin_of_child",
    "kin_filler",
    "afterwards",
    "permission",
)
_MAP_KEYS = (
    "units",
    "grade",
    "school_type",
    "holidays",
    "reasons",
    "roles",
    "absence_cases",
    "asks_about",
    "concerns",
    "kin",
    "kin_degree",
    "points",
    "turns_on",
)
_KNOWN_KEYS = {*_LIST_KEYS, *_MAP_KEYS, "single", "numbers"}


@dataclass(frozen=True)
class Token:
    text: str  # folded
    start: int  # index in the folded text
    end: int

    @property
    def is_digits(self) -> bool:
        return self.text[0].isdigit()

    @property
    def stem(self) -> str:
        """The word without a suffix after an apostrophe ("ekim'de" -> "ekim")."""
        return self.text.split("'")[0]


def tokens(folded: str) -> list[Token]:
    return [Token(match.group(0), match.start(), match.end()) for match in _TOKEN.finditer(folded)]


def _key(parts: Iterable[str]) -> str:
    """Number words compared without spaces, hyphens and apostrophes ("twenty-one" = "twenty one" = "twentyone")."""
    return re.sub(r"[\s\-–']", "", "".join(parts))


@dataclass(frozen=True)
class Phrase:
    """A phrase of the words file as folded tokens; `*` ends a prefix, `{n}` is a number slot, `{nth}` an ordinal."""

    parts: tuple[str, ...]
    language: str
    value: Any = None  # what the phrase stands for (a unit, a holiday id, a role, …)

    def match(self, words: Words, toks: list[Token], index: int) -> tuple[int, float | None] | None:
        """(end index, the number in the {n} slot) when the phrase starts at `index`; None otherwise."""
        number: float | None = None
        position = index
        for part in self.parts:
            if position >= len(toks):
                return None
            if part == "{n}":
                found = words.number_at(toks, position, self.language)
                if found is None or (found[2] and found[0] < 2):
                    return None  # "is een", "ik ben een": the article, not the number one
                number, position = found[0], found[1]
                continue
            if part == "{nth}":
                ordinal = words.ordinal_at(toks, position, self.language)
                if ordinal is None:
                    return None
                number, position = ordinal
                continue
            text = toks[position].text
            if part.endswith("*") and len(part) > 1:
                if not text.startswith(part[:-1]):
                    return None
            elif text != part:
                return None
            position += 1
        return position, number


def phrase(text: str, language: str, value: Any = None) -> Phrase:
    """A word or phrase of the words file (or an NLU synonym) as folded tokens."""
    folded = fold(str(text)).replace("{N}", "{n}")
    parts = []
    for piece in folded.split():
        if piece in ("{n}", "{nth}", "-", "–"):
            parts.append(piece)
            continue
        star = piece.endswith("*")
        found = [token.text for token in tokens(piece.rstrip("*"))]
        if not found:
            continue
        if star:
            found[-1] += "*"
        parts.extend(found)
    return Phrase(tuple(parts), language, value)


@dataclass(frozen=True)
class PhraseIndex:
    """Phrases by their first token, so that a message is matched against the few phrases that can start at each
    word rather than against all of them."""

    exact: dict[str, tuple[Phrase, ...]]
    prefixed: tuple[tuple[str, Phrase], ...]  # (the first part without its *, phrase)
    numbered: tuple[Phrase, ...]  # phrases that start with {n}

    @classmethod
    def of(cls, phrases: Iterable[Phrase]) -> PhraseIndex:
        exact: dict[str, list[Phrase]] = {}
        prefixed: list[tuple[str, Phrase]] = []
        numbered: list[Phrase] = []
        for item in phrases:
            first = item.parts[0]
            if first in ("{n}", "{nth}"):
                numbered.append(item)
            elif first.endswith("*") and len(first) > 1:
                prefixed.append((first[:-1], item))
            else:
                exact.setdefault(first, []).append(item)
        return cls({key: tuple(value) for key, value in exact.items()}, tuple(prefixed), tuple(numbered))

    def candidates(self, token: Token) -> Iterator[Phrase]:
        yield from self.exact.get(token.text, ())
        for start, item in self.prefixed:
            if token.text.startswith(start):
                yield item
        yield from self.numbered


@dataclass(frozen=True)
class Words:
    """Every language's words, compiled."""

    numbers: dict[str, dict[str, float]]  # language -> number key -> value
    ordinals: dict[str, dict[str, float]]  # language -> ordinal word key -> value ("zeventiende": 17)
    ordinal_endings: dict[str, frozenset[str]]  # language -> endings after digits ("e", "de", "ste"; "th")
    units: tuple[Phrase, ...]  # value: a unit
    single: tuple[Phrase, ...]  # value: (number, unit)
    one: tuple[Phrase, ...]
    lists: dict[str, tuple[Phrase, ...]]  # _LIST_KEYS
    maps: dict[str, tuple[Phrase, ...]]  # _MAP_KEYS except units; value: the key ("werk", "kerstvakantie", "school")
    indexes: dict[str, PhraseIndex] = field(default_factory=dict)  # every list and map, and "units", by first token

    def number_at(self, toks: list[Token], index: int, language: str | None = None) -> tuple[float, int, str] | None:
        """(value, end index, language) of a number starting at `index`: digits, or number words (of `language`
        only, when given). Longest words first: "twenty one" is 21, not 20."""
        token = toks[index]
        if token.is_digits:
            return float(token.text.replace(",", ".")), index + 1, ""
        for width in (3, 2, 1):
            if index + width > len(toks) or any(
                t.text in ("-", "–") or t.is_digits for t in toks[index : index + width]
            ):
                continue
            key = _key(t.text for t in toks[index : index + width])
            for code, table in self.numbers.items():
                if (language is None or code == language) and key in table:
                    return table[key], index + width, code
        return None

    def ordinal_at(self, toks: list[Token], index: int, language: str) -> tuple[float, int] | None:
        """(value, end index) of an ordinal of `language` starting at `index`: digits directly followed by one of
        its ordinal endings ("17e"), or its ordinal words ("zeventiende", "seventeenth")."""
        token = toks[index]
        if token.is_digits:
            following = toks[index + 1] if index + 1 < len(toks) else None
            if (
                following is not None
                and following.start == token.end
                and following.text in self.ordinal_endings.get(language, ())
                and token.text.isdigit()
            ):
                return float(token.text), index + 2
            return None
        table = self.ordinals.get(language, {})
        for width in (3, 2, 1):
            if index + width > len(toks) or any(t.is_digits for t in toks[index : index + width]):
                continue
            key = _key(t.text for t in toks[index : index + width])
            if key in table:
                return table[key], index + width
        return None

    def first(
        self, name: str, toks: list[Token], index: int, phrases: PhraseIndex | None = None
    ) -> tuple[Phrase, int, float | None] | None:
        """The longest phrase of list or map `name` (or of `phrases`) that starts at `index`: (phrase, end, number)."""
        best: tuple[Phrase, int, float | None] | None = None
        for candidate in (phrases or self.indexes[name]).candidates(toks[index]):
            found = candidate.match(self, toks, index)
            if found is not None and (best is None or found[0] > best[1]):
                best = (candidate, found[0], found[1])
        return best

    def find(
        self, name: str, toks: list[Token], phrases: PhraseIndex | None = None
    ) -> Iterator[tuple[Phrase, int, int, float | None]]:
        """Every place a phrase of `name` (or of `phrases`) stands, without overlaps: (phrase, start, end, number)."""
        index = 0
        while index < len(toks):
            found = self.first(name, toks, index, phrases)
            if found is None:
                index += 1
                continue
            phrase, end, number = found
            yield phrase, index, end, number
            index = max(end, index + 1)

    def unit_at(self, toks: list[Token], index: int, language: str | None = None) -> tuple[str, int] | None:
        """(unit, end index) of a unit word at `index` (of `language` only, when given)."""
        best: tuple[str, int] | None = None
        if index >= len(toks):
            return None
        for candidate in self.indexes["units"].candidates(toks[index]):
            if language is not None and candidate.language != language:
                continue
            found = candidate.match(self, toks, index)
            if found is not None and (best is None or found[0] > best[1]):
                best = (candidate.value, found[0])
        return best


def _entries(data: dict[str, Any], code: str) -> dict[str, Any]:
    entry = data.get(code) or {}
    unknown = set(entry) - _KNOWN_KEYS
    if unknown:
        raise ValueError(f"{WORDS_FILE.name}: {code}: unknown keys {sorted(unknown)}")
    units = entry.get("units") or {}
    if set(units) - set(UNITS):
        raise ValueError(f"{WORDS_FILE.name}: {code}: units may only be {UNITS}")
    return entry


def _ordinal_table(code: str) -> dict[str, float]:
    try:
        written = ordinal_words(code, NUMBER_WORDS_UP_TO)
    except NotImplementedError:
        return {}
    table: dict[str, float] = {}
    for word, value in written.items():
        table.setdefault(_key(token.text for token in tokens(fold(word))), float(value))
    return table


def _ordinal_endings(code: str) -> frozenset[str]:
    config = load_languages().get(code)
    endings = (config.dates if config is not None else {}).get("ordinals") or ()
    return frozenset(token.text for word in endings for token in tokens(fold(str(word))))


def _number_table(code: str, extra: dict[str, Any]) -> dict[str, float]:
    table: dict[str, float] = {}
    try:
        written_numbers = number_words(code, NUMBER_WORDS_UP_TO)
    except NotImplementedError:  # a language num2words does not know: digits and the words file only
        written_numbers = {}
    for written, value in written_numbers.items():
        table.setdefault(_key(token.text for token in tokens(fold(written))), float(value))
    for word, value in extra.items():
        table[_key(token.text for token in tokens(fold(str(word))))] = float(value)
    return table


@lru_cache(maxsize=1)
def load_words() -> Words:
    with WORDS_FILE.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle) or {}
    unknown_languages = set(data) - set(SUPPORTED_LANGUAGES)
    if unknown_languages:
        raise ValueError(f"{WORDS_FILE.name}: not a supported language: {sorted(unknown_languages)}")
    numbers: dict[str, dict[str, float]] = {}
    ordinals: dict[str, dict[str, float]] = {}
    endings: dict[str, frozenset[str]] = {}
    units: list[Phrase] = []
    single: list[Phrase] = []
    one: list[Phrase] = []
    lists: dict[str, list[Phrase]] = {key: [] for key in _LIST_KEYS}
    maps: dict[str, list[Phrase]] = {key: [] for key in _MAP_KEYS if key != "units"}
    for code in (SOURCE_LANGUAGE, *(c for c in SUPPORTED_LANGUAGES if c != SOURCE_LANGUAGE)):
        entry = _entries(data, code)
        numbers[code] = _number_table(code, entry.get("numbers") or {})
        ordinals[code] = _ordinal_table(code)
        endings[code] = _ordinal_endings(code)
        for unit, words in (entry.get("units") or {}).items():
            units.extend(phrase(word, code, unit) for word in words)
        for word, (value, unit) in (entry.get("single") or {}).items():
            if unit not in UNITS:
                raise ValueError(f"{WORDS_FILE.name}: {code}: single {word}: unknown unit {unit}")
            single.append(phrase(word, code, (float(value), unit)))
        for key in _LIST_KEYS:
            lists[key].extend(phrase(word, code) for word in entry.get(key) or ())
        for key in maps:
            for name, words in (entry.get(key) or {}).items():
                maps[key].extend(phrase(word, code, name) for word in words or ())
    one = lists.pop("one")
    kept_lists = {key: tuple(p for p in phrases if p.parts) for key, phrases in lists.items()}
    kept_maps = {key: tuple(p for p in phrases if p.parts) for key, phrases in maps.items()}
    kept_units = tuple(p for p in units if p.parts)
    indexes = {name: PhraseIndex.of(phrases) for name, phrases in (*kept_lists.items(), *kept_maps.items())}
    indexes["units"] = PhraseIndex.of(kept_units)
    return Words(
        numbers=numbers,
        ordinals=ordinals,
        ordinal_endings=endings,
        units=kept_units,
        single=tuple(p for p in single if p.parts),
        one=tuple(p for p in one if p.parts),
        lists=kept_lists,
        maps=kept_maps,
        indexes=indexes,
    )
