"""The verlof rules' input (`VerlofFacts`), output (`VerlofDecision`) and rule data (`knowledge/rules/verlof.yml`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import yaml

from assistant.calendar import SchoolYear
from assistant.i18n import Message
from assistant.knowledge.parameters import LegalParameters, Param
from assistant.knowledge.paths import RULES_DIR
from assistant.rules.finding import Finding

RULES_FILE = RULES_DIR / "verlof.yml"

Kind = Literal["vakantie", "gewichtige_omstandigheid", "religieus"]
DecidedBy = Literal["directeur", "leerplichtambtenaar", "none"]
ProblemCode = Literal[
    "end_before_start",
    "too_many_days",
    "first_two_weeks",
    "already_used_this_school_year",
    "short_notice",
    "not_a_valid_reason",
    "no_school_days",
    "needs_officer",
]
KINDS: tuple[str, ...] = ("vakantie", "gewichtige_omstandigheid", "religieus")


@dataclass(frozen=True)
class VerlofFacts:
    """One leave request. `requested_on` None means: on the evaluation date. `region` overrides the vakantieregio of
    the municipality (for a school whose vestiging lies in another region).

    The prior counts are for `prior_school_year`; None means the school year of `requested_on`. They only count
    when the leave falls in that same school year: leave used in 2025-2026 never blocks a request for 2026-2027,
    but leave already granted for 2026-2027 does, however early in 2025-2026 the new request is made."""

    kind: Kind
    start_date: date
    end_date: date
    municipality: str
    requested_on: date | None = None
    category: str | None = None
    prior_days_this_school_year: int = 0
    prior_vakantie_this_school_year: bool = False
    region: str | None = None
    prior_school_year: SchoolYear | None = None

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown kind {self.kind!r}")
        if self.prior_days_this_school_year < 0:
            raise ValueError("prior_days_this_school_year must be >= 0")


@dataclass(frozen=True)
class VerlofDecision:
    """`problems` say what stands in the way (severity blocking, warning or info); `notes` are information that is
    not a problem: guidance, how to apply, what to check (severity info)."""

    school_days: int
    decided_by: DecidedBy
    problems: tuple[Finding, ...]
    citations: tuple[str, ...]
    allowed: bool | None
    notes: tuple[Finding, ...] = ()
    school_year: SchoolYear | None = None
    region: str | None = None
    leerplicht_gemeente: str | None = None
    law_date: date | None = None  # the day whose law was applied: the first day of the leave

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(problem.code for problem in self.problems)

    def problem(self, code: str) -> Finding | None:
        return next((problem for problem in self.problems if problem.code == code), None)


# -- the rule data (the numbers are dated legal parameters: `params(on).verlof`) -------------------------------------


@dataclass(frozen=True)
class VerlofRules:
    events: Mapping[str, Mapping[str, Any]]
    non_reasons: Mapping[str, Mapping[str, Any]]

    @property
    def categories(self) -> tuple[str, ...]:
        return (*self.events, *self.non_reasons)

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> VerlofRules:
        return cls(events=dict(data["events"]), non_reasons=dict(data["non_reasons"]))


@lru_cache
def get_rules(path: Path | None = None) -> VerlofRules:
    with (path or RULES_FILE).open(encoding="utf-8") as handle:
        return VerlofRules.from_mapping(yaml.safe_load(handle))


def event_parameter(law: LegalParameters, name: str) -> Param[Any]:
    """The parameter an event names as `group.name` (`richtlijn.verlof_huwelijk_days`); KeyError when unknown."""
    group, _, member = name.partition(".")
    param = getattr(getattr(law, group, None), member, None)
    if not isinstance(param, Param):
        raise KeyError(f"unknown parameter {name!r} in knowledge/rules/verlof.yml")
    return param


def event_guidance(event: Mapping[str, Any], law: LegalParameters) -> Message | None:
    """An event's guidance text with its counts (`numbers`) filled from the parameters `law` holds; None without."""
    text = event.get("guidance")
    if not text:
        return None
    numbers = event.get("numbers") or {}
    return Message(text, {field: event_parameter(law, name).value for field, name in numbers.items()})


def event_guidance_max_days(event: Mapping[str, Any], law: LegalParameters) -> int | None:
    """The highest count of an event's guidance, from the parameter it names (`guidance_max_days`); None without."""
    name = event.get("guidance_max_days")
    return None if name is None else int(event_parameter(law, name).value)


def event_guidance_min_days(event: Mapping[str, Any], law: LegalParameters) -> int | None:
    """The lowest count of an event's guidance (`guidance_min_days`, where the count depends on the case), else its
    highest; None without guidance."""
    name = event.get("guidance_min_days")
    return event_guidance_max_days(event, law) if name is None else int(event_parameter(law, name).value)


def days_against_guidance(days: int, event: Mapping[str, Any], law: LegalParameters) -> str | None:
    """The days asked against an event's guidance: "more" than its highest count, "within" its lowest, or "depends"
    in between (on the degree of family or the distance); None without guidance."""
    highest, lowest = event_guidance_max_days(event, law), event_guidance_min_days(event, law)
    if highest is None or lowest is None:
        return None
    return "more" if days > highest else "within" if days <= lowest else "depends"


def event_abroad_guidance(event: Mapping[str, Any], law: LegalParameters) -> Message | None:
    """An event's guidance for when it is abroad (`abroad_guidance`, its counts `abroad_numbers` filled from the
    parameters `law` holds); None when the guidance has no number for abroad."""
    text = event.get("abroad_guidance")
    if not text:
        return None
    numbers = event.get("abroad_numbers") or {}
    return Message(text, {field: event_parameter(law, name).value for field, name in numbers.items()})


def event_abroad_max_days(event: Mapping[str, Any], law: LegalParameters) -> int | None:
    """The highest count of an event's guidance for abroad (`abroad_max_days`); None without."""
    name = event.get("abroad_max_days")
    return None if name is None else int(event_parameter(law, name).value)
