"""Office hours, response due times and the Dutch "when will I hear back" text. Pure functions over configuration.

Office hours and response targets are configuration (`office_hours.yml`), not sourced facts; see that file.
All datetimes going in and out are timezone-aware (UTC in the database); naive values are taken as UTC, which is
what SQLite hands back for `DateTime(timezone=True)` columns.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from functools import lru_cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import yaml

from assistant.i18n import _, translate
from assistant.i18n.formatting import format_day_month, format_weekday

OFFICE_HOURS_FILE = Path(__file__).resolve().parent / "office_hours.yml"
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
HOURS_PER_WORKDAY = 8

WITHIN_WORKDAYS = _("Een leerplichtambtenaar reageert binnen {days} werkdag.")
WITHIN_WORKDAYS_PLURAL = _("Een leerplichtambtenaar reageert binnen {days} werkdagen.")
AS_SOON_AS_POSSIBLE = _("Een leerplichtambtenaar reageert zo snel mogelijk, uiterlijk {when}.")
OFFICE_CLOSED = _("Het kantoor van leerplicht is nu gesloten. Een leerplichtambtenaar leest uw bericht {when}.")
TODAY_AT = _("vandaag om {time} uur")
TOMORROW_AT = _("morgen om {time} uur")
DAY_AT = _("{day} om {time} uur")
TODAY_FROM = _("vandaag vanaf {time} uur")
TOMORROW_FROM = _("morgen vanaf {time} uur")
DAY_FROM = _("op {day} vanaf {time} uur")
IN_DANGER = _(
    "Is iemand nu in gevaar? Bel dan direct 112. Voor advies of hulp bij huiselijk geweld of kindermishandeling "
    "kunt u Veilig Thuis bellen: 0800-2000 (gratis, dag en nacht)."
)


def aware(moment: datetime) -> datetime:
    """`moment` as a timezone-aware datetime (naive values are UTC)."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=timezone.utc)


@dataclass(frozen=True)
class OfficeHours:
    timezone: ZoneInfo = field(default_factory=lambda: ZoneInfo("Europe/Amsterdam"))
    weekdays: frozenset[int] = frozenset(range(5))  # Monday = 0
    opens: time = time(9, 0)
    closes: time = time(17, 0)
    closed_dates: frozenset[date] = frozenset()
    response_targets: dict[str, float] = field(default_factory=lambda: {"urgent": 1.0, "high": 4.0, "normal": 8.0})

    def is_workday(self, day: date) -> bool:
        return day.weekday() in self.weekdays and day not in self.closed_dates

    def target_hours(self, priority: str) -> float:
        return float(self.response_targets.get(priority, self.response_targets.get("normal", HOURS_PER_WORKDAY)))


def _parse_time(value: Any) -> time:
    hours, minutes = str(value).split(":")
    return time(int(hours), int(minutes))


def parse_office_hours(raw: dict[str, Any]) -> OfficeHours:
    days = raw.get("days", WEEKDAYS[:5])
    unknown = [day for day in days if day not in WEEKDAYS]
    if unknown:
        raise ValueError(f"unknown weekday(s) in office hours: {unknown}")
    hours = OfficeHours(
        timezone=ZoneInfo(str(raw.get("timezone", "Europe/Amsterdam"))),
        weekdays=frozenset(WEEKDAYS.index(day) for day in days),
        opens=_parse_time(raw.get("open", "09:00")),
        closes=_parse_time(raw.get("close", "17:00")),
        closed_dates=frozenset(date.fromisoformat(str(day)) for day in raw.get("closed_dates") or []),
        response_targets={str(k): float(v) for k, v in (raw.get("response_targets") or {}).items()}
        or {"urgent": 1.0, "high": 4.0, "normal": 8.0},
    )
    if hours.opens >= hours.closes or not hours.weekdays:
        raise ValueError("office hours must open before they close, on at least one weekday")
    return hours


@lru_cache(maxsize=4)
def load_office_hours(path: Path = OFFICE_HOURS_FILE) -> tuple[OfficeHours, dict[str, OfficeHours]]:
    """The default office hours and those per municipality (case-folded name)."""
    with path.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle) or {}
    default_raw = data.get("default") or {}
    per_municipality = {
        str(name).casefold(): parse_office_hours({**default_raw, **(override or {})})
        for name, override in (data.get("municipalities") or {}).items()
    }
    return parse_office_hours(default_raw), per_municipality


