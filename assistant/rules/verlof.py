"""Verlof rules (Leerplichtwet 1969 art. 11, 13, 13a, 14): pure functions over the lists in
`knowledge/rules/verlof.yml`, the school calendar and the regional table (`assistant.knowledge.get_regions`: which
municipality's leerplichtambtenaar serves the pupil's municipality).

`evaluate_verlof(facts, on)` answers, for one request: how many school days it covers, who decides, which problems
there are (each with a stable code, a Dutch B1 message, a severity and citation ids) and whether the law allows it.

- `allowed` is False when a blocking problem stops the request (the law does not allow it as asked);
  True when it fits the legal rules as far as they can be checked (for art. 13a and 14 the directeur or the
  leerplichtambtenaar still decides, see `decided_by`; art. 13 needs no permission);
  None when it depends on an assessment this function cannot make (no school days in the period, a reason that
  usually does not count, or no reason given for art. 14).
- "This school year" in `prior_days_this_school_year` and `prior_vakantie_this_school_year` is the school year of
  `requested_on`. Those counts only apply when the leave falls in that same school year: leave used in 2025-2026
  never blocks a request for 2026-2027.
- Guidance (richtlijn) only ever produces warnings or notes, never a refusal.

Messages are Dutch source texts marked with `_()`; a problem keeps its template and values so the API and the chat can
translate. Values that are texts from `knowledge/rules/verlof.yml` (an event's label and guidance, why a reason does
not count), holiday names from `knowledge/calendar/` and the vakantieregio are `Message`s and dates are `date`s, so
they are translated and written in the reader's language too.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import yaml

from assistant.calendar import Holiday, SchoolCalendar, SchoolYear, get_calendar
from assistant.i18n import SOURCE_LANGUAGE, Message, _, translate
from assistant.knowledge.parameters import LegalParameters, params
from assistant.knowledge.paths import RULES_DIR
from assistant.knowledge.regions import get_regions

RULES_FILE = RULES_DIR / "verlof.yml"

Kind = Literal["vakantie", "gewichtige_omstandigheid", "religieus"]
DecidedBy = Literal["directeur", "leerplichtambtenaar", "none"]
Severity = Literal["blocking", "warning", "info"]
ProblemCode = Literal[
    "end_before_start", "too_many_days", "first_two_weeks", "already_used_this_school_year", "short_notice",
    "not_a_valid_reason", "no_school_days", "needs_officer",
]
KINDS: tuple[str, ...] = ("vakantie", "gewichtige_omstandigheid", "religieus")
_SEVERITY_ORDER = {"blocking": 0, "warning": 1, "info": 2}
_BASE_CITATIONS: dict[str, tuple[str, ...]] = {
    "vakantie": ("lpw:13a", "lpw:11"),
    "gewichtige_omstandigheid": ("lpw:14", "lpw:11"),
    "religieus": ("lpw:13", "lpw:11"),
}

_MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december")


def nl_date(day: date) -> str:
    """'12 oktober 2026'."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


# -- messages (Dutch source texts) ------------------------------------------------------------------------------------

END_BEFORE_START = _("De einddatum ({end}) ligt vóór de begindatum ({start}). Controleer de data en probeer het "
                     "opnieuw.")
NO_SCHOOL_DAYS = _("Van {start} tot en met {end} zijn er geen schooldagen: het is weekend, vakantie of een vrije "
                   "feestdag. Daarvoor hoeft u geen verlof te vragen. Kijk wel in de schoolgids, want uw school kan "
                   "andere vrije dagen hebben.")
TOO_MANY_DAYS = _("U vraagt {days} schooldagen vakantieverlof. De wet staat ten hoogste {max} schooldagen per "
                  "schooljaar toe. Langer is niet mogelijk, ook niet met toestemming van de leerplichtambtenaar. U "
                  "kunt wel verlof vragen voor een kortere periode.")
ALREADY_USED = _("Vakantieverlof kan maar één keer per schooljaar. U heeft in schooljaar {school_year} al "
                 "vakantieverlof gehad. Daarom kan de directeur het dit schooljaar niet nog een keer geven.")
FIRST_TWO_WEEKS = _("Vakantieverlof mag niet in de eerste {weeks} lesweken van het schooljaar vallen. In schooljaar "
                    "{school_year} zijn dat de lesweken van {first} tot en met {last} (vakantieregio {region}). Uw "
                    "aanvraag valt (voor een deel) in die weken.")
