"""Value types of the school calendar: school years, holidays and the errors for dates we do not know."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

Certainty = Literal["ok", "corroborated", "uncertain"]
HolidayKind = Literal["schoolvakantie", "feestdag"]

_SCHOOL_YEAR = re.compile(r"^(\d{4})\s*[-/]\s*(\d{4})$")


@dataclass(frozen=True, order=True)
class SchoolYear:
    """A school year: 1 August of `start_year` up to and including 31 July of the next year (WPO art. 1)."""

    start_year: int

    @classmethod
    def of(cls, day: date) -> SchoolYear:
        return cls(day.year if day.month >= 8 else day.year - 1)

    @classmethod
    def parse(cls, text: str | SchoolYear) -> SchoolYear:
        if isinstance(text, SchoolYear):
            return text
        match = _SCHOOL_YEAR.match(str(text).strip())
        if not match or int(match.group(2)) != int(match.group(1)) + 1:
            raise ValueError(f"not a school year: {text!r} (expected e.g. '2025-2026')")
        return cls(int(match.group(1)))

    @property
    def start(self) -> date:
        return date(self.start_year, 8, 1)

    @property
    def end(self) -> date:
        return date(self.start_year + 1, 7, 31)

    @property
    def previous(self) -> SchoolYear:
        return SchoolYear(self.start_year - 1)

    @property
    def next(self) -> SchoolYear:
        return SchoolYear(self.start_year + 1)

    @property
    def label(self) -> str:
        return f"{self.start_year}-{self.start_year + 1}"

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end

    def __str__(self) -> str:
        return self.label


@dataclass(frozen=True)
class Holiday:
    """A school holiday of one region, or a public holiday that is school-free by default.

    `certainty` is about the dates (for public holidays: whether the day is school-free, which is convention).
    `advisory` marks OCW adviesdata (herfst- and voorjaarsvakantie): a school may deviate.
    """

    id: str
    name: str
    kind: HolidayKind
    region: str
    start: date
    end: date
    certainty: Certainty
    school_year: SchoolYear
    advisory: bool = False
    compulsory: bool = False
    sources: tuple[str, ...] = field(default=(), compare=False)
    note: str | None = field(default=None, compare=False)

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end


@dataclass(frozen=True)
class PublicHoliday:
    """A public holiday (or, for carnaval, a regional custom) on one date, whether or not it is school-free."""

    id: str
    name: str
    day: date
    school_year: SchoolYear
    school_free_by_default: bool
    not_a_public_holiday: bool = False
    algemeen_erkende_feestdag: bool = False  # Algemene termijnenwet art. 3
    regions: tuple[str, ...] | None = None
    note: str | None = None


class CalendarError(ValueError):
    """Base class of calendar errors; the message is English (for logs), the attributes carry the details."""


class UnknownRegion(CalendarError):
    def __init__(self, region: str, known: tuple[str, ...]) -> None:
        super().__init__(f"unknown vakantieregio {region!r}; known: {', '.join(known)}")
        self.region = region
        self.known = known


class OutsideKnownCalendar(CalendarError):
    """The date lies outside the school years whose holidays we have. We never guess."""

    def __init__(self, day: date, region: str, known_from: date, known_until: date) -> None:
        super().__init__(
            f"{day.isoformat()} is outside the known school calendar of region {region} "
            f"({known_from.isoformat()} to {known_until.isoformat()})"
        )
        self.day = day
        self.region = region
        self.known_from = known_from
        self.known_until = known_until
