"""The facts of the asker's situation (`Facts`), as read from one chat message in any supported language
(`assistant.situation.reading`; pure, no Rasa).

`read_facts(text, language, today=…)` finds what a verdict may depend on: the child's age or birth date, the school
type and groep or klas, durations ("drie weken", "10 dagen", "three weeks", "трьох тижнів"), dates and ranges
(`assistant.dates`), a month ("in oktober", "w październiku"), a period around a school holiday ("de week voor de
kerstvakantie"), the reason of a leave request (an event from the NLU synonyms, a parent's job, or a reason that does
not count), whether the event is abroad, the relative it concerns and the degree of kinship asked about
(`assistant.situation.kinship`), whether the leave could not be asked in advance or whether asking is needed at all,
a plan to report the child sick to leave for a trip, hours and weeks of absence (`assistant.melding_facts` for
Dutch), the startkwalificatie, the municipality, whether it asks how to reach someone (the `contact` words of
languages.yml), and who is asking (`assistant.situation.role`).

Facts that cannot be right (30 February, "min 2 weken", a birth date in the future, a 3-year-old in groep 8) are not
used: they become a `FactProblem` with a polite Dutch question (`_()`), and every other fact is kept.

The words come from `assistant/locale/situation.yml` (see `assistant.i18n.situation_words`); the plausibility bounds
(not law) from `knowledge/rules/situation.yml`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields, replace
from datetime import date
from functools import lru_cache
from typing import Any, Literal

import yaml
from dateutil.relativedelta import relativedelta

from assistant.i18n import Message, _
from assistant.knowledge.paths import NLU_DATA_DIR, RULES_DIR
from assistant.rules.melding import load_melding_rules

Role = Literal["parent", "school", "young"]
PLAUSIBILITY_FILE = RULES_DIR / "situation.yml"
SYNONYMS = NLU_DATA_DIR
EVENT_CATEGORIES = (
    "huwelijk",
    "overlijden",
    "ernstige_ziekte",
    "verhuizing",
    "jubileum",
    "gezinsuitbreiding",
    "religieuze_verplichting",
    "wettelijke_verplichting",
    "overig",
)

# -- the questions for facts that cannot be right (Dutch source texts) ------------------------------------------------

IMPOSSIBLE_DATE = _("De datum '{text}' bestaat niet. Welke datum bedoelt u?")
WEEKDAY_MISMATCH = _("De dag en de datum in '{text}' passen niet bij elkaar. Welke datum bedoelt u?")
NEGATIVE = _("'{text}' kan niet: een periode is nooit negatief. Hoe lang bedoelt u?")
END_BEFORE_START = _("De laatste dag ({end}) ligt vóór de eerste dag ({start}). Welke data bedoelt u?")
FUTURE_BIRTH = _("De geboortedatum {date} ligt in de toekomst. Welke geboortedatum bedoelt u?")
AGE_GROEP = _("Een leeftijd van {age} jaar past niet bij groep {grade}. Klopt de leeftijd, of de groep?")
AGE_KLAS = _("Een leeftijd van {age} jaar past niet bij klas {grade}. Klopt de leeftijd, of de klas?")
AGE_BIRTH = _("Met de geboortedatum {date} is het kind nu {computed} jaar, en niet {age}. Wat klopt er?")
IMPLAUSIBLE = _("Het getal {value} kan hier niet kloppen. Wilt u het nog eens nakijken?")


@dataclass(frozen=True)
class FactProblem:
    """A fact that cannot be right: the question to ask (a Dutch `Message`) and the facts it leaves out."""

    code: str
    message: Message
    drop: tuple[str, ...] = ()


_TEXT_FACTS = (
    "school_type",
    "holiday",
    "relation",
    "reason",
    "absence_kind",
    "school_case",
    "point",
    "municipality",
    "asks_about",
    "kin",
    "leave_asked",
)


def _valid_text(name: str, value: Any) -> bool:
    if name == "role":
        return value in ("parent", "school", "young")
    return name in _TEXT_FACTS and isinstance(value, str) and len(value) <= 64


@dataclass(frozen=True)
class Facts:
    """What one message (or a conversation so far) says about the situation. None: not said."""

    role: Role | None = None
    age: int | None = None
    birth_date: date | None = None
    birth_month_only: bool | None = None  # only the month of birth is known ("wordt in november 5"): the 1st stands
    school_type: str | None = None  # po | vo | mbo
    groep: int | None = None
    klas: int | None = None
    days: float | None = None  # a duration in (school) days
    weeks: float | None = None
    months: float | None = None
    hours: float | None = None  # hours of absence
    start: date | None = None
    end: date | None = None
    weekday: bool | None = None  # a weekday alone ("de uitvaart is vrijdag"): the event's day, not days asked
    month: int | None = None
    holiday: str | None = None  # a school holiday id (knowledge/calendar/school-holidays.yml)
    relation: str | None = None  # before | after (the holiday)
    reason: str | None = None  # an event category, "werk", a non-reason id, or "vakantie"
    prior_leave: bool | None = None  # vakantieverlof already given this school year
    self_employed: bool | None = None  # a parent who works for themselves: their own or an accountant's statement
    false_sick_report: bool | None = None  # reporting the child sick (when it is not) to leave for a trip
    abroad: bool | None = None  # the event or trip is abroad ("in Turkije", "abroad")
    kin: str | None = None  # the relative named and whose it is ("mine:broer"; `assistant.situation.kinship.Kin`)
    asked_degree: int | None = None  # the degree of kinship a question asks about ("is een achterneef 3e graad?")
    leave_asked: str | None = None  # "afterwards": leave could not be asked in advance; "whether": is asking needed
    absence_kind: str | None = None  # assistant.melding_facts KINDS
    school_case: str | None = None  # what a school asks about a pupil: psychisch, thuiszitter, vertrokken, wanneer
    long_term: bool | None = None  # the absence (or illness) is long-term ("langdurig", "chronisch")
    frequent: bool | None = None  # the absence (or illness) keeps recurring ("vaak ziek", "bijna elke week")
    # the one point of the topic the question asks (`assistant.situation.points`): again, category, scope, consequence
    point: str | None = None
    weeks_absent: float | None = None
    late_count: int | None = None
    suspected: bool | None = None
    startkwalificatie: bool | None = None
    # a diploma praktijkonderwijs or a vso uitstroomprofiel arbeidsmarkt/dagbesteding: no kwalificatieplicht (art. 4a
    # lid 2)
    kwalificatie_exempt: bool | None = None
    year_skipped: bool | None = None  # skipped a year of primary school: it counts as eight school years (art. 3 lid 2)
    municipality: str | None = None
    contact: bool | None = None  # the question asks how to reach someone (leerplicht, the Doorstroompunt)
    # the subject the question asks about, which a topic may answer with a variant of its own (knowledge ids
    # ASKED_SUBJECTS): reis (a long trip), thuisonderwijs, online_school (lessons of a school abroad), taal (no Dutch
    # yet), wachttijd
    asks_about: str | None = None
    # what the question asks about where one topic answers several points (situation.yml `concerns`: "pesten",
    # "thuishouden", "bezwaar", "uitschrijven" ...), for the verdict that picks its text by it
    concerns: tuple[str, ...] = ()
    unknown: tuple[str, ...] = ()  # facts the asker said they do not know
    problems: tuple[FactProblem, ...] = field(default=(), compare=False)

    @property
    def duration_days(self) -> float | None:
        """The leave's length in school days as said ("drie weken" is about 15); None when no length was said."""
        if self.days is not None:
            return self.days
        per_week = plausibility()["school_days_per_week"]
        if self.weeks is not None:
            return self.weeks * per_week
        if self.months is not None:
            return self.months * plausibility()["weeks_per_month"] * per_week
        return None

    @property
    def has_any(self) -> bool:
        """Whether anything about the situation was said (besides who asks)."""
        return any(value not in (None, (), False) for name, value in self._items() if name not in ("role", "problems"))

    def _items(self) -> Iterable[tuple[str, Any]]:
        return ((item.name, getattr(self, item.name)) for item in fields(self))

    def merged(self, newer: Facts) -> Facts:
        """These facts with what `newer` says on top (a newer value wins; a new problem replaces the old ones)."""
        values = {name: value for name, value in newer._items() if value not in (None, ())}
        values["unknown"] = tuple(dict.fromkeys((*self.unknown, *newer.unknown)))
        values["problems"] = newer.problems
        return replace(self, **values)

    def keeping(self, names: Iterable[str]) -> Facts:
        """Only the facts `names` (what carries over to another topic: who asks, about which child)."""
        keep = set(names)
        return Facts(**{name: value for name, value in self._items() if name in keep})

    def without(self, *names: str) -> Facts:
        return replace(self, **{name: () if name in ("unknown", "concerns") else None for name in names})

    def to_json(self) -> dict[str, Any]:
        """The facts as a small JSON object (dates as ISO strings), without the problems."""
        data = {}
        for name, value in self._items():
            if name == "problems" or value in (None, ()):
                continue
            data[name] = (
                value.isoformat() if isinstance(value, date) else list(value) if isinstance(value, tuple) else value
            )
        return data

    @classmethod
    def from_json(cls, data: Any) -> Facts:
        """Facts from `to_json`'s object; anything that does not fit is left out (the data came from a client)."""
        if not isinstance(data, Mapping):
            return cls()
        types = {
            "age": int,
            "groep": int,
            "klas": int,
            "late_count": int,
            "days": float,
            "weeks": float,
            "months": float,
            "hours": float,
            "weeks_absent": float,
            "month": int,
            "asked_degree": int,
            "prior_leave": bool,
            "self_employed": bool,
            "false_sick_report": bool,
            "abroad": bool,
            "weekday": bool,
            "birth_month_only": bool,
            "suspected": bool,
            "startkwalificatie": bool,
            "kwalificatie_exempt": bool,
            "year_skipped": bool,
            "long_term": bool,
            "frequent": bool,
            "contact": bool,
        }
        values: dict[str, Any] = {}
        for name, value in data.items():
            if name in ("birth_date", "start", "end"):
                try:
                    values[name] = date.fromisoformat(str(value))
                except ValueError:
                    continue
            elif name in types:
                kind = types[name]
                if kind is bool and isinstance(value, bool):
                    values[name] = value
                elif (
                    kind is not bool
                    and isinstance(value, int | float)
                    and not isinstance(value, bool)
                    and 0 <= value <= 1000
                ):
                    values[name] = kind(value)
            elif name in ("unknown", "concerns") and isinstance(value, list):
                values[name] = tuple(str(item)[:32] for item in value[:10])
            elif _valid_text(name, value):
                values[name] = value
        return cls(**values)