VAKANTIE_AFTERWARDS = _("Vakantieverlof moet u vooraf aanvragen. De directeur kan het niet achteraf geven.")
VAKANTIE_NOTICE = _("Vraag vakantieverlof als het kan minstens {weeks} weken van tevoren aan. U vraagt het {days} "
                    "dagen van tevoren aan. Dit is een richtlijn, geen wettelijke termijn: de school kan uw aanvraag "
                    "nog steeds behandelen.")
GEWICHTIG_AFTERWARDS_OK = _("U vraagt het verlof achteraf. Dat kan: de directeur mag alsnog verlof geven als u de "
                            "reden binnen {days} dagen na het begin van de afwezigheid meldt. Meld het dus zo snel "
                            "mogelijk aan de school.")
GEWICHTIG_AFTERWARDS_LATE = _("U meldt de reden meer dan {days} dagen na het begin van de afwezigheid ({start}): de "
                              "laatste dag om het te melden was {deadline}. Dan kan de directeur volgens de wet geen "
                              "verlof meer achteraf geven. Neem toch contact op met de school om uit te leggen wat er "
                              "is gebeurd.")
NOTE_TERM_EXTENDED = _("De {days} dagen eindigen op een zaterdag, zondag of feestdag. Dan loopt de termijn door tot en "
                       "met de eerstvolgende werkdag: {deadline} (Algemene termijnenwet, artikel 1).")
OFFICER_NOTICE = _("Vraag verlof van meer dan {max} schooldagen als het kan minstens {weeks} weken van tevoren aan. "
                   "De leerplichtambtenaar heeft tijd nodig om de directeur te horen en te beslissen. Dit is een "
                   "richtlijn, geen wettelijke termijn.")
RELIGIEUS_LATE = _("Voor een religieuze verplichting hoeft u geen toestemming te vragen. U moet het wel uiterlijk "
                   "{days} dagen vóór de eerste dag ({start}) aan de directeur melden. Uw melding is later; dat is "
                   "te laat volgens de wet. Neem zo snel mogelijk contact op met de school.")
NOT_A_VALID_REASON = _("{reason} Verlof om zo'n reden heet 'luxe verzuim' en wordt meestal niet gegeven. U mag de "
                       "aanvraag wel indienen; de school beslist.")
NOT_A_VALID_REASON_VAKANTIE = _("{reason} Vakantieverlof kan alleen als u door het beroep van een van de ouders in "
                                "geen enkele schoolvakantie op vakantie kunt. U mag de aanvraag wel indienen; de "
                                "school beslist.")
NEEDS_OFFICER = _("U vraagt dit schooljaar in totaal {total} schooldagen verlof ({prior} eerder en {days} nu). Bij "
                  "meer dan {max} schooldagen beslist niet de directeur, maar de leerplichtambtenaar van de gemeente "
                  "{officer}. Die hoort eerst de directeur van de school.")
NEEDS_OFFICER_OTHER_MUNICIPALITY = _("U vraagt dit schooljaar in totaal {total} schooldagen verlof ({prior} eerder en "
                                     "{days} nu). Bij meer dan {max} schooldagen beslist niet de directeur, maar de "
                                     "leerplichtambtenaar. Voor {municipality} is dat de leerplichtambtenaar van de "
                                     "gemeente {officer}. Die hoort eerst de directeur van de school.")

# The vakantieregio's (knowledge/calendar/school-holidays.yml) as users read them.
REGION_NAMES = {"noord": _("Noord"), "midden": _("Midden"), "zuid": _("Zuid")}

NOTE_SCHOOLGIDS = _("We tellen {days} schooldagen met de schoolvakanties en de vrije feestdagen van vakantieregio "
                    "{region}. Uw school kan andere vrije dagen of studiedagen hebben; kijk in de schoolgids.")
NOTE_UNCERTAIN_HOLIDAYS = _("Let op: de data van deze vrije dagen in deze periode staan nog niet vast: {names}. "
                            "Controleer ze in de schoolgids.")
NOTE_ADVISORY_HOLIDAYS = _("Voor deze vrije dagen geeft de overheid alleen adviesdata: {names}. Uw school mag "
                           "andere data kiezen; controleer ze in de schoolgids.")
