"""The words dates are written with in each supported language (see the package's docstring for where they come
from), compiled once into the patterns the parser uses (`patterns`), and `misspelt_month`: the month name a typed
word is a small misspelling of ("okotber", "novmber", "feburari"), for the parser and the situation's month."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from babel import localedata
from babel.dates import get_date_format, get_day_names, get_month_names
from rapidfuzz import process
from rapidfuzz.distance import OSA

from assistant.folding import fold
from assistant.i18n import SOURCE_LANGUAGE, SUPPORTED_LANGUAGES
from assistant.i18n.languages import load_languages

DASHES = ("-", "–", "—")
# A typed word is read as a misspelt month name only when it has at least MISSPELT_MONTH_MIN_LETTERS letters and is
# at most MISSPELT_MONTH_MAX_EDITS edits (a letter left out, added, changed, or two swapped) from a month name, and
# every name that close is the same month: "okotber", "novmber", "feburari" are months; "match", "maand", "marge" not.
# A letter added counts only where a slip or a grammar adds one (`_added_letter_is_a_slip`): a letter typed twice
# ("octobber") or a letter before or after the whole name ("nisani", "بحزيران"). A letter added inside a name makes
# another word: the Turkish verb stem "hazırlan" (prepare) is no "haziran" (June).
MISSPELT_MONTH_MIN_LETTERS = 6
MISSPELT_MONTH_MAX_EDITS = 1

# -- the words of each language ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _LanguageWords:
    months: dict[str, int]  # folded full names -> month (1-12)
    month_abbreviations: dict[str, int]
    weekdays: dict[str, int]  # folded full names -> weekday (0 = Monday)
    weekday_abbreviations: dict[str, int]
    relative: dict[str, int]  # folded word -> days from today
    range_words: tuple[str, ...]
    next_week: tuple[str, ...]
    ordinals: tuple[str, ...]
    day_month: tuple[str, ...]
    filler: tuple[str, ...]
    month_first: bool


def _clean(name: str) -> str:
    return " ".join(fold(name).strip(" .").split())


def _regional_locales(code: str) -> list[str]:
    """`code` and its regional variants in CLDR (ar_IQ, ar_MA, en_001, …), without other scripts (en_Dsrt)."""
    found = [code]
    for identifier in localedata.locale_identifiers():
        parts = identifier.split("_")
        if parts[0] == code and len(parts) == 2 and not (len(parts[1]) == 4 and parts[1].istitle()):
            found.append(identifier)
    return found


@lru_cache
def language_words(code: str) -> _LanguageWords:
    config = load_languages().get(code)
    words = (config.dates if config is not None else {}) or {}
    months: dict[str, int] = {}
    abbreviations: dict[str, int] = {}
    for locale in _regional_locales(code):
        for context in ("format", "stand-alone"):
            for month, name in get_month_names("wide", context, locale).items():
                months.setdefault(_clean(name), month)
            for month, name in get_month_names("abbreviated", context, locale).items():
                abbreviations.setdefault(_clean(name), month)
    for name, month in (words.get("months") or {}).items():
        abbreviations.setdefault(_clean(str(name)), int(month))
    abbreviations = {name: month for name, month in abbreviations.items() if name not in months}
    weekdays: dict[str, int] = {}
    weekday_abbreviations: dict[str, int] = {}
    for context in ("format", "stand-alone"):
        for day, name in get_day_names("wide", context, code).items():
            weekdays.setdefault(_clean(name), day)
        for width in ("abbreviated", "short"):
            for day, name in get_day_names(width, context, code).items():
                weekday_abbreviations.setdefault(_clean(name), day)
    weekday_abbreviations = {name: day for name, day in weekday_abbreviations.items() if name not in weekdays}
    relative = {
        _clean(str(word)): int(offset) for offset, names in (words.get("relative") or {}).items() for word in names
    }
    pattern = get_date_format("long", code).pattern
    month_first = pattern.find("M") < pattern.find("d")
    return _LanguageWords(
        months=months,
        month_abbreviations=abbreviations,
        weekdays=weekdays,
        weekday_abbreviations=weekday_abbreviations,
        relative=relative,
        range_words=tuple(_clean(str(word)) for word in words.get("to") or ()),
        next_week=tuple(_clean(str(word)) for word in words.get("next_week") or ()),
        ordinals=tuple(fold(str(word)) for word in words.get("ordinals") or ()),
        day_month=tuple(_clean(str(word)) for word in words.get("day_month") or ()),
        filler=tuple(_clean(str(word)) for word in words.get("filler") or ()),
        month_first=month_first,
    )


@dataclass(frozen=True)
class Vocabulary:
    months: dict[str, int]  # every month word (full names and abbreviations) -> month
    abbreviations: frozenset[str]  # the month words that are abbreviations
    full_months: dict[str, int]  # the full names only: what a misspelt month is read as (`misspelt_month`)
    weekdays: dict[str, int]  # every weekday word that may stand before or after a date
    standalone_weekdays: dict[str, int]  # full names: a weekday alone is a date
    relative: dict[str, int]
    range_words: tuple[str, ...]
    next_week: tuple[str, ...]
    ordinals: tuple[str, ...]
    day_month: tuple[str, ...]
    filler: tuple[str, ...]
    month_first: bool


def _vocabulary(language: str) -> Vocabulary:
    """The words `parse_dates` accepts in a conversation in `language` (see the module docstring)."""
    own = language_words(language)
    source = language_words(SOURCE_LANGUAGE)
    months: dict[str, int] = {}
    ambiguous: set[str] = set()
    for code in SUPPORTED_LANGUAGES:
        for name, month in language_words(code).months.items():
            if months.get(name, month) != month:
                ambiguous.add(name)
            months.setdefault(name, month)
    months = {name: month for name, month in months.items() if name not in ambiguous}
    abbreviations = {**source.month_abbreviations, **own.month_abbreviations}  # "13 mrt": the letters are Dutch
    abbreviations = {name: month for name, month in abbreviations.items() if name not in months}
    months.update(abbreviations)
    months.update(own.months)  # the conversation language wins
    not_weekdays = set(own.range_words) | set(own.relative)
    standalone = {**source.weekdays, **own.weekdays}
    weekdays = {**standalone, **own.weekday_abbreviations}
    if language == SOURCE_LANGUAGE:
        weekdays.update(source.weekday_abbreviations)
    weekdays = {name: day for name, day in weekdays.items() if name not in not_weekdays}
    standalone = {name: day for name, day in standalone.items() if name not in not_weekdays}
    relative = {**source.relative, **own.relative}
    abbreviated = frozenset(abbreviations) - set(own.months)
    return Vocabulary(
        months=months,
        abbreviations=abbreviated,
        full_months={name: month for name, month in months.items() if name not in abbreviated},
        weekdays=weekdays,
        standalone_weekdays=standalone,
        relative=relative,
        range_words=tuple(dict.fromkeys((*own.range_words, *source.range_words))),
        next_week=tuple(dict.fromkeys((*own.next_week, *source.next_week))),
        ordinals=tuple(dict.fromkeys((*own.ordinals, *source.ordinals))),
        day_month=tuple(dict.fromkeys((*own.day_month, *source.day_month))),
        filler=tuple(dict.fromkeys((*own.filler, *source.filler))),
        month_first=own.month_first,
    )


def misspelt_month(word: str, names: Mapping[str, int]) -> str | None:
    """The name among `names` (folded month names -> month) that the folded `word` misspells, or None: a word that
    is a name itself, is short, holds anything but letters, or is as close to names of two months is no misspelling.
    Optimal string alignment distance (rapidfuzz): a swap of two letters is one edit."""
    if len(word) < MISSPELT_MONTH_MIN_LETTERS or not word.isalpha() or word in names:
        return None
    found = process.extract(word, names.keys(), scorer=OSA.distance, score_cutoff=MISSPELT_MONTH_MAX_EDITS, limit=None)
    found = [item for item in found if len(word) <= len(item[0]) or _added_letter_is_a_slip(word, item[0])]
    if not found:
        return None
    closest = min(distance for _name, distance, _index in found)
    nearest = [name for name, distance, _index in found if distance == closest]
    return nearest[0] if len({names[name] for name in nearest}) == 1 else None


def _added_letter_is_a_slip(word: str, name: str) -> bool:
    """Whether `word`, `name` with one letter added, adds it as a slip or an ending does: the letter repeats the one
    beside it ("octobber", "novvember"), or stands before or after the whole name (a case ending or prefix: Turkish
    "nisani", Arabic "بحزيران"). A letter added inside a name ("hazırlan" for "haziran") makes another word."""
    for index in range(len(word)):
        if word[:index] + word[index + 1 :] != name:
            continue
        if index in (0, len(word) - 1):
            return True
        if word[index] in (word[index - 1], word[index + 1]):
            return True
    return False


def _word(word: str) -> str:
    """A regex for one folded word or phrase: spaces match any white space, and an apostrophe inside a word may be
    left out ("п'ятниця", "пятниця")."""
    escaped = r"\s+".join(re.escape(part) for part in word.split())
    return escaped[:1] + escaped[1:].replace("'", "'?")


def _alternatives(words: Iterable[str]) -> str:
    """A regex alternation of folded words, longest first."""
    items = sorted({str(word) for word in words if word}, key=len, reverse=True)
    return "|".join(_word(item) for item in items) or r"(?!)"


_VOWELS = "aeiouаеєиіоуюя"


def _weekday_alternatives(names: dict[str, int]) -> str:
    """Weekday names; a name of five letters or more ending in a vowel also with another last letter (a case form:
    Polish "środę", Ukrainian "п'ятницю")."""
    parts = []
    for name in sorted(names, key=len, reverse=True):
        if len(name) >= 5 and name[-1] in _VOWELS and " " not in name:
            parts.append(_word(name[:-1]) + r"\w")
        else:
            parts.append(_word(name))
    return "|".join(parts) or r"(?!)"


@dataclass(frozen=True)
class Patterns:
    vocabulary: Vocabulary
    date: re.Pattern[str]
    bare_day_range: re.Pattern[str]
    month_first_range: re.Pattern[str] | None
    range_word: re.Pattern[str]
    filler: re.Pattern[str]


def lookup(table: dict[str, int], matched: str) -> int:
    """The value of a word the patterns matched (white space and a left-out apostrophe as in the table)."""
    word = " ".join(matched.split()).strip(" .")
    if word in table:
        return table[word]
    return next(value for name, value in table.items() if name.replace("'", "") == word.replace("'", ""))


def weekday_of(vocabulary: Vocabulary, word: str) -> int | None:
    word = " ".join(word.split()).strip(" .").replace("'", "")
    for name, day in vocabulary.weekdays.items():
        name = name.replace("'", "")
        if word == name:
            return day
        if len(name) >= 5 and name[-1] in _VOWELS and len(word) == len(name) and word[:-1] == name[:-1]:
            return day  # a case form: the same name with another last letter
    return None


@lru_cache
def date_patterns(language: str) -> Patterns:
    vocabulary = _vocabulary(language)
    range_words = _alternatives((*vocabulary.range_words, *DASHES))
    # An abbreviation ("mrt", "lis", "ara") ends the date: a dot, the end, punctuation, a year, a range word or a
    # suffix follows. "3 ara sınavı" (three midterms) is no date; "13 mrt", "13 mrt 2027", "9 mrt t/m 13 mrt" are.
    abbreviation = (
        rf"(?:{_alternatives(vocabulary.abbreviations)})"
        rf"(?=[.'’]|\s*$|\s*[,;:!?)\]]|\s+[0-9]|\s*(?:{range_words})(?!\w))"
    )
    month = rf"{_alternatives(set(vocabulary.months) - vocabulary.abbreviations)}|{abbreviation}"
    weekday = _weekday_alternatives(vocabulary.weekdays)
    standalone = _weekday_alternatives(vocabulary.standalone_weekdays)
    relative = _alternatives(vocabulary.relative)
    next_week = _alternatives(vocabulary.next_week)
    ordinal = f"(?:{_alternatives(vocabulary.ordinals)})?" if vocabulary.ordinals else ""
    suffix = r"(?:'\w+)?"  # Turkish case endings: "13 Mart'a", "9'dan"
    of = rf"(?:\s+(?:{_alternatives(vocabulary.day_month)}))?" if vocabulary.day_month else ""  # "14th of March"
    day = r"[0-9]{1,2}(?![0-9])"
    year = r"[0-9]{4}"
    # One date: ISO, numeric day-first, a day with a month name (13 maart 2026), or month first (March 13, 2026).
    iso = r"(?P<iso_y>[0-9]{4})-(?P<iso_m>[0-9]{1,2})-(?P<iso_d>[0-9]{1,2})"
    numeric = r"(?P<num_d>[0-9]{1,2})(?P<sep>[-/.])(?P<num_m>[0-9]{1,2})(?:(?P=sep)(?P<num_y>[0-9]{4}|[0-9]{2}))?"
    named = (
        rf"(?P<name_d>{day}){ordinal}{suffix}\.?{of}\s+(?P<name_m>{month})\.?{suffix}"
        rf"(?:,?\s+(?P<name_y>{year})(?![0-9]){suffix})?"
    )
    first = (
        rf"(?P<mf_m>{month})\.?\s+(?P<mf_d>{day}){ordinal}{suffix}(?:,?\s+(?P<mf_y>{year})(?![0-9]))?"
        if vocabulary.month_first
        else r"(?!)"
    )
    after = rf"(?:[,،]?\s+(?P<wd_after>{standalone})(?!\w))?"  # "13 Mart Cuma"; full names only ("zo" is a word)
    one = (
        rf"(?:(?P<wd>{weekday})\.?[,،]?\s+)?(?:{iso}|{named}|{first}|{numeric}){after}"
        rf"|(?P<rel>{relative})"
        rf"|(?:(?P<next>{next_week})\s+)?(?P<wd_only>{standalone})(?!\w)(?:\s+(?P<next_after>{next_week}))?"
    )
    date_pattern = re.compile(rf"(?<![\w-])(?:{one})(?![\w])")
    connector = rf"\s*(?:{range_words})\s*"
    # "9 t/m 13 maart", "9-13 maart", "9'dan 13 Mart'a": a bare first day borrows the month (and year) of the second.
    bare = re.compile(
        rf"(?<![\w/.-])(?P<d1>{day}){ordinal}{connector}(?P<d2>{day}){ordinal}{suffix}\.?\s+(?P<m>{month})\.?"
        rf"{suffix}(?:,?\s+(?P<y>{year})(?![0-9]))?(?![\w])"
    )
    # "March 9 to 13", "March 9-13, 2026"
    month_first_range = (
        re.compile(
            rf"(?<![\w-])(?P<m>{month})\.?\s+(?P<d1>{day}){ordinal}{connector}(?P<d2>{day}){ordinal}"
            rf"(?:,?\s+(?P<y>{year})(?![0-9]))?(?![\w])"
        )
        if vocabulary.month_first
        else None
    )
    # "13 Mart'a kadar": a word that starts with an apostrophe is a suffix, attached to the word before it
    words = [
        ("" if word.startswith("'") else r"(?<!\w)") + rf"(?:{_alternatives([word])})(?!\w)"
        for word in vocabulary.range_words
    ]
    range_word = re.compile("|".join([*words, r"\s[-–—]\s", r"\bt\s*/\s*m\b"]))
    filler = re.compile(rf"(?<!\w)(?:{_alternatives(vocabulary.filler)})(?!\w)")
    return Patterns(vocabulary, date_pattern, bare, month_first_range, range_word, filler)
