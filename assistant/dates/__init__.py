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
means different months in two languages counts only in the conversation language. A full month name misspelt by
one edit ("14 okotber", "3 feburari") is that month when the word has six letters or more and no other month's name
is as close (`misspelt_month`).

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
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from assistant.dates.words import (
    Patterns,
    Vocabulary,
    date_patterns,
    language_words,
    lookup,
    misspelt_month,
    weekday_of,
)
from assistant.folding import fold, fold_with_positions
from assistant.i18n import SOURCE_LANGUAGE, normalise_language
from assistant.i18n.formatting import format_date, format_weekday

RECENT_PAST_DAYS = 14


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
    """The text as typed and folded, to show the typed words in errors. With `months` (folded full names -> month),
    a misspelt month name ("14 okotber") is written right in the folded text (`misspelt_month`); its letters keep
    the positions of the word as typed, so that spans and errors still show what was typed."""

    def __init__(self, text: str, months: Mapping[str, int] | None = None) -> None:
        self.original = text
        folded, positions = fold_with_positions(text)
        if months:
            folded, positions = _months_spelt_right(folded, positions, months)
        self.folded, self.positions = folded, positions

    def typed(self, start: int, end: int) -> str:
        return self.original[self.positions[start] : self.positions[end]].strip()


_LETTERS = re.compile(r"[^\W\d_]+")


def _months_spelt_right(folded: str, positions: list[int], months: Mapping[str, int]) -> tuple[str, list[int]]:
    pieces: list[str] = []
    kept: list[int] = []
    last = 0
    for match in _LETTERS.finditer(folded):
        name = misspelt_month(match.group(0), months)
        if name is None:
            continue
        start, end = match.span()
        pieces.append(folded[last:start])
        kept.extend(positions[last:start])
        typed_start, typed_end = positions[start], positions[end]
        pieces.append(name)
        kept.extend(min(typed_start + index, typed_end - 1) for index in range(len(name)))
        last = end
    pieces.append(folded[last:])
    kept.extend(positions[last:])
    return "".join(pieces), kept


def _one(match: re.Match[str], today: date, vocabulary: Vocabulary, text: _Text) -> date:
    groups = match.groupdict()
    typed = text.typed(*match.span())
    if groups.get("rel"):
        return today + timedelta(days=lookup(vocabulary.relative, groups["rel"]))
    if groups.get("wd_only"):
        weekday = weekday_of(vocabulary, groups["wd_only"])
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
        month = lookup(vocabulary.months, groups["name_m"])
        found = _build(int(groups["name_d"]), month, year, today, typed)
    elif groups.get("mf_d"):
        year = int(groups["mf_y"]) if groups.get("mf_y") else None
        month = lookup(vocabulary.months, groups["mf_m"])
        found = _build(int(groups["mf_d"]), month, year, today, typed)
    else:
        year = int(groups["num_y"]) if groups.get("num_y") else None
        found = _build(int(groups["num_d"]), int(groups["num_m"]), year, today, typed)
    for group in ("wd", "wd_after"):
        if groups.get(group):
            weekday = weekday_of(vocabulary, groups[group])
            if weekday is not None and weekday != found.weekday():
                written = text.typed(*match.span(group)).lower()
                raise DateError("weekday_mismatch", f"{written} {nl_date(found)}", day=found, weekday=weekday)
    return found


def _scan(text: str, language: str | None) -> tuple[Patterns, _Text, list[tuple[re.Match[str], bool]]]:
    """Every date match in the folded `text`, in order, without building the dates: (match, is_range). A range
    with a bare first day ("9 t/m 13 maart") is one match; the other dates are one match each."""
    patterns = date_patterns(normalise_language(language))
    source = _Text(text or "", patterns.vocabulary.full_months)
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
            month = lookup(vocabulary.months, match.group("m"))
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
    return [
        DateSpan(source.positions[match.start()], source.positions[match.end()], 2 if is_range else 1)
        for match, is_range in matches
    ]


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
        rest = f"{rest[: match.start()]} {rest[match.end() :]}"
    rest = patterns.range_word.sub(" ", rest)
    rest = patterns.filler.sub(" ", rest)
    return not re.sub(r"[\W_]+", "", rest)


def weekday_alone(text: str, language: str | None = SOURCE_LANGUAGE) -> bool:
    """Whether `text` is one weekday without a date ("vrijdag", "volgende week dinsdag", "on Friday")."""
    _patterns, _source, matches = _scan(text, language)
    return len(matches) == 1 and not matches[0][1] and bool(matches[0][0].group("wd_only"))


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
    return bool(date_patterns(normalise_language(language)).range_word.search(fold(text or "")))


def month_first(language: str | None) -> bool:
    """Whether `language` writes the month before the day ("March 14"), from its CLDR long date format."""
    return language_words(normalise_language(language)).month_first


def clear_caches() -> None:
    """Forget the word tables (tests that change `languages.yml`)."""
    language_words.cache_clear()
    date_patterns.cache_clear()


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
    "misspelt_month",
    "month_first",
    "nl_date",
    "only_dates",
    "parse_date",
    "parse_dates",
    "weekday_alone",
]
