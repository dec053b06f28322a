"""How one leave request is evaluated: `evaluate_verlof` (see the package's docstring for what it answers)."""

from __future__ import annotations

from datetime import date

from assistant.calendar import Holiday, SchoolCalendar, SchoolYear, get_calendar
from assistant.i18n import Message
from assistant.knowledge.parameters import LegalParameters, params
from assistant.knowledge.regions import get_regions
from assistant.rules.finding import by_severity, cited
from assistant.rules.verlof.kinds import gewichtig, religieus, vakantie
from assistant.rules.verlof.model import (
    DecidedBy,
    VerlofDecision,
    VerlofFacts,
    VerlofRules,
    event_guidance,
    event_guidance_max_days,
    get_rules,
)
from assistant.rules.verlof.outcome import Outcome
from assistant.rules.verlof.texts import (
    END_BEFORE_START,
    NO_SCHOOL_DAYS,
    NOT_A_VALID_REASON,
    NOT_A_VALID_REASON_VAKANTIE,
    NOTE_ADVISORY_HOLIDAYS,
    NOTE_BEZWAAR,
    NOTE_EVENT_IS_ARTICLE_14,
    NOTE_GUIDANCE_DAYS,
    NOTE_MORE_THAN_GUIDANCE,
    NOTE_NO_REASON,
    NOTE_RELIGIOUS_IS_ARTICLE_13,
    NOTE_SCHOOLGIDS,
    NOTE_UNCERTAIN_HOLIDAYS,
    region_name,
)

_BASE_CITATIONS: dict[str, tuple[str, ...]] = {
    "vakantie": ("lpw:13a", "lpw:11"),
    "gewichtige_omstandigheid": ("lpw:14", "lpw:11"),
    "religieus": ("lpw:13", "lpw:11"),
}


def _unique(ids: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(ids))


def evaluate_verlof(
    request: VerlofFacts,
    on: date,
    *,
    rules: VerlofRules | None = None,
    calendar: SchoolCalendar | None = None,
    law: LegalParameters | None = None,
) -> VerlofDecision:
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
    out = Outcome()

    if request.end_date < request.start_date:
        out.problem(
            "end_before_start", "blocking", END_BEFORE_START, base, start=request.start_date, end=request.end_date
        )
        return _decision(
            out, school_days=0, decided_by=default_decider, school_year=None, region=region, officer=officer, base=base
        )

    days = list(calendar.school_days(request.start_date, request.end_date, region))
    school_days = len(days)
    school_year = SchoolYear.of(days[0] if days else request.start_date)
    prior_applies = (request.prior_school_year or SchoolYear.of(requested_on)) == school_year

    if school_days == 0:
        out.problem(
            "no_school_days", "info", NO_SCHOOL_DAYS, ("lpw:11",), start=request.start_date, end=request.end_date
        )
        out.assessment_needed = True
        return _decision(
            out, school_days=0, decided_by="none", school_year=school_year, region=region, officer=officer, base=base
        )

    _category_checks(request, rules, law, out, school_days)
    _calendar_notes(calendar, request, region, school_days, out)

    if request.kind == "vakantie":
        decided_by = vakantie(request, law, calendar, out, days, school_year, region, requested_on, prior_applies)
    elif request.kind == "gewichtige_omstandigheid":
        decided_by = gewichtig(
            request, rules, law, calendar, out, school_days, requested_on, prior_applies, municipality, officer
        )
    else:
        decided_by = religieus(request, law, out, requested_on)

    if decided_by != "none":
        objection = law.bezwaar.objection_weeks
        out.note("bezwaar", NOTE_BEZWAAR, (*objection.citations, "src:assen-wie-beslist"), weeks=objection.value)
    return _decision(
        out,
        school_days=school_days,
        decided_by=decided_by,
        school_year=school_year,
        region=region,
        officer=officer,
        base=base,
        law_date=law.on,
    )


def last_day_to_ask(kind: str, start: date, calendar: SchoolCalendar | None = None) -> date:
    """The last day a request for leave starting on `start` can still be made: the start itself, or for important
    circumstances the end of art. 14 lid 2's term after it, extended past weekends and feestdagen (Atw art. 1)."""
    if kind != "gewichtige_omstandigheid":
        return start
    days = params(start).verlof.gewichtig_afterwards_days.value
    return (calendar or get_calendar()).term_end(start, days)


def _decision(
    out: Outcome,
    *,
    school_days: int,
    decided_by: DecidedBy,
    school_year: SchoolYear | None,
    region: str,
    officer: str,
    base: tuple[str, ...],
    law_date: date | None = None,
) -> VerlofDecision:
    problems = by_severity(out.problems)
    if any(problem.severity == "blocking" for problem in problems):
        allowed: bool | None = False
    elif out.assessment_needed:
        allowed = None
    else:
        allowed = True
    citations = _unique([*base, *cited(problems), *cited(out.notes)])
    return VerlofDecision(
        school_days=school_days,
        decided_by=decided_by,
        problems=problems,
        citations=citations,
        allowed=allowed,
        notes=tuple(out.notes),
        school_year=school_year,
        region=region,
        leerplicht_gemeente=officer,
        law_date=law_date,
    )


def _category_checks(
    request: VerlofFacts, rules: VerlofRules, law: LegalParameters, out: Outcome, school_days: int
) -> None:
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
        out.problem(
            "not_a_valid_reason", "warning", template, (article, *entry["citations"]), reason=Message(entry["text"])
        )
        out.assessment_needed = True
        return
    if category not in rules.events:
        raise ValueError(f"unknown category {category!r}")
    event = rules.events[category]
    if request.kind == "vakantie":
        out.note(
            "gebeurtenis_valt_onder_artikel_14", NOTE_EVENT_IS_ARTICLE_14, ("lpw:14",), label=Message(event["label"])
        )
        return
    if request.kind == "religieus":
        return
    if event.get("article_13"):
        out.note(
            "religieus_valt_onder_artikel_13",
            NOTE_RELIGIOUS_IS_ARTICLE_13,
            ("lpw:13",),
            days=law.verlof.religieus_notice_days.value,
        )
        return
    if event.get("assessed_by_school"):
        out.assessment_needed = True
    guidance = event_guidance(event, law)
    if guidance is not None:
        out.note("richtlijn_dagen", NOTE_GUIDANCE_DAYS, event["citations"], guidance=guidance)
    maximum = event_guidance_max_days(event, law)
    if maximum is not None and school_days > maximum:
        out.note(
            "meer_dan_richtlijn",
            NOTE_MORE_THAN_GUIDANCE,
            event["citations"],
            days=school_days,
            label=Message(event["label"]),
        )


def _calendar_notes(
    calendar: SchoolCalendar, request: VerlofFacts, region: str, school_days: int, out: Outcome
) -> None:
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
