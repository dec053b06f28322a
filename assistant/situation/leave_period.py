"""The period of a leave question: when it starts and ends (dates, a month, a school holiday, a duration), how many
school days it covers, and the verlof rules run over it."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from assistant.calendar import CalendarError, Holiday, SchoolCalendar, SchoolYear, get_calendar
from assistant.i18n import Message
from assistant.knowledge import UnknownMunicipality, get_regions
from assistant.knowledge.parameters import LawNotKnown, LegalParameters, params
from assistant.rules.verlof import (
    VerlofDecision,
    VerlofFacts,
    evaluate_verlof,
)
from assistant.situation.facts import Facts, next_occurrence, plausibility
from assistant.situation.leave_texts import (
    MONTHS_ABOUT,
    ONE_DAY,
    ONE_MONTH_ABOUT,
    PERIOD_DAYS,
    PERIOD_ONE_DAY,
    WEEKS_ABOUT,
)


def municipality_of(facts: Facts) -> str:
    """The asker's municipality, or the regional table's first (all of Twente is vakantieregio noord; only the school
    days are counted with it, never who decides)."""
    regions = get_regions()
    if facts.municipality:
        try:
            return regions.name_of(facts.municipality)
        except UnknownMunicipality:
            pass
    return regions.municipalities[0]


def _next_holiday(holiday_id: str, on: date, region: str, calendar: SchoolCalendar) -> Holiday | None:
    day = on
    while True:
        try:
            found = calendar.school_holiday_on(day, region)
        except CalendarError:
            return None
        if found is not None and found.id == holiday_id:
            return found
        day += timedelta(days=1)


def _school_days_from(day: date, count: int, step: int, region: str, calendar: SchoolCalendar) -> list[date]:
    """`count` school days from `day` on, going forward (`step` 1) or back (-1)."""
    found: list[date] = []
    while len(found) < count:
        if calendar.is_school_day(day, region):
            found.append(day)
        day += timedelta(days=step)
    return sorted(found)


def leave_period(facts: Facts, on: date, region: str, calendar: SchoolCalendar) -> tuple[date, date] | None:
    """The leave's first and last day: as said, or a week (or the length said) right before or after a holiday."""
    if facts.start is not None:
        return facts.start, facts.end or facts.start
    if facts.holiday is None or facts.relation is None:
        return None
    try:
        holiday = _next_holiday(facts.holiday, on, region, calendar)
        if holiday is None:
            return None
        count = round(facts.duration_days or plausibility()["school_days_per_week"])
        if facts.relation == "before":
            days = _school_days_from(holiday.start - timedelta(days=1), count, -1, region, calendar)
        else:
            days = _school_days_from(holiday.end + timedelta(days=1), count, 1, region, calendar)
    except CalendarError:
        return None
    return days[0], days[-1]


def period_days(period: tuple[date, date], days: int) -> Message:
    """ "Van 14 december tot en met 18 december 2026 zijn er 5 schooldagen.", or with one school day "Op 15 december
    2026 is er 1 schooldag." (the catalogs have no plural forms: the one day is a text of its own)."""
    values = {"start": period[0], "end": period[1], "days": days}
    if days == 1:
        return Message(ONE_DAY if period[0] == period[1] else PERIOD_ONE_DAY, values)
    return Message(PERIOD_DAYS, values)


def days_given(facts: Facts) -> bool:
    """Whether the asker gave the leave's days: a length ("drie dagen"), or dates that are the leave's (a range, a
    date), not a weekday alone ("de uitvaart is vrijdag": the event's day) nor a week guessed around a holiday."""
    return facts.duration_days is not None or (facts.start is not None and not facts.weekday)


def law_day(facts: Facts, period: tuple[date, date] | None, on: date) -> date:
    """The day whose law answers a leave question: the leave's first day when it is known (`period`, or a date said),
    else the first day of the next month asked ("drie weken in oktober", asked in December: 1 October next year;
    the month we are in: today, the part of it still to come), else `on`."""
    if period is not None:
        return period[0]
    if facts.start is not None:
        return facts.start
    if facts.month is not None:
        return max(next_occurrence(facts.month, on), on)
    return on


def first_lesweken(
    month: int, on: date, region: str, calendar: SchoolCalendar, law: LegalParameters
) -> tuple[SchoolYear, date, date] | None:
    """The first lesweken of the school year in which the next `month` falls, when that month overlaps them."""
    first_of_month = next_occurrence(month, on)
    school_year = SchoolYear.of(first_of_month)
    try:
        first = calendar.first_school_day(school_year, region)
        weeks = law.verlof.vakantie_excluded_first_lesweken.value
        last = first
        day = first
        while (number := calendar.lesweek_number(day, region)) is None or number <= weeks:
            if number is not None and calendar.is_school_day(day, region):
                last = day
            day += timedelta(days=1)
    except CalendarError:
        return None
    if first.month != month and last.month != month:
        return None
    return school_year, first, last


def duration_sentence(facts: Facts, days: int) -> Message | None:
    if facts.weeks is not None and facts.days is None:
        return Message(WEEKS_ABOUT, {"weeks": _decimal(facts.weeks), "days": days})
    if facts.months is not None and facts.days is None:
        if facts.months == 1:
            return Message(ONE_MONTH_ABOUT, {"days": days})
        return Message(MONTHS_ABOUT, {"months": _decimal(facts.months), "days": days})
    return None


def _decimal(value: float) -> Decimal:
    return Decimal(f"{value:g}")


def evaluate_leave(
    kind: str,
    facts: Facts,
    period: tuple[date, date],
    on: date,
    calendar: SchoolCalendar,
    municipality: str,
    category: str | None = None,
) -> VerlofDecision | None:
    try:
        return evaluate_verlof(
            VerlofFacts(
                kind=kind,
                start_date=period[0],
                end_date=period[1],  # type: ignore[arg-type]
                municipality=municipality,
                requested_on=on,
                category=category,
                prior_vakantie_this_school_year=bool(facts.prior_leave),
            ),
            on=on,
        )
    except (CalendarError, LawNotKnown, ValueError):
        return None


def law_of_leave(facts: Facts, on: date) -> LegalParameters:
    """The law of the days the child would be away (`law_day`), for a verdict that needs no period of its own."""
    calendar = get_calendar()
    period = leave_period(facts, on, calendar.region_of(municipality_of(facts)), calendar)
    return params(law_day(facts, period, on))
