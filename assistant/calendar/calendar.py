"""The school calendar: school days, holidays and lesweken per vakantieregio, read from `knowledge/calendar/`; the
vakantieregio of a municipality comes from the regional table (`knowledge/regions.yml`, `assistant.knowledge`).

Pure: a `SchoolCalendar` is built once from the YAML data and never changes. A date outside the school years in the
data raises `OutsideKnownCalendar`; the calendar never guesses a holiday.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from assistant.calendar.model import (
    Holiday,
    OutsideKnownCalendar,
    PublicHoliday,
    SchoolYear,
    UnknownRegion,
)
from assistant.knowledge.paths import CALENDAR_DIR
from assistant.knowledge.regions import Regions, get_regions

_ONE_DAY = timedelta(days=1)


def _as_date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _sources(entry: dict[str, Any]) -> tuple[str, ...]:
    return tuple(str(source) for source in entry.get("sources") or ())


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


class SchoolCalendar:
    """School holidays, school-free public holidays and lesweken for the regions in the data."""

    def __init__(self, school_holidays: dict[str, Any], public_holidays: dict[str, Any], places: Regions) -> None:
        self.regions: tuple[str, ...] = tuple(school_holidays["regions"])
        self._holidays: dict[str, list[Holiday]] = {region: [] for region in self.regions}
        self._covered: list[SchoolYear] = []
        self._zomer: dict[tuple[str, SchoolYear], Holiday] = {}
        for year_entry in school_holidays["school_years"]:
            school_year = SchoolYear.parse(year_entry["school_year"])
            if year_entry.get("coverage", True):
                self._covered.append(school_year)
            for entry in year_entry["holidays"]:
                for region, period in entry["regions"].items():
                    if region not in self._holidays:
                        raise ValueError(f"{school_year}: {entry['id']} names unknown region {region!r}")
                    holiday = Holiday(
                        id=entry["id"],
                        name=entry["name"],
                        kind="schoolvakantie",
                        region=region,
                        start=_as_date(period["start"]),
                        end=_as_date(period["end"]),
                        certainty=period["certainty"],
                        school_year=school_year,
                        advisory=bool(entry.get("advisory", False)),
                        compulsory=bool(entry.get("compulsory", False)),
                        sources=_sources(entry),
                        note=period.get("note") or entry.get("note"),
                    )
                    if holiday.end < holiday.start:
                        raise ValueError(f"{school_year}: {holiday.id} ({region}) ends before it starts")
                    self._holidays[region].append(holiday)
                    if holiday.id == "zomervakantie":
                        self._zomer[(region, school_year)] = holiday
        self._covered.sort()
        if not self._covered:
            raise ValueError("the calendar data covers no school year")
        for earlier, later in zip(self._covered, self._covered[1:], strict=False):
            if later != earlier.next:
                raise ValueError(f"the covered school years have a gap between {earlier} and {later}")
        for region in self.regions:
            for school_year in self._covered:
                if (region, school_year.previous) not in self._zomer:
                    raise ValueError(f"no zomervakantie before {school_year} for region {region}")
            self._holidays[region].sort(key=lambda holiday: holiday.start)

        self.school_free_certainty = public_holidays["school_free_default"]["certainty"]
        self._public_free_sources = _sources(public_holidays["school_free_default"])
        definitions = {entry["id"]: entry for entry in public_holidays["holidays"]}
        self._public: dict[date, list[PublicHoliday]] = {}
        for year_label, days in public_holidays["dates"].items():
            school_year = SchoolYear.parse(year_label)
            for holiday_id, value in days.items():
                definition = definitions[holiday_id]
                if isinstance(value, list):
                    first, last = _as_date(value[0]), _as_date(value[-1])
                else:
                    first = last = _as_date(value)
                day = first
                while day <= last:
                    if day not in school_year:
                        raise ValueError(f"{holiday_id} on {day} is not in school year {school_year}")
                    self._public.setdefault(day, []).append(
                        PublicHoliday(
                            id=holiday_id,
                            name=definition["name"],
                            day=day,
                            school_year=school_year,
                            school_free_by_default=bool(definition["school_free_by_default"]),
                            not_a_public_holiday=bool(definition.get("not_a_public_holiday", False)),
                            algemeen_erkende_feestdag=bool(definition.get("atw", False)),
                            regions=tuple(definition["regions"]) if definition.get("regions") else None,
                            note=definition.get("note"),
                        )
                    )
                    day += _ONE_DAY

        self._places = places
        for name in places.municipalities:
            if places.vakantieregio_of(name) not in self.regions:
                raise ValueError(f"municipality {name} names unknown region {places.vakantieregio_of(name)!r}")
        self.municipality_citations: tuple[str, ...] = places.vakantieregio.citations if places.vakantieregio else ()

    # -- coverage -------------------------------------------------------------------------------------------------

    @property
    def school_years(self) -> tuple[SchoolYear, ...]:
        return tuple(self._covered)

    @property
    def known_from(self) -> date:
        return self._covered[0].start

    @property
    def known_until(self) -> date:
        return self._covered[-1].end

    def region(self, region: str) -> str:
        key = str(region).strip().casefold()
        if key not in self.regions:
            raise UnknownRegion(str(region), self.regions)
        return key

    def check_known(self, day: date, region: str) -> None:
        if not self.known_from <= day <= self.known_until:
            raise OutsideKnownCalendar(day, region, self.known_from, self.known_until)

    def region_of(self, municipality: str) -> str:
        """The vakantieregio of a municipality (case-insensitive); UnknownMunicipality outside the table."""
        return self._places.vakantieregio_of(municipality)

    def municipality_name(self, municipality: str) -> str:
        """The municipality's name as written in the regional table ('borne' -> 'Borne')."""
        return self._places.name_of(municipality)

    @property
    def municipalities(self) -> tuple[str, ...]:
        return self._places.municipalities

    # -- days -----------------------------------------------------------------------------------------------------

    def school_holiday_on(self, day: date, region: str) -> Holiday | None:
        region = self.region(region)
        self.check_known(day, region)
        for holiday in self._holidays[region]:
            if day in holiday:
                return holiday
        return None

    def public_holiday_on(self, day: date, region: str | None = None) -> PublicHoliday | None:
        """The public holiday on `day` (school-free or not), or None. With `region`, regional customs of other
        regions (carnaval outside zuid) are left out."""
        if region is not None:
            region = self.region(region)
            self.check_known(day, region)
        for holiday in self._public.get(day, ()):
            if region is None or holiday.regions is None or region in holiday.regions:
                return holiday
        return None

    def term_end(self, start: date, days: int) -> date:
        """The last day of a statutory term of `days` days counted forward from `start` (art. 14 lid 2: "binnen twee
        dagen na het ontstaan van de verhindering"). Algemene termijnenwet art. 1 lid 1: a term that ends on a
        Saturday, Sunday or algemeen erkende feestdag (art. 3) runs to the next day that is none of these.
        Not for backward terms such as art. 13's "two days before" (Atw art. 1 lid 2)."""
        end = start + timedelta(days=days)
        while end.weekday() >= 5 or any(h.algemeen_erkende_feestdag for h in self._public.get(end, ())):
            end += _ONE_DAY
        return end

    def holiday_on(self, day: date, region: str) -> Holiday | None:
        """The school holiday on `day`, or else the public holiday that makes it school-free by default, or None."""
        holiday = self.school_holiday_on(day, region)
        if holiday is not None:
            return holiday
        public = self.public_holiday_on(day, region)
        if public is None or not public.school_free_by_default:
            return None
        return Holiday(
            id=public.id,
            name=public.name,
            kind="feestdag",
            region=self.region(region),
            start=day,
            end=day,
            certainty=self.school_free_certainty,
            school_year=public.school_year,
            sources=self._public_free_sources,
            note=public.note,
        )

    def is_school_day(self, day: date, region: str) -> bool:
        """Monday to Friday, not in a school holiday of the region and not a school-free public holiday."""
        holiday = self.holiday_on(day, region)  # checks region and coverage first
        return day.weekday() < 5 and holiday is None

    def school_days(self, start: date, end: date, region: str) -> Iterator[date]:
        """The school days from `start` to `end`, both inclusive."""
        if end < start:
            raise ValueError(f"end {end} is before start {start}")
        region = self.region(region)
        self.check_known(start, region)
        self.check_known(end, region)
        day = start
        while day <= end:
            if self.is_school_day(day, region):
                yield day
            day += _ONE_DAY

    def school_days_between(self, start: date, end: date, region: str) -> int:
        return sum(1 for _ in self.school_days(start, end, region))

    def holidays_between(self, start: date, end: date, region: str) -> list[Holiday]:
        """Every holiday (school holiday or school-free public holiday) that touches a weekday in the period."""
        found: list[Holiday] = []
        day = start
        while day <= end:
            holiday = self.holiday_on(day, region)
            if holiday is not None and day.weekday() < 5 and holiday not in found:
                found.append(holiday)
            day += _ONE_DAY
        return found

    # -- school year structure ------------------------------------------------------------------------------------

    def first_school_day(self, school_year: SchoolYear | str, region: str) -> date:
        """The first school day after the zomervakantie that opens the school year."""
        school_year = SchoolYear.parse(school_year)
        region = self.region(region)
        if school_year not in self._covered:
            raise OutsideKnownCalendar(school_year.start, region, self.known_from, self.known_until)
        day = self._zomer[(region, school_year.previous)].end + _ONE_DAY
        while not self.is_school_day(day, region):
            day += _ONE_DAY
        return day

    def lesweek_number(self, day: date, region: str) -> int | None:
        """The lesweek of `day` in its school year: 1 for the (Monday-to-Sunday) week of the first school day, and
        from there on every week that has at least one school day. Weeks without a school day (holiday weeks) do not
        count. None when `day` lies in such a week or before the first school day."""
        region = self.region(region)
        self.check_known(day, region)
        first = self.first_school_day(SchoolYear.of(day), region)
        if day < first:
            return None
        number = 0
        week = monday_of(first)
        target = monday_of(day)
        while week <= target:
            if any(
                self.is_school_day(week + timedelta(days=offset), region)
                for offset in range(5)
                if (week + timedelta(days=offset)) in SchoolYear.of(day)
            ):
                number += 1
                if week == target:
                    return number
            elif week == target:
                return None
            week += timedelta(days=7)
        return None  # unreachable: the loop always ends on the target week


@lru_cache
def get_calendar(directory: Path | None = None) -> SchoolCalendar:
    directory = directory or CALENDAR_DIR

    def load(name: str) -> dict[str, Any]:
        with (directory / name).open(encoding="utf-8") as handle:
            data: dict[str, Any] = yaml.safe_load(handle)
        return data

    return SchoolCalendar(load("school-holidays.yml"), load("public-holidays.yml"), get_regions())