NOTE_BEROEP = _("Vakantieverlof kan alleen als u door de specifieke aard van het beroep van een van de ouders in geen "
                "enkele schoolvakantie van dit schooljaar op vakantie kunt. De school vraagt daarvoor meestal een "
                "verklaring van de werkgever, of als u zelfstandige bent een eigen verklaring (richtlijn).")
NOTE_EVENT_IS_ARTICLE_14 = _("Gaat het om een bijzondere gebeurtenis, zoals {label}? Dan vraagt u geen "
                             "vakantieverlof, maar verlof wegens gewichtige omstandigheden.")
NOTE_GUIDANCE_DAYS = _("{guidance} Dit is een richtlijn; het aantal dagen verschilt per gemeente en school.")
NOTE_MORE_THAN_GUIDANCE = _("U vraagt {days} schooldagen voor {label}. Dat is meer dan de richtlijn die veel "
                            "gemeenten gebruiken. Leg in uw aanvraag uit waarom u meer dagen nodig heeft.")
NOTE_NO_REASON = _("Vertel in uw aanvraag om welke gebeurtenis het gaat. De directeur beoordeelt of het een "
                   "gewichtige omstandigheid is.")
NOTE_RELIGIOUS_IS_ARTICLE_13 = _("Voor een religieuze verplichting hoeft u geen verlof te vragen. Het is genoeg om "
                                 "het uiterlijk {days} dagen van tevoren aan de directeur te melden.")
NOTE_RELIGIOUS_DAYS = _("Veel scholen geven in principe 1 dag per religieuze feestdag. Dat is schoolbeleid, geen "
                        "wet.")
NOTE_OFFICER_VIA_SCHOOL = _("Meestal levert u de aanvraag in bij de school; die stuurt hem door naar de "
                            "leerplichtambtenaar (richtlijn).")
NOTE_BEZWAAR = _("Bent u het niet eens met de beslissing? Dan kunt u binnen zes weken bezwaar maken bij wie de "
                 "beslissing nam.")


# -- types ------------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class VerlofFacts:
    """One leave request. `requested_on` None means: on the evaluation date. `region` overrides the vakantieregio of
    the municipality (for a school whose vestiging lies in another region)."""

    kind: Kind
    start_date: date
    end_date: date
    municipality: str
    requested_on: date | None = None
    category: str | None = None
    prior_days_this_school_year: int = 0
    prior_vakantie_this_school_year: bool = False
    region: str | None = None

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown kind {self.kind!r}")
        if self.prior_days_this_school_year < 0:
            raise ValueError("prior_days_this_school_year must be >= 0")


@dataclass(frozen=True)
class Problem:
    code: ProblemCode
    severity: Severity
    template: str
    values: Mapping[str, Any] = field(default_factory=dict)
    citations: tuple[str, ...] = ()

    @property
    def message(self) -> str:
        """The Dutch text."""
        return translate(self.template, SOURCE_LANGUAGE, **self.values)


@dataclass(frozen=True)
class Note:
    """Information that is not a problem: guidance, how to apply, what to check."""

    code: str
    template: str
    values: Mapping[str, Any] = field(default_factory=dict)
    citations: tuple[str, ...] = ()

    @property
    def message(self) -> str:
        """The Dutch text."""
        return translate(self.template, SOURCE_LANGUAGE, **self.values)


@dataclass(frozen=True)
class VerlofDecision:
    school_days: int
    decided_by: DecidedBy
    problems: tuple[Problem, ...]
    citations: tuple[str, ...]
    allowed: bool | None
    notes: tuple[Note, ...] = ()
    school_year: SchoolYear | None = None
    region: str | None = None
    leerplicht_gemeente: str | None = None
    law_date: date | None = None  # the day whose law was applied: the first day of the leave

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(problem.code for problem in self.problems)

    def problem(self, code: str) -> Problem | None:
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


# -- evaluation -------------------------------------------------------------------------------------------------------


@dataclass
class _Outcome:
    problems: list[Problem] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    assessment_needed: bool = False

    def problem(self, code: ProblemCode, severity: Severity, template: str, citations: tuple[str, ...] | list[str],
                **values: Any) -> None:
        self.problems.append(Problem(code, severity, template, values, tuple(citations)))

    def note(self, code: str, template: str, citations: tuple[str, ...] | list[str] = (), **values: Any) -> None:
        self.notes.append(Note(code, template, values, tuple(citations)))


