"""Dates as parents type them, in every supported language: "vrijdag 13 maart", "14 marca", "14 березня",
"14 Mart", "March 14", "١٤ مارس", "13-3", "13/03/2026", "2026-03-13", "morgen", "tomorrow", and ranges: "van 9 t/m
13 maart", "9-13 maart", "March 9 to 13", "od 9 do 13 marca", "з 9 до 13 березня", "9'dan 13 Mart'a kadar",
"من 9 إلى 13 مارس", "28 februari tot 3 maart".

Pure functions, no clock of their own: every call gets `today`. A small parser instead of `dateparser` (about 40 MB
with its language data and regex, and slow to import).

Where the words come from (nothing here lists a language):

- Month and weekday names: Babel's CLDR data (`get_month_names`, `get_day_names`; wide and abbreviated, format and
  stand-alone, so genitive forms such as "березня" and "marca" too) for every language in
  `assistant/locale/languages.yml`, with the regional variants CLDR has (Arabic as written in the Levant and Iraq,
  "آذار", and in the Maghreb, "مارس", "أفريل", "شتنبر"). A weekday name ending in a vowel also matches with another
  last letter (the accusative "środę", "п'ятницю"). Whether a language writes the month first ("March 14") is read
  from its CLDR long date format.
- Relative words (today, tomorrow, …), range words ("t/m", "to", "до", "do", "'e kadar", "حتى") and the words for
  "next week": the `dates` entry of the language in `languages.yml` (CLDR's relative day names are not in Babel's
  data). A language without one still gets month and weekday names, numbers and dash ranges.
- Text and names are folded alike before matching: case, accents and marks (Turkish ı and İ, Polish ł, Arabic
  hamza forms and vowel marks), apostrophes (ʼ ’ '), and digits of any script (Arabic-Indic "١٤" is 14).

Fewest false positives: a month name only counts with a day number next to it. Full month names of every supported
language count in any conversation (a parent may type "14 maart" in an English chat); abbreviations ("mrt", "lis",
"eki"), weekday names, relative words and range words count only in the conversation language and Dutch (the
language of the school's letters), except that Dutch weekday abbreviations ("ma", "do") count only in Dutch and a
word that is a range or relative word in the conversation language ("do" in Polish) is never a weekday. A name that
means different months in two languages counts only in the conversation language.

Rules:

- Numeric dates are day first (13-3, 13/03/2026, 13.3.26), in every language.
- A date without a year is the next such date from `today` on; a date up to `RECENT_PAST_DAYS` ago stays in this
  year (a parent reporting leave afterwards means the recent date, not next year's).
- A weekday beside a date must match it ("vrijdag 13 maart" when 13 maart is a Thursday is an error, because one
  of the two is a typo). A weekday alone means the next such day after `today`; with "next week" ("volgende week
  vrijdag"), that day of next week.
- Impossible dates ("31 februari", "31 лютого", "30 February") are an error with the reason, never silently moved.

`parse_dates(text, today, language)` returns `ParsedDates(start, end)` (`end` None for a single date) or raises
`DateError` with a stable `code` ("no_date", "impossible_date", "weekday_mismatch"); a weekday mismatch carries the
date that was written (`DateError.date`) and the weekday typed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from babel import localedata
from babel.dates import get_date_format, get_day_names, get_month_names

from assistant.folding import fold, fold_with_positions
from assistant.i18n import SOURCE_LANGUAGE, SUPPORTED_LANGUAGES, normalise_language
from assistant.i18n.formatting import format_date, format_weekday
from assistant.i18n.languages import load_languages

RECENT_PAST_DAYS = 14

_DASHES = ("-", "–", "—")


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
def _words(code: str) -> _LanguageWords:
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
    relative = {_clean(str(word)): int(offset) for offset, names in (words.get("relative") or {}).items()
                for word in names}
    pattern = get_date_format("long", code).pattern
    month_first = pattern.find("M") < pattern.find("d")
    return _LanguageWords(
        months=months, month_abbreviations=abbreviations, weekdays=weekdays,
        weekday_abbreviations=weekday_abbreviations, relative=relative,
        range_words=tuple(_clean(str(word)) for word in words.get("to") or ()),
        next_week=tuple(_clean(str(word)) for word in words.get("next_week") or ()),
        ordinals=tuple(fold(str(word)) for word in words.get("ordinals") or ()),
        day_month=tuple(_clean(str(word)) for word in words.get("day_month") or ()),
        filler=tuple(_clean(str(word)) for word in words.get("filler") or ()),
        month_first=month_first,
    )


@dataclass(frozen=True)
class _Vocabulary:
    months: dict[str, int]  # every month word (full names and abbreviations) -> month
    abbreviations: frozenset[str]  # the month words that are abbreviations
    weekdays: dict[str, int]  # every weekday word that may stand before or after a date
    standalone_weekdays: dict[str, int]  # full names: a weekday alone is a date
    relative: dict[str, int]
    range_words: tuple[str, ...]
    next_week: tuple[str, ...]
    ordinals: tuple[str, ...]
    day_month: tuple[str, ...]
    filler: tuple[str, ...]
    month_first: bool


def _vocabulary(language: str) -> _Vocabulary:
    """The words `parse_dates` accepts in a conversation in `language` (see the module docstring)."""
    own = _words(language)
    source = _words(SOURCE_LANGUAGE)
    months: dict[str, int] = {}
    ambiguous: set[str] = set()
    for code in SUPPORTED_LANGUAGES:
        for name, month in _words(code).months.items():
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
    return _Vocabulary(
        months=months, abbreviations=frozenset(abbreviations) - set(own.months), weekdays=weekdays,
        standalone_weekdays=standalone, relative=relative,
        range_words=tuple(dict.fromkeys((*own.range_words, *source.range_words))),
        next_week=tuple(dict.fromkeys((*own.next_week, *source.next_week))),
        ordinals=tuple(dict.fromkeys((*own.ordinals, *source.ordinals))),
        day_month=tuple(dict.fromkeys((*own.day_month, *source.day_month))),
        filler=tuple(dict.fromkeys((*own.filler, *source.filler))),
        month_first=own.month_first,
    )


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
class _Patterns:
    vocabulary: _Vocabulary
    date: re.Pattern[str]
    bare_day_range: re.Pattern[str]
    month_first_range: re.Pattern[str] | None
    range_word: re.Pattern[str]
    filler: re.Pattern[str]


def _lookup(table: dict[str, int], matched: str) -> int:
    """The value of a word the patterns matched (white space and a left-out apostrophe as in the table)."""
    word = " ".join(matched.split()).strip(" .")
    if word in table:
        return table[word]
    return next(value for name, value in table.items() if name.replace("'", "") == word.replace("'", ""))


def _weekday_of(vocabulary: _Vocabulary, word: str) -> int | None:
    word = " ".join(word.split()).strip(" .").replace("'", "")
    for name, day in vocabulary.weekdays.items():
        name = name.replace("'", "")
        if word == name:
            return day
        if len(name) >= 5 and name[-1] in _VOWELS and len(word) == len(name) and word[:-1] == name[:-1]:
            return day  # a case form: the same name with another last letter
    return None


@lru_cache
def _patterns(language: str) -> _Patterns:
    vocabulary = _vocabulary(language)
    range_words = _alternatives((*vocabulary.range_words, *_DASHES))
    # An abbreviation ("mrt", "lis", "ara") ends the date: a dot, the end, punctuation, a year, a range word or a
    # suffix follows. "3 ara sınavı" (three midterms) is no date; "13 mrt", "13 mrt 2027", "9 mrt t/m 13 mrt" are.
    abbreviation = (rf"(?:{_alternatives(vocabulary.abbreviations)})"
                    rf"(?=[.'’]|\s*$|\s*[,;:!?)\]]|\s+[0-9]|\s*(?:{range_words})(?!\w))")
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
    named = (rf"(?P<name_d>{day}){ordinal}{suffix}\.?{of}\s+(?P<name_m>{month})\.?{suffix}"
             rf"(?:,?\s+(?P<name_y>{year})(?![0-9]){suffix})?")
    first = (rf"(?P<mf_m>{month})\.?\s+(?P<mf_d>{day}){ordinal}{suffix}(?:,?\s+(?P<mf_y>{year})(?![0-9]))?"
             if vocabulary.month_first else r"(?!)")
    after = rf"(?:[,،]?\s+(?P<wd_after>{standalone})(?!\w))?"  # "13 Mart Cuma"; full names only ("zo" is a word)
    one = (rf"(?:(?P<wd>{weekday})\.?[,،]?\s+)?(?:{iso}|{named}|{first}|{numeric}){after}"
           rf"|(?P<rel>{relative})"
           rf"|(?:(?P<next>{next_week})\s+)?(?P<wd_only>{standalone})(?!\w)(?:\s+(?P<next_after>{next_week}))?")
    date_pattern = re.compile(rf"(?<![\w-])(?:{one})(?![\w])")
    connector = rf"\s*(?:{range_words})\s*"
    # "9 t/m 13 maart", "9-13 maart", "9'dan 13 Mart'a": a bare first day borrows the month (and year) of the second.
    bare = re.compile(
        rf"(?<![\w/.-])(?P<d1>{day}){ordinal}{connector}(?P<d2>{day}){ordinal}{suffix}\.?\s+(?P<m>{month})\.?"
        rf"{suffix}(?:,?\s+(?P<y>{year})(?![0-9]))?(?![\w])")
    # "March 9 to 13", "March 9-13, 2026"
    month_first_range = re.compile(
        rf"(?<![\w-])(?P<m>{month})\.?\s+(?P<d1>{day}){ordinal}{connector}(?P<d2>{day}){ordinal}"
        rf"(?:,?\s+(?P<y>{year})(?![0-9]))?(?![\w])") if vocabulary.month_first else None
    # "13 Mart'a kadar": a word that starts with an apostrophe is a suffix, attached to the word before it
    words = [("" if word.startswith("'") else r"(?<!\w)") + rf"(?:{_alternatives([word])})(?!\w)"
             for word in vocabulary.range_words]
    range_word = re.compile("|".join([*words, r"\s[-–—]\s", r"\bt\s*/\s*m\b"]))
    filler = re.compile(rf"(?<!\w)(?:{_alternatives(vocabulary.filler)})(?!\w)")
    return _Patterns(vocabulary, date_pattern, bare, month_first_range, range_word, filler)


# -- results ----------------------------------------------------------------------------------------------------------


class DateError(ValueError):
    """A text that is not (one or two) valid dates. `code` is stable; `detail` names what was wrong. For a weekday
    mismatch `date` is the date written and `weekday` the weekday typed (0 = Monday)."""

    def __init__(self, code: str, detail: str = "", day: date | None = None, weekday: int | None = None) -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail
        self.date = day
        self.weekday = weekday


@dataclass(frozen=True)
class ParsedDates:
    start: date
    end: date | None = None

    @property
    def is_range(self) -> bool:
        return self.end is not None


def nl_date(day: date, weekday: bool = False) -> str:
    """'13 maart 2026' or, with `weekday`, 'vrijdag 13 maart 2026' (CLDR's Dutch, through Babel)."""
    text = format_date(day, SOURCE_LANGUAGE)
    return f"{format_weekday(day, SOURCE_LANGUAGE)} {text}" if weekday else text


def _build(day: int, month: int, year: int | None, today: date, text: str) -> date:
    if not 1 <= month <= 12:
        raise DateError("impossible_date", text)
    if year is not None:
        if year < 100:
            year += 2000
        try:
            return date(year, month, day)
        except ValueError:
            raise DateError("impossible_date", text) from None
    for candidate_year in (today.year, today.year + 1):
        try:
            candidate = date(candidate_year, month, day)
        except ValueError:
            continue  # 29 februari: try the next year, then give up
        if candidate >= today - timedelta(days=RECENT_PAST_DAYS):
            return candidate
    raise DateError("impossible_date", text)  # 29 februari in two years without a leap day, or 30/31 in a short month


class _Text:
    """The text as typed and folded, to show the typed words in errors."""

    def __init__(self, text: str) -> None:
        self.original = text
        self.folded, self.positions = fold_with_positions(text)

    def typed(self, start: int, end: int) -> str:
        return self.original[self.positions[start]:self.positions[end]].strip()


def _one(match: re.Match[str], today: date, vocabulary: _Vocabulary, text: _Text) -> date:
    groups = match.groupdict()
    typed = text.typed(*match.span())
    if groups.get("rel"):
        return today + timedelta(days=_lookup(vocabulary.relative, groups["rel"]))
    if groups.get("wd_only"):
        weekday = _weekday_of(vocabulary, groups["wd_only"])
        assert weekday is not None
        if groups.get("next") or groups.get("next_after"):
            # "volgende week vrijdag": the Friday of next week (Monday-based)
            monday_next = today + timedelta(days=7 - today.weekday())
            return monday_next + timedelta(days=weekday)
        return today + timedelta(days=(weekday - today.weekday()) % 7 or 7)
    if groups.get("iso_y"):
        found = _build(int(groups["iso_d"]), int(groups["iso_m"]), int(groups["iso_y"]), today, typed)
    elif groups.get("name_d"):
        year = int(groups["name_y"]) if groups.get("name_y") else None
        month = _lookup(vocabulary.months, groups["name_m"])
        found = _build(int(groups["name_d"]), month, year, today, typed)
    elif groups.get("mf_d"):
        year = int(groups["mf_y"]) if groups.get("mf_y") else None
        month = _lookup(vocabulary.months, groups["mf_m"])
        found = _build(int(groups["mf_d"]), month, year, today, typed)
    else:
        year = int(groups["num_y"]) if groups.get("num_y") else None
        found = _build(int(groups["num_d"]), int(groups["num_m"]), year, today, typed)
    for group in ("wd", "wd_after"):
        if groups.get(group):
            weekday = _weekday_of(vocabulary, groups[group])
            if weekday is not None and weekday != found.weekday():
                written = text.typed(*match.span(group)).lower()
                raise DateError("weekday_mismatch", f"{written} {nl_date(found)}", day=found, weekday=weekday)
    return found


def _scan(text: str, language: str | None) -> tuple[_Patterns, _Text, list[tuple[re.Match[str], bool]]]:
    """Every date match in the folded `text`, in order, without building the dates: (match, is_range). A range
    with a bare first day ("9 t/m 13 maart") is one match; the other dates are one match each."""
    patterns = _patterns(normalise_language(language))
    source = _Text(text or "")
    folded = source.folded
    found: list[tuple[re.Match[str], bool]] = []
    taken: list[tuple[int, int]] = []
    ranges = [patterns.bare_day_range] + ([patterns.month_first_range] if patterns.month_first_range else [])
    for pattern in ranges:
        for match in pattern.finditer(folded):
            if any(start <= match.start() < end for start, end in taken):
                continue
            found.append((match, True))
            taken.append(match.span())
    for match in patterns.date.finditer(folded):
        if any(start <= match.start() < end for start, end in taken):
            continue
        found.append((match, False))
    return patterns, source, sorted(found, key=lambda item: item[0].start())


def _find(text: str, today: date, language: str | None) -> list[tuple[int, date, bool]]:
    """(position, date, floating) for every date in `text`; floating: a weekday alone ("vrijdag")."""
    patterns, source, matches = _scan(text, language)
    vocabulary = patterns.vocabulary
    found: list[tuple[int, date, bool]] = []
    for match, is_range in matches:
        if is_range:
            year = int(match.group("y")) if match.group("y") else None
            month = _lookup(vocabulary.months, match.group("m"))
            second = _build(int(match.group("d2")), month, year, today, source.typed(*match.span()))
            first_text = f"{match.group('d1')} {source.typed(*match.span('m'))}"
            first = _build(int(match.group("d1")), month, second.year, today, first_text)
            found += [(match.start(), first, False), (match.start("d2"), second, False)]
        else:
            found.append((match.start(), _one(match, today, vocabulary, source), bool(match.group("wd_only"))))
    return sorted(found, key=lambda item: item[0])


@dataclass(frozen=True)
class DateSpan:
    """Where a date (or a range with a bare first day, `dates` == 2) stands in the text as typed."""

    start: int
    end: int
    dates: int = 1


def date_spans(text: str, language: str | None = SOURCE_LANGUAGE) -> list[DateSpan]:
    """Where the dates in `text` are, in order, as `parse_dates` would read them in a conversation in `language`.
    Needs no `today` and never raises: an impossible date ("31 februari") has a span too."""
    _unused, source, matches = _scan(text, language)
    return [DateSpan(source.positions[match.start()], source.positions[match.end()], 2 if is_range else 1)
            for match, is_range in matches]


def only_dates(text: str, language: str | None = SOURCE_LANGUAGE) -> bool:
    """Whether `text` is nothing but one date or a range: "9 t/m 13 maart", "March 9 to 13", "9-13 березня",
    "van 9 tot en met 13 maart", "من 9 إلى 13 مارس". Besides the dates only range words, the `filler` words of the
    conversation language and Dutch ("van", "from", "od", "з") and punctuation may be left. "De bruiloft is op 13
    maart" is more than a date."""
    patterns, source, matches = _scan(text, language)
    if not matches:
        return False
    rest = source.folded
    for match, _is_range in reversed(matches):
        rest = f"{rest[:match.start()]} {rest[match.end():]}"
    rest = patterns.range_word.sub(" ", rest)
    rest = patterns.filler.sub(" ", rest)
    return not re.sub(r"[\W_]+", "", rest)


def find_dates(text: str, today: date, language: str | None = SOURCE_LANGUAGE) -> list[date]:
    """Every date in `text`, in order. Raises DateError for an impossible date or a weekday that does not match."""
    return [day for _position, day, _floating in _find(text, today, language)]


def parse_dates(text: str, today: date, language: str | None = SOURCE_LANGUAGE) -> ParsedDates:
    """One date, or a range of two, in a conversation in `language` (Dutch words always count too). More than two
    dates: the first and the last."""
    found = _find(text, today, language)
    if not found:
        raise DateError("no_date", text)
    if len(found) == 1:
        return ParsedDates(found[0][1])
    (_p, start, _f), (_q, end, floating) = found[0], found[-1]
    if end < start and floating:
        # "maandag t/m vrijdag": the first such weekday from the first day on
        end += timedelta(days=7 * ((start - end).days // 7 + 1))
    elif end < start and start.year == end.year and not re.search(r"[0-9]{4}", fold(text or "")):
        # "28 december t/m 3 januari" without years: the end is in the next year
        try:
            end = end.replace(year=end.year + 1)
        except ValueError:
            raise DateError("impossible_date", text) from None
    return ParsedDates(start, end)


def parse_date(text: str, today: date, language: str | None = SOURCE_LANGUAGE) -> date:
    """Exactly one date (the first, when a range is given)."""
    return parse_dates(text, today, language).start


def looks_like_range(text: str, language: str | None = SOURCE_LANGUAGE) -> bool:
    return bool(_patterns(normalise_language(language)).range_word.search(fold(text or "")))


def month_first(language: str | None) -> bool:
    """Whether `language` writes the month before the day ("March 14"), from its CLDR long date format."""
    return _words(normalise_language(language)).month_first


def clear_caches() -> None:
    """Forget the word tables (tests that change `languages.yml`)."""
    _words.cache_clear()
    _patterns.cache_clear()


__all__ = [
    "RECENT_PAST_DAYS",
    "DateError",
    "DateSpan",
    "ParsedDates",
    "clear_caches",
    "date_spans",
    "find_dates",
    "fold",
    "looks_like_range",
    "month_first",
    "nl_date",
    "only_dates",
    "parse_date",
    "parse_dates",
]
