"""Leerplicht and kwalificatieplicht of one child on one day, from the birth date (Leerplichtwet 1969 art. 2-4b, 11a).

`leerplicht_status(facts, on=day)` is pure: the law's numbers come from the dated parameters of `on`
(`params(on).leerplicht`), school days from the regional school calendar. Rules:

- Leerplicht begins on the first school day of the month after the month of the 5th birthday (art. 3 lid 1).
- It ends at the end of the school year (31 July) in which the child turns 16, or earlier at the end of the school
  year after which the child has attended school for twelve full school years (art. 3 lid 1 a and b); a primary
  school finished in fewer than eight years counts as eight (art. 3 lid 2: the caller counts that in).
- Kwalificatieplicht follows directly and ends on the 18th birthday or when a startkwalificatie is obtained (art. 4a,
  4b).
- From 12 the young person is obliged too (art. 2 lid 3).
- Until the 6th birthday parents may keep a leerplichtig child home 5 hours a week, and the head may allow 5 more
  (art. 11a).

The first school day needs the school calendar; for a month the calendar does not hold yet, the first weekday that
is no known public holiday is given and the explanation says to check the school's own calendar.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from assistant.calendar import SchoolCalendar, SchoolYear, get_calendar
from assistant.calendar.model import CalendarError
from assistant.i18n import Message, _
from assistant.knowledge.law_date import law_on
from assistant.knowledge.parameters import LegalParameters, params

START = _("De leerplicht begint op de eerste schooldag van de maand na de vijfde verjaardag: {start}.")
START_CALENDAR_UNKNOWN = _(
    "De schoolvakanties van die maand zijn nog niet bekend. Kijk in de schoolgids welke dag de eerste schooldag is."
)
END_AT_SIXTEEN = _("De leerplicht eindigt aan het einde van het schooljaar waarin uw kind {age} wordt: {end}.")
END_AFTER_YEARS = _(
    "Uw kind heeft dan {years} volledige schooljaren op school gezeten. Daarom eindigt de leerplicht "
    "al aan het einde van dat schooljaar: {end}."
)
NOW_LEERPLICHTIG = _("Op {on} is uw kind leerplichtig.")
NOT_YET = _("Op {on} is uw kind nog niet leerplichtig.")
KWALIFICATIEPLICHT = _(
    "Daarna geldt de kwalificatieplicht: naar school tot de {age}e verjaardag ({end}), of tot uw "
    "kind een startkwalificatie heeft (een havo- of vwo-diploma, of een mbo-diploma op niveau 2 of "
    "hoger)."
)
NOW_KWALIFICATIEPLICHTIG = _("Op {on} is uw kind kwalificatieplichtig.")
NOTHING_APPLIES = _("Op {on} geldt voor uw kind geen leerplicht en geen kwalificatieplicht meer.")
HAS_STARTKWALIFICATIE = _("Met een startkwalificatie is er geen kwalificatieplicht meer.")
OWN_OBLIGATION = _("Vanaf {age} jaar is uw kind ook zelf verplicht om naar school te gaan.")
AGE_FIVE = _(
    "Tot de zesde verjaardag mag u uw kind {free} uur per week thuishouden; meld dat aan de directeur. Met "
    "toestemming van de directeur mag dat {total} uur per week zijn."
)


class ImpossibleFacts(ValueError):
    """Facts that cannot be right; `field` names the input and `reason` is a Dutch `_()` text for the user."""

    def __init__(self, field_name: str, reason: str) -> None:
        super().__init__(f"{field_name}: {reason}")
        self.field = field_name
        self.reason = reason


FUTURE_BIRTH = _("deze geboortedatum ligt in de toekomst.")
BEFORE_BIRTH = _("deze datum ligt voor de geboortedatum.")
TOO_MANY_YEARS = _("zoveel schooljaren passen niet bij deze leeftijd.")


@dataclass(frozen=True)
class LeerplichtFacts:
    birth_date: date
    school_years_completed: int | None = None  # full school years attended before the school year of `on`
    has_startkwalificatie: bool = False
    region: str = "noord"  # all of Twente is vakantieregio noord


@dataclass(frozen=True)
class LeerplichtStatus:
    on: date
    leerplichtig: bool
    leerplicht_start: date
    leerplicht_start_known_school_day: bool
    leerplicht_end: date
    leerplicht_end_reason: str  # "age" (art. 3 lid 1 b) or "school_years" (art. 3 lid 1 a)
    kwalificatieplichtig: bool
    kwalificatieplicht_end: date | None
    own_obligation: bool
    age: int
    age_5_hours_per_week: dict[str, int] | None
    citations: tuple[str, ...]
    explanation: tuple[Message, ...] = field(default_factory=tuple)


def age_on(birth_date: date, day: date) -> int:
    """Whole years of age on `day` (a 29 February birthday is reached on 28 February in other years)."""
    return relativedelta(day, birth_date).years


def birthday(birth_date: date, years: int) -> date:
    return birth_date + relativedelta(years=years)


def first_school_day_from(day: date, calendar: SchoolCalendar, region: str) -> tuple[date, bool]:
    """The first school day on or after `day`, and whether the school calendar knew it (else: the first weekday that
    is no known public holiday)."""
    try:
        while not calendar.is_school_day(day, region):
            day += timedelta(days=1)
        return day, True
    except CalendarError:
        while day.weekday() >= 5 or calendar.public_holiday_on(day) is not None:
            day += timedelta(days=1)
        return day, False


def leerplicht_status(
    facts: LeerplichtFacts, on: date, *, law: LegalParameters | None = None, calendar: SchoolCalendar | None = None
) -> LeerplichtStatus:
    """Where the child stands on `on`. Raises `ImpossibleFacts` for impossible input and `LawNotKnown` for a day
    before the law the knowledge covers."""
    if facts.birth_date > on:
        raise ImpossibleFacts("on_date", BEFORE_BIRTH)
    law = law or params(on)
    calendar = calendar or get_calendar()
    rules = law.leerplicht
    age = age_on(facts.birth_date, on)
    if facts.school_years_completed is not None and not 0 <= facts.school_years_completed <= max(age - 3, 0):
        raise ImpossibleFacts("school_years_completed", TOO_MANY_YEARS)

    fifth = birthday(facts.birth_date, rules.start_age.value)
    first_of_next_month = fifth.replace(day=1) + relativedelta(months=1)
    start, start_known = first_school_day_from(first_of_next_month, calendar, facts.region)

    end = SchoolYear.of(birthday(facts.birth_date, rules.end_age.value)).end
    end_reason = "age"
    citations = ["lpw:3", "lpw:2"]
    if facts.school_years_completed is not None:
        remaining = rules.full_school_years.value - facts.school_years_completed
        current = SchoolYear.of(on)
        by_years = SchoolYear(current.start_year + remaining - 1).end if remaining > 0 else current.previous.end
        if by_years < end:
            end, end_reason = by_years, "school_years"
    leerplichtig = start <= on <= end

    eighteenth = birthday(facts.birth_date, rules.kwalificatieplicht_end_age.value)
    kwalificatieplicht_end = None if facts.has_startkwalificatie else eighteenth
    kwalificatieplichtig = (
        not leerplichtig and on > end and kwalificatieplicht_end is not None and on < kwalificatieplicht_end
    )
    own_obligation = age >= rules.own_obligation_age.value and (leerplichtig or kwalificatieplichtig)
    hours = None
    if leerplichtig and age < rules.age_5_exemption_until_age.value:
        free = rules.age_5_hours_without_permission.value
        total = free + rules.age_5_extra_hours_with_permission.value
        hours = {"without_permission": free, "with_head_permission": total}
        citations.append("lpw:11a")
    citations += ["lpw:4a", "lpw:4b", "lpw:1"]

    explanation: list[Message] = []
    if on < start:
        explanation.append(Message(NOT_YET, {"on": on}))
    elif leerplichtig:
        explanation.append(Message(NOW_LEERPLICHTIG, {"on": on}))
    elif kwalificatieplichtig:
        explanation.append(Message(NOW_KWALIFICATIEPLICHTIG, {"on": on}))
    else:
        explanation.append(Message(NOTHING_APPLIES, {"on": on}))
    explanation.append(Message(START, {"start": start}))
    if not start_known:
        explanation.append(Message(START_CALENDAR_UNKNOWN))
    if end_reason == "school_years":
        explanation.append(Message(END_AFTER_YEARS, {"years": rules.full_school_years.value, "end": end}))
    else:
        explanation.append(Message(END_AT_SIXTEEN, {"age": rules.end_age.value, "end": end}))
    if facts.has_startkwalificatie:
        explanation.append(Message(HAS_STARTKWALIFICATIE))
    else:
        explanation.append(
            Message(KWALIFICATIEPLICHT, {"age": rules.kwalificatieplicht_end_age.value, "end": eighteenth})
        )
    if own_obligation:
        explanation.append(Message(OWN_OBLIGATION, {"age": rules.own_obligation_age.value}))
    if hours:
        explanation.append(
            Message(AGE_FIVE, {"free": hours["without_permission"], "total": hours["with_head_permission"]})
        )
    explanation.append(law_on(on))
    return LeerplichtStatus(
        on=on,
        leerplichtig=leerplichtig,
        leerplicht_start=start,
        leerplicht_start_known_school_day=start_known,
        leerplicht_end=end,
        leerplicht_end_reason=end_reason,
        kwalificatieplichtig=kwalificatieplichtig,
        kwalificatieplicht_end=kwalificatieplicht_end,
        own_obligation=own_obligation,
        age=age,
        age_5_hours_per_week=hours,
        citations=tuple(dict.fromkeys(citations)),
        explanation=tuple(explanation),
    )
