"""Natural Dutch dates as parents type them: "vrijdag 13 maart", "13-3", "13/03/2026", "2026-03-13", "morgen",
and ranges: "van 9 t/m 13 maart", "9 tot en met 13 maart", "9-13 maart", "13-3 t/m 17-3", "28 februari tot 3 maart".

Pure functions, no locale or clock of their own: every call gets `today`. A small parser instead of `dateparser`
(about 40 MB with its language data and regex, and slow to import): the form needs only day-first Dutch dates.

- A date without a year is the next such date from `today` on; a date up to `RECENT_PAST_DAYS` ago stays in this
  year (a parent reporting leave afterwards means the recent date, not next year's).
- A weekday beside a date must match it ("vrijdag 13 maart" when 13 maart is a Thursday is an error, because one
  of the two is a typo). A weekday alone means the next such day after `today`.
- Impossible dates ("31 februari") are an error with the reason, never silently moved.

`parse_dates(text, today)` returns `ParsedDates(start, end)` (`end` None for a single date) or raises `DateError`
with a stable `code` ("no_date", "impossible_date", "weekday_mismatch").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

RECENT_PAST_DAYS = 14

MONTHS: dict[str, int] = {
    "januari": 1, "jan": 1, "februari": 2, "febr": 2, "feb": 2, "maart": 3, "mrt": 3, "maa": 3, "april": 4, "apr": 4,
    "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augustus": 8, "aug": 8, "september": 9, "sept": 9,
    "sep": 9, "oktober": 10, "okt": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
MONTH_NAMES = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
               "november", "december")
WEEKDAYS: dict[str, int] = {
    "maandag": 0, "ma": 0, "dinsdag": 1, "di": 1, "woensdag": 2, "wo": 2, "donderdag": 3, "do": 3, "vrijdag": 4,
    "vr": 4, "zaterdag": 5, "za": 5, "zondag": 6, "zo": 6,
}
WEEKDAY_NAMES = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
RELATIVE: dict[str, int] = {"vandaag": 0, "morgen": 1, "overmorgen": 2, "gisteren": -1, "eergisteren": -2}

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
# One date: ISO, numeric day-first (13-3, 13/03/2026, 13.3.26), or a day with a month name (13 maart 2026).
_ISO = r"(?P<iso_y>\d{4})-(?P<iso_m>\d{1,2})-(?P<iso_d>\d{1,2})"
_NUMERIC = r"(?P<num_d>\d{1,2})(?P<sep>[-/.])(?P<num_m>\d{1,2})(?:(?P=sep)(?P<num_y>\d{4}|\d{2}))?"
_NAMED = rf"(?P<name_d>\d{{1,2}})(?:e|ste|de)?\s+(?P<name_m>{_MONTH})\.?(?:\s+(?P<name_y>\d{{4}}))?"
_ONE = (rf"(?:(?P<wd>{_WEEKDAY})\.?,?\s+)?(?:{_ISO}|{_NAMED}|{_NUMERIC})"
        rf"|(?P<rel>{'|'.join(sorted(RELATIVE, key=len, reverse=True))})"
        rf"|(?:(?P<next>volgende\s+week|komende)\s+)?(?P<wd_only>{'|'.join(WEEKDAY_NAMES)})")
_DATE = re.compile(rf"(?<![\w-])(?:{_ONE})(?![\w])", re.IGNORECASE)
# "9 t/m 13 maart" and "9-13 maart": a bare first day borrows the month (and year) of the second date.
_BARE_DAY_RANGE = re.compile(
    rf"(?<![\w/.-])(?P<d1>\d{{1,2}})\s*(?:-|–|t/m|tm|tot\s+en\s+met|tot|en)\s*(?P<d2>\d{{1,2}})(?:e|ste|de)?\s+"
    rf"(?P<m>{_MONTH})\.?(?:\s+(?P<y>\d{{4}}))?(?![\w])", re.IGNORECASE)
_RANGE_WORD = re.compile(r"\b(?:t/m|tm|tot\s+en\s+met|tot|until)\b|\s[-–]\s|\bt\s*/\s*m\b", re.IGNORECASE)


class DateError(ValueError):
    """A text that is not (one or two) valid dates. `code` is stable; `detail` names what was wrong."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail


