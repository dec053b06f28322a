"""Which figures a back-office user may see, and the period they ask for.

- An officer sees the municipalities whose leerplicht their team runs (Hengelo: Hengelo and Borne), together or
  one of them (`municipality=Borne`). Another municipality answers 404, like everything else in the back office
  that a user may not see.
- An administrator sees the whole region, including what could not be tied to a municipality ("onbekend"), or
  one municipality; `municipality=onbekend` gives only the unknown part.
- A school account sees none of it (404).
- A period runs from `from` to `to` (both included, local dates); reversed or longer than two years is refused
  (422) with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, false, or_, true

from assistant.cases import routing
from assistant.cases.auth import Principal
from assistant.cases.models import ROLE_ADMIN, ROLE_OFFICER

UNKNOWN = "onbekend"
UNKNOWN_LABEL = "Onbekend"
DEFAULT_WEEKS = 12
MAX_YEARS = 2

PERIOD_REVERSED = "De begindatum ({start}) ligt na de einddatum ({end}). Kies een begindatum vóór de einddatum."
PERIOD_TOO_LONG = "De periode is langer dan {years} jaar. Kies een kortere periode."
NOT_A_DATE = "'{value}' is geen datum. Schrijf een datum als JJJJ-MM-DD, bijvoorbeeld 2026-01-31."
UNKNOWN_MUNICIPALITY = "De gemeente '{value}' kennen we niet. Kies uit: {choices}."


class NotVisible(LookupError):
    """The user may not see these figures (answered as 404, like the rest of the back office)."""


class ScopeError(ValueError):
    """A request for figures that cannot be answered as asked (422); the message says why, in Dutch."""


@dataclass(frozen=True)
class Scope:
    """The municipalities the figures cover; `None`: the whole region, the unknown part included."""

    municipalities: tuple[str, ...] | None
    include_unknown: bool
    label: str
    requested: str = ""  # what the user asked for ("" = the default for the user)

    def condition(self, column: Any) -> ColumnElement[bool]:
        """A WHERE clause on a `municipality` column for this scope."""
        if self.municipalities is None:
            return true()
        clauses = [column.in_(self.municipalities)] if self.municipalities else []
        if self.include_unknown:
            clauses.append(column.is_(None))
        return or_(*clauses) if clauses else false()

    def columns(self) -> list[str | None]:
        """The municipalities shown as columns (the jaarverslag): each one, then the unknown part when included."""
        names: list[str | None] = list(
            self.municipalities if self.municipalities is not None else routing.region_municipalities()
        )
        return [*names, None] if self.include_unknown else names


def _join(names: tuple[str, ...] | list[str]) -> str:
    names = list(names)
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " en " + names[-1]


def choices_for(principal: Principal) -> list[tuple[str, str]]:
    """(value, label) of the municipality filter: "" is the user's default."""
    if principal.role == ROLE_ADMIN:
        return [
            ("", "Hele regio"),
            *((name, name) for name in routing.region_municipalities()),
            (UNKNOWN, "Gemeente onbekend"),
        ]
    served = routing.towns_served_by(principal.municipality)
    return [("", _join(served)), *((name, name) for name in served)] if len(served) > 1 else [("", _join(served))]


def scope_for(principal: Principal, requested: str | None = None) -> Scope:
    """The scope of `principal`'s figures, narrowed to `requested` (a municipality, or 'onbekend' for admins)."""
    requested = (requested or "").strip()
    if principal.role not in (ROLE_OFFICER, ROLE_ADMIN):
        raise NotVisible
    if principal.role == ROLE_OFFICER:
        served = routing.towns_served_by(principal.municipality)
        if not served:
            raise NotVisible
        if not requested:
            return Scope(served, False, _join(served))
        town = routing.canonical_town(requested)
        if town is None and requested.casefold() != UNKNOWN:
            raise ScopeError(UNKNOWN_MUNICIPALITY.format(value=requested[:64], choices=_join(served)))
        if town not in served:
            raise NotVisible
        return Scope((town,), False, town, town)
    if not requested:
        return Scope(None, True, "Hele regio")
    if requested.casefold() == UNKNOWN:
        return Scope((), True, "Gemeente onbekend", UNKNOWN)
    town = routing.canonical_town(requested)
    if town is None:
        raise ScopeError(
            UNKNOWN_MUNICIPALITY.format(
                value=requested[:64], choices=_join([*routing.region_municipalities(), UNKNOWN])
            )
        )
    return Scope((town,), False, town, town)


# --- periods ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # included

    @property
    def label(self) -> str:
        return f"{self.start:%d-%m-%Y} t/m {self.end:%d-%m-%Y}"


def _date(value: str | date | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    text = value.strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ScopeError(NOT_A_DATE.format(value=text[:32])) from None


def _years_later(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def period_for(start: str | date | None, end: str | date | None, today: date) -> Period:
    """The period asked for; by default the last `DEFAULT_WEEKS` weeks up to today."""
    end_day = _date(end) or today
    start_day = _date(start) or end_day - timedelta(weeks=DEFAULT_WEEKS) + timedelta(days=1)
    if start_day > end_day:
        raise ScopeError(PERIOD_REVERSED.format(start=f"{start_day:%d-%m-%Y}", end=f"{end_day:%d-%m-%Y}"))
    if end_day > _years_later(start_day, MAX_YEARS):
        raise ScopeError(PERIOD_TOO_LONG.format(years=MAX_YEARS))
    return Period(start_day, end_day)
