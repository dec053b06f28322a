"""The school calendar of the vakantieregio's: school days, holidays and lesweken (data: `knowledge/calendar/`).

The module-level functions use the calendar built from the project's data; tests or tools that need other data build
their own `SchoolCalendar`. Dates outside the known school years raise `OutsideKnownCalendar`. A municipality's
vakantieregio comes from the regional table (`assistant.knowledge.get_regions`); an unknown municipality raises
`UnknownMunicipality` (the same class as `assistant.knowledge.UnknownMunicipality`).
"""

from __future__ import annotations

from datetime import date

from assistant.calendar.calendar import SchoolCalendar, get_calendar
from assistant.calendar.model import (
    CalendarError,
    Holiday,
    OutsideKnownCalendar,
    PublicHoliday,
    SchoolYear,
    UnknownRegion,
)
from assistant.knowledge.regions import UnknownMunicipality

__all__ = [
    "CalendarError",
    "Holiday",
    "OutsideKnownCalendar",
    "PublicHoliday",
    "SchoolCalendar",
    "SchoolYear",
    "UnknownMunicipality",
    "UnknownRegion",
    "first_school_day",
    "get_calendar",
    "holiday_on",
    "is_school_day",
    "lesweek_number",
    "region_of",
    "school_days_between",
    "school_year_of",
]


def school_year_of(day: date) -> SchoolYear:
    """The school year (1 August to 31 July) that `day` falls in. Pure arithmetic: works for any date."""
    return SchoolYear.of(day)


def is_school_day(day: date, region: str) -> bool:
    return get_calendar().is_school_day(day, region)


def school_days_between(start: date, end: date, region: str) -> int:
    """School days from `start` to `end` inclusive: weekends, school holidays of the region and the public holidays
    that are school-free by default are left out."""
    return get_calendar().school_days_between(start, end, region)


def first_school_day(school_year: SchoolYear | str, region: str) -> date:
    return get_calendar().first_school_day(school_year, region)


def lesweek_number(day: date, region: str) -> int | None:
    return get_calendar().lesweek_number(day, region)


def holiday_on(day: date, region: str) -> Holiday | None:
    return get_calendar().holiday_on(day, region)


def region_of(municipality: str) -> str:
    return get_calendar().region_of(municipality)