def _unique(ids: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(ids))


def evaluate_verlof(request: VerlofFacts, on: date, *, rules: VerlofRules | None = None,
                    calendar: SchoolCalendar | None = None, law: LegalParameters | None = None) -> VerlofDecision:
    """Evaluate one leave request as of `on` (the evaluation date; the default for `requested_on`), under the law as
    it holds on the first day of the leave (`law` replaces it in a test of a change of law).

    Raises UnknownMunicipality / UnknownRegion for places outside the data, OutsideKnownCalendar when the period
    lies outside the school years whose holidays are known, and LawNotKnown before the law the knowledge covers."""
    rules = rules or get_rules()
    law = law or params(request.start_date)
    calendar = calendar or get_calendar()
    requested_on = request.requested_on or on
    municipality = get_regions().name_of(request.municipality)
    region = calendar.region(request.region) if request.region else calendar.region_of(municipality)
    officer = get_regions().responsible_municipality(municipality)
    base = _BASE_CITATIONS[request.kind]
    default_decider: DecidedBy = "none" if request.kind == "religieus" else "directeur"
    out = _Outcome()

    if request.end_date < request.start_date:
        out.problem("end_before_start", "blocking", END_BEFORE_START, base,
                    start=request.start_date, end=request.end_date)
        return _decision(out, school_days=0, decided_by=default_decider, school_year=None,
                         region=region, officer=officer, base=base)

    days = list(calendar.school_days(request.start_date, request.end_date, region))
    school_days = len(days)
    school_year = SchoolYear.of(days[0] if days else request.start_date)
    prior_applies = SchoolYear.of(requested_on) == school_year

    if school_days == 0:
        out.problem("no_school_days", "info", NO_SCHOOL_DAYS, ("lpw:11",),
                    start=request.start_date, end=request.end_date)
        out.assessment_needed = True
        return _decision(out, school_days=0, decided_by="none", school_year=school_year,
                         region=region, officer=officer, base=base)

    _category_checks(request, rules, law, out, school_days)
    _calendar_notes(calendar, request, region, school_days, out)

    if request.kind == "vakantie":
        decided_by = _vakantie(request, law, calendar, out, days, school_year, region, requested_on, prior_applies)
    elif request.kind == "gewichtige_omstandigheid":
        decided_by = _gewichtig(request, rules, law, calendar, out, school_days, requested_on, prior_applies,
                                municipality, officer)
    else:
        decided_by = _religieus(request, law, out, requested_on)

    if decided_by != "none":
        out.note("bezwaar", NOTE_BEZWAAR, ("awb:6:7", "src:assen-wie-beslist"))
    return _decision(out, school_days=school_days, decided_by=decided_by, school_year=school_year,
                     region=region, officer=officer, base=base, law_date=law.on)


def last_day_to_ask(kind: str, start: date, calendar: SchoolCalendar | None = None) -> date:
    """The last day a request for leave starting on `start` can still be made: the start itself, or for important
    circumstances the end of art. 14 lid 2's term after it, extended past weekends and feestdagen (Atw art. 1)."""
    if kind != "gewichtige_omstandigheid":
        return start
    days = params(start).verlof.gewichtig_afterwards_days.value
    return (calendar or get_calendar()).term_end(start, days)


def _decision(out: _Outcome, *, school_days: int, decided_by: DecidedBy,
              school_year: SchoolYear | None, region: str, officer: str, base: tuple[str, ...],
              law_date: date | None = None) -> VerlofDecision:
    problems = sorted(out.problems, key=lambda problem: _SEVERITY_ORDER[problem.severity])
    if any(problem.severity == "blocking" for problem in problems):
        allowed: bool | None = False
    elif out.assessment_needed:
        allowed = None
    else:
        allowed = True
    citations = _unique([*base, *(c for problem in problems for c in problem.citations),
                         *(c for note in out.notes for c in note.citations)])
    return VerlofDecision(school_days=school_days, decided_by=decided_by, problems=tuple(problems),
                          citations=citations, allowed=allowed, notes=tuple(out.notes), school_year=school_year,
                          region=region, leerplicht_gemeente=officer, law_date=law_date)