# -- plausibility (not law) ----------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def plausibility() -> dict[str, Any]:
    """The bounds of knowledge/rules/situation.yml and the melding check's (max_age, max_hours_in_period,
    school_days_per_week)."""
    with PLAUSIBILITY_FILE.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    if not isinstance(data, dict) or data.get("version") != 1:
        raise ValueError(f"unexpected file: {PLAUSIBILITY_FILE}")
    melding = load_melding_rules()["plausibility"]
    return {
        **data,
        "max_age": melding["max_age"],
        "max_hours": melding["max_hours_in_period"],
        "school_days_per_week": melding["school_days_per_week"],
    }


# -- facts that contradict each other ------------------------------------------------------------------------------


def check(facts: Facts, today: date) -> Facts:
    """`facts` without what cannot be right, with a `FactProblem` for each (the first one is asked)."""
    problems = list(facts.problems)
    bounds = plausibility()
    drop: set[str] = set()
    for problem in problems:
        drop.update(problem.drop)
    age = facts.age
    if age is not None and age > bounds["max_age"]:
        problems.append(FactProblem("implausible_age", Message(IMPLAUSIBLE, {"value": age}), ("age",)))
        age = None
    if facts.birth_date is not None and age is not None:
        computed = relativedelta(today, facts.birth_date).years
        if abs(computed - age) > 1:
            problems.append(
                FactProblem(
                    "age_birth",
                    Message(AGE_BIRTH, {"date": facts.birth_date, "computed": computed, "age": age}),
                    ("age", "birth_date"),
                )
            )
    if age is not None:
        for grade_name, template in (("groep", AGE_GROEP), ("klas", AGE_KLAS)):
            grade = getattr(facts, grade_name)
            if grade is None:
                continue
            lowest, highest = (
                bounds["grade_ages"][grade_name]["min_offset"],
                bounds["grade_ages"][grade_name]["max_offset"],
            )
            if not grade + lowest <= age <= grade + highest:
                problems.append(
                    FactProblem(
                        f"age_{grade_name}", Message(template, {"age": age, "grade": grade}), ("age", grade_name)
                    )
                )
    if facts.hours is not None and facts.hours > bounds["max_hours"]:
        problems.append(
            FactProblem("implausible_hours", Message(IMPLAUSIBLE, {"value": _plain(facts.hours)}), ("hours",))
        )
    for problem in problems:
        drop.update(problem.drop)
    cleaned = facts.without(*drop) if drop else facts
    return replace(cleaned, problems=tuple(problems))


def _plain(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def next_occurrence(month: int, today: date) -> date:
    """The first day of the next `month` from `today` on (this month counts)."""
    candidate = date(today.year, month, 1)
    if candidate < today.replace(day=1):
        candidate = date(today.year + 1, month, 1)
    return candidate