@dataclass(frozen=True)
class ParsedDates:
    start: date
    end: date | None = None

    @property
    def is_range(self) -> bool:
        return self.end is not None


def nl_date(day: date, weekday: bool = False) -> str:
    """'13 maart 2026' or, with `weekday`, 'vrijdag 13 maart 2026'."""
    text = f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"
    return f"{WEEKDAY_NAMES[day.weekday()]} {text}" if weekday else text


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
    # 29 februari in two years without a leap day, or 30/31 in a short month
    try:
        date(2024, month, day)  # a leap year: is it a date at all?
    except ValueError:
        raise DateError("impossible_date", text) from None
    raise DateError("impossible_date", text)


def _one(match: re.Match[str], today: date) -> date:
    groups = match.groupdict()
    text = match.group(0)
    if groups.get("rel"):
        return today + timedelta(days=RELATIVE[groups["rel"].lower()])
    if groups.get("wd_only"):
        weekday = WEEKDAYS[groups["wd_only"].lower()]
        ahead = (weekday - today.weekday()) % 7 or 7
        if groups.get("next") and groups["next"].lower().startswith("volgende"):
            # "volgende week vrijdag": the Friday of next week (Monday-based)
            monday_next = today + timedelta(days=7 - today.weekday())
            return monday_next + timedelta(days=weekday)
        return today + timedelta(days=ahead)
    if groups.get("iso_y"):
        found = _build(int(groups["iso_d"]), int(groups["iso_m"]), int(groups["iso_y"]), today, text)
    elif groups.get("name_d"):
        year = int(groups["name_y"]) if groups.get("name_y") else None
        found = _build(int(groups["name_d"]), MONTHS[groups["name_m"].lower().rstrip(".")], year, today, text)
    else:
        year = int(groups["num_y"]) if groups.get("num_y") else None
        found = _build(int(groups["num_d"]), int(groups["num_m"]), year, today, text)
    if groups.get("wd") and WEEKDAYS[groups["wd"].lower()] != found.weekday():
        raise DateError("weekday_mismatch", f"{groups['wd'].lower()} {nl_date(found)}")
    return found


def find_dates(text: str, today: date) -> list[date]:
    """Every date in `text`, in order. Raises DateError for an impossible date or a weekday that does not match."""
    text = text or ""
    found: list[tuple[int, date]] = []
    taken: list[tuple[int, int]] = []
    for match in _BARE_DAY_RANGE.finditer(text):
        year = int(match.group("y")) if match.group("y") else None
        month = MONTHS[match.group("m").lower()]
        second = _build(int(match.group("d2")), month, year, today, match.group(0))
        first_text = f"{match.group('d1')} {match.group('m')}"
        first = _build(int(match.group("d1")), month, second.year, today, first_text)
        found += [(match.start(), first), (match.start("d2"), second)]
        taken.append(match.span())
    for match in _DATE.finditer(text):
        if any(start <= match.start() < end for start, end in taken):
            continue
        found.append((match.start(), _one(match, today)))
    return [day for _position, day in sorted(found, key=lambda item: item[0])]


def parse_dates(text: str, today: date) -> ParsedDates:
    """One date, or a range of two. More than two dates: the first and the last."""
    dates = find_dates(text, today)
    if not dates:
        raise DateError("no_date", text)
    if len(dates) == 1:
        return ParsedDates(dates[0])
    start, end = dates[0], dates[-1]
    if end < start and start.year == end.year and not re.search(r"\d{4}", text or ""):
        # "28 december t/m 3 januari" without years: the end is in the next year
        try:
            end = end.replace(year=end.year + 1)
        except ValueError:
            raise DateError("impossible_date", text) from None
    return ParsedDates(start, end)


def parse_date(text: str, today: date) -> date:
    """Exactly one date (the first, when a range is given)."""
    return parse_dates(text, today).start


def looks_like_range(text: str) -> bool:
    return bool(_RANGE_WORD.search(text or ""))