def _category_checks(request: VerlofFacts, rules: VerlofRules, law: LegalParameters, out: _Outcome,
                     school_days: int) -> None:
    category = request.category
    if category is None:
        if request.kind == "gewichtige_omstandigheid":
            out.note("reden_onbekend", NOTE_NO_REASON, ("lpw:14",))
            out.assessment_needed = True
        return
    if category in rules.non_reasons:
        entry = rules.non_reasons[category]
        template = NOT_A_VALID_REASON_VAKANTIE if request.kind == "vakantie" else NOT_A_VALID_REASON
        article = {"vakantie": "lpw:13a", "gewichtige_omstandigheid": "lpw:14", "religieus": "lpw:13"}[request.kind]
        out.problem("not_a_valid_reason", "warning", template, (article, *entry["citations"]),
                    reason=Message(entry["text"]))
        out.assessment_needed = True
        return
    if category not in rules.events:
        raise ValueError(f"unknown category {category!r}")
    event = rules.events[category]
    if request.kind == "vakantie":
        out.note("gebeurtenis_valt_onder_artikel_14", NOTE_EVENT_IS_ARTICLE_14, ("lpw:14",),
                 label=Message(event["label"]))
        return
    if request.kind == "religieus":
        return
    if event.get("article_13"):
        out.note("religieus_valt_onder_artikel_13", NOTE_RELIGIOUS_IS_ARTICLE_13, ("lpw:13",),
                 days=law.verlof.religieus_notice_days.value)
        return
    if event.get("assessed_by_school"):
        out.assessment_needed = True
    if event.get("guidance"):
        out.note("richtlijn_dagen", NOTE_GUIDANCE_DAYS, event["citations"], guidance=Message(event["guidance"]))
    maximum = event.get("guidance_max_days")
    if maximum is not None and school_days > int(maximum):
        out.note("meer_dan_richtlijn", NOTE_MORE_THAN_GUIDANCE, event["citations"], days=school_days,
                 label=Message(event["label"]))


def _calendar_notes(calendar: SchoolCalendar, request: VerlofFacts, region: str, school_days: int,
                    out: _Outcome) -> None:
    region_sources = calendar.municipality_citations
    out.note("schoolgids", NOTE_SCHOOLGIDS, region_sources, days=school_days, region=region_name(region))
    holidays = calendar.holidays_between(request.start_date, request.end_date, region)
    uncertain = [holiday for holiday in holidays if holiday.certainty == "uncertain"]
    if uncertain:
        out.note("kalender_onzeker", NOTE_UNCERTAIN_HOLIDAYS, region_sources, names=_names(uncertain))
    advisory = [holiday for holiday in holidays if holiday.advisory]
    if advisory:
        out.note("kalender_advies", NOTE_ADVISORY_HOLIDAYS, region_sources, names=_names(advisory))


def _names(holidays: list[Holiday]) -> list[Message]:
    """The holidays' names (Dutch in `knowledge/calendar/`, translated through the catalogs), each once, as a list
    that each language joins its own way ("Kerstvakantie en Nieuwjaarsdag", "Christmas holiday (kerstvakantie)
    and New Year's Day (Nieuwjaarsdag)")."""
    return [Message(name) for name in dict.fromkeys(holiday.name for holiday in holidays)]


def region_name(region: str) -> Message | str:
    """The vakantieregio as users read it ("Noord", "North"); an unknown region as it is."""
    name = REGION_NAMES.get(region)
    return Message(name) if name else region