def office_hours_for(municipality: str | None) -> OfficeHours:
    default, per_municipality = load_office_hours()
    return per_municipality.get((municipality or "").casefold(), default)


def _local(hours: OfficeHours, moment: datetime) -> datetime:
    return aware(moment).astimezone(hours.timezone)


def _at(hours: OfficeHours, day: date, clock: time) -> datetime:
    return datetime.combine(day, clock, tzinfo=hours.timezone)


def is_open(hours: OfficeHours, moment: datetime) -> bool:
    local = _local(hours, moment)
    return hours.is_workday(local.date()) and hours.opens <= local.time() < hours.closes


def next_opening(hours: OfficeHours, moment: datetime) -> datetime:
    """`moment` itself when the office is open, else the next time it opens (aware, in the office's timezone)."""
    local = _local(hours, moment)
    if is_open(hours, local):
        return local
    day = local.date()
    if not (hours.is_workday(day) and local.time() < hours.opens):
        day += timedelta(days=1)
        for _step in range(366):
            if hours.is_workday(day):
                break
            day += timedelta(days=1)
        else:  # pragma: no cover - a year without a workday is a configuration error
            raise ValueError("no workday within a year")
    return _at(hours, day, hours.opens)


def add_office_hours(hours: OfficeHours, start: datetime, amount: float) -> datetime:
    """The moment `amount` office hours after `start` (counting only time when the office is open)."""
    remaining = timedelta(hours=amount)
    moment = next_opening(hours, start)
    while True:
        closing = _at(hours, moment.date(), hours.closes)
        if moment + remaining <= closing:
            return (moment + remaining).astimezone(timezone.utc)
        remaining -= closing - moment
        moment = next_opening(hours, closing)


def sla_due_at(hours: OfficeHours, priority: str, created_at: datetime) -> datetime:
    """When the first response of an officer is due (UTC)."""
    return add_office_hours(hours, created_at, hours.target_hours(priority))


def _day_phrase(
    hours: OfficeHours, now: datetime, moment: datetime, language: str, today: str, tomorrow: str, other: str
) -> str:
    local_now, local = _local(hours, now), _local(hours, moment)
    clock = f"{local.hour}.{local.minute:02d}"
    days_ahead = (local.date() - local_now.date()).days
    if days_ahead == 0:
        return translate(today, language, time=clock)
    if days_ahead == 1:
        return translate(tomorrow, language, time=clock)
    day = format_weekday(local.date(), language)
    if days_ahead > 6:
        day = f"{day} {format_day_month(local.date(), language)}"
    return translate(other, language, day=day, time=clock)


def expected_response(
    hours: OfficeHours, priority: str, now: datetime, language: str = "nl", due_at: datetime | None = None
) -> str:
    """What the user is told about when an officer will answer (Dutch, or a reviewed translation).

    Office open: "binnen 1 werkdag" (targets of a werkdag or more) or "uiterlijk vandaag om 14.00 uur".
    Office closed: when it opens again. Urgent cases always start with 112 and Veilig Thuis (0800-2000).
    """
    if is_open(hours, now):
        target = hours.target_hours(priority)
        if target >= HOURS_PER_WORKDAY:
            days = math.ceil(target / HOURS_PER_WORKDAY)
            text = translate(WITHIN_WORKDAYS if days == 1 else WITHIN_WORKDAYS_PLURAL, language, days=days)
        else:
            due = due_at or add_office_hours(hours, now, target)
            when = _day_phrase(hours, now, due, language, TODAY_AT, TOMORROW_AT, DAY_AT)
            text = translate(AS_SOON_AS_POSSIBLE, language, when=when)
    else:
        when = _day_phrase(hours, now, next_opening(hours, now), language, TODAY_FROM, TOMORROW_FROM, DAY_FROM)
        text = translate(OFFICE_CLOSED, language, when=when)
    if priority == "urgent":
        return f"{translate(IN_DANGER, language)} {text}"
    return text
