"""How one leave request is evaluated: `evaluate_verlof` (see the package's docstring for what it answers)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from assistant.calendar import Holiday, SchoolCalendar, SchoolYear, get_calendar
from assistant.i18n import Message
from assistant.knowledge.parameters import LegalParameters, params
from assistant.knowledge.regions import get_regions
from assistant.rules.finding import Finding, Severity, by_severity, cited
from assistant.rules.verlof.model import DecidedBy, ProblemCode, VerlofDecision, VerlofFacts, VerlofRules, get_rules
from assistant.rules.verlof.texts import (
    ALREADY_USED,
    END_BEFORE_START,
    FIRST_TWO_WEEKS,
    GEWICHTIG_AFTERWARDS_LATE,
    GEWICHTIG_AFTERWARDS_OK,
    NEEDS_OFFICER,
    NEEDS_OFFICER_OTHER_MUNICIPALITY,
    NO_SCHOOL_DAYS,
    NOT_A_VALID_REASON,
    NOT_A_VALID_REASON_VAKANTIE,
    NOTE_ADVISORY_HOLIDAYS,
    NOTE_BEROEP,
    NOTE_BEZWAAR,
    NOTE_EVENT_IS_ARTICLE_14,
    NOTE_GUIDANCE_DAYS,
    NOTE_MORE_THAN_GUIDANCE,
    NOTE_NO_REASON,
    NOTE_OFFICER_VIA_SCHOOL,
    NOTE_RELIGIOUS_DAYS,
    NOTE_RELIGIOUS_IS_ARTICLE_13,
    NOTE_SCHOOLGIDS,
    NOTE_TERM_EXTENDED,
    NOTE_UNCERTAIN_HOLIDAYS,
    OFFICER_NOTICE,
    REGION_NAMES,
    RELIGIEUS_LATE,
    TOO_MANY_DAYS,
    VAKANTIE_AFTERWARDS,
    VAKANTIE_NOTICE,
)

_BASE_CITATIONS: dict[str, tuple[str, ...]] = {
    "vakantie": ("lpw:13a", "lpw:11"),
    "gewichtige_omstandigheid": ("lpw:14", "lpw:11"),
    "religieus": ("lpw:13", "lpw:11"),
}


@dataclass
class _Outcome:
    problems: list[Finding] = field(default_factory=list)
    notes: list[Finding] = field(default_factory=list)
    assessment_needed: bool = False

    def problem(self, code: ProblemCode, severity: Severity, template: str, citations: tuple[str, ...] | list[str],
                **values: Any) -> None:
        self.problems.append(Finding(code, severity, Message(template, values), tuple(citations)))

    def note(self, code: str, template: str, citations: tuple[str, ...] | list[str] = (), **values: Any) -> None:
        self.notes.append(Finding(code, "info", Message(template, values), tuple(citations)))


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
    prior_applies = (request.prior_school_year or SchoolYear.of(requested_on)) == school_year

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
    problems = by_severity(out.problems)
    if any(problem.severity == "blocking" for problem in problems):
        allowed: bool | None = False
    elif out.assessment_needed:
        allowed = None
    else:
        allowed = True
    citations = _unique([*base, *cited(problems), *cited(out.notes)])
    return VerlofDecision(school_days=school_days, decided_by=decided_by, problems=problems,
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