def _vakantie(request: VerlofFacts, law: LegalParameters, calendar: SchoolCalendar, out: _Outcome, days: list[date],
              school_year: SchoolYear, region: str, requested_on: date, prior_applies: bool) -> DecidedBy:
    maximum = law.verlof.vakantie_max_school_days
    if len(days) > maximum.value:
        out.problem("too_many_days", "blocking", TOO_MANY_DAYS, maximum.citations, days=len(days), max=maximum.value)
    if request.prior_vakantie_this_school_year and prior_applies:
        out.problem("already_used_this_school_year", "blocking", ALREADY_USED,
                    law.verlof.vakantie_times_per_school_year.citations, school_year=school_year.label)
    excluded = law.verlof.vakantie_excluded_first_lesweken
    in_first_weeks = [day for day in days if (calendar.lesweek_number(day, region) or 0) <= excluded.value]
    if in_first_weeks:
        first = calendar.first_school_day(school_year, region)
        last = _last_school_day_of_lesweek(calendar, first, excluded.value, region)
        out.problem("first_two_weeks", "blocking", FIRST_TWO_WEEKS, excluded.citations, weeks=excluded.value,
                    school_year=school_year.label, first=first, last=last, region=region_name(region))
    if requested_on > request.start_date:
        out.problem("short_notice", "blocking", VAKANTIE_AFTERWARDS, ("lpw:13a",))
    else:
        notice = law.verlof.vakantie_notice_weeks
        days_ahead = (request.start_date - requested_on).days
        if days_ahead < notice.value * 7:
            out.problem("short_notice", "warning", VAKANTIE_NOTICE, notice.citations, weeks=notice.value,
                        days=days_ahead)
    out.note("beroep_ouder", NOTE_BEROEP, ("lpw:11", "lpw:13a", "src:das-vakantieverlof", "src:inspectie-vakantie",
                                           "src:onderwijs-informatie-vakantie"))
    return "directeur"


def _last_school_day_of_lesweek(calendar: SchoolCalendar, first: date, lesweek: int, region: str) -> date:
    day = last = first
    while (number := calendar.lesweek_number(day, region)) is None or number <= lesweek:
        if number is not None and calendar.is_school_day(day, region):
            last = day
        day = date.fromordinal(day.toordinal() + 1)
    return last


def _gewichtig(request: VerlofFacts, rules: VerlofRules, law: LegalParameters, calendar: SchoolCalendar,
               out: _Outcome, school_days: int, requested_on: date, prior_applies: bool, municipality: str,
               officer: str) -> DecidedBy:
    maximum = law.verlof.gewichtig_director_max_school_days
    prior = request.prior_days_this_school_year if prior_applies else 0
    total = prior + school_days
    decided_by: DecidedBy = "directeur"
    if total > maximum.value:
        decided_by = "leerplichtambtenaar"
        template = NEEDS_OFFICER if officer.casefold() == municipality.casefold() else NEEDS_OFFICER_OTHER_MUNICIPALITY
        out.problem("needs_officer", "info", template,
                    (*maximum.citations, *get_regions().municipality(municipality).citations),
                    total=total, prior=prior, days=school_days, max=maximum.value, officer=officer,
                    municipality=municipality)
        out.note("aanvraag_via_school", NOTE_OFFICER_VIA_SCHOOL,
                 ("src:eindhoven-gewichtige-omstandigheden",))
    afterwards = law.verlof.gewichtig_afterwards_days
    if requested_on > request.start_date:
        # Art. 14 lid 2 is a forward term: the Algemene termijnenwet extends it past a weekend or feestdag.
        deadline = calendar.term_end(request.start_date, afterwards.value)
        if requested_on <= deadline:
            out.problem("short_notice", "info", GEWICHTIG_AFTERWARDS_OK, afterwards.citations, days=afterwards.value)
        else:
            out.problem("short_notice", "blocking", GEWICHTIG_AFTERWARDS_LATE, afterwards.citations,
                        days=afterwards.value, start=request.start_date, deadline=deadline)
        if deadline != request.start_date + timedelta(days=afterwards.value):
            out.note("termijn_verlengd", NOTE_TERM_EXTENDED, ("atw:1", "atw:3"), days=afterwards.value,
                     deadline=deadline)
    elif decided_by == "leerplichtambtenaar":
        notice = law.verlof.gewichtig_officer_notice_weeks
        if (request.start_date - requested_on).days < notice.value * 7:
            out.problem("short_notice", "warning", OFFICER_NOTICE, notice.citations, weeks=notice.value,
                        max=maximum.value)
    return decided_by


def _religieus(request: VerlofFacts, law: LegalParameters, out: _Outcome, requested_on: date) -> DecidedBy:
    # Art. 13's "two days before" is a backward term: the Algemene termijnenwet does not apply (Atw art. 1 lid 2).
    notice = law.verlof.religieus_notice_days
    if (request.start_date - requested_on).days < notice.value:
        out.problem("short_notice", "blocking", RELIGIEUS_LATE, notice.citations, days=notice.value,
                    start=request.start_date)
    out.note("religieuze_feestdag_dagen", NOTE_RELIGIOUS_DAYS, ("src:kbs-lunetten-verlof",))
    return "none"
