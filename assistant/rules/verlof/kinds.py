"""The rules of each kind of leave: vakantieverlof (art. 13a), gewichtige omstandigheden (art. 14) and a religious
duty (art. 13). Each adds its findings to the `Outcome` and says who decides."""

from __future__ import annotations

from datetime import date, timedelta

from assistant.calendar import SchoolCalendar, SchoolYear
from assistant.knowledge.parameters import LegalParameters
from assistant.knowledge.regions import get_regions
from assistant.rules.verlof.model import DecidedBy, VerlofFacts, VerlofRules
from assistant.rules.verlof.outcome import Outcome
from assistant.rules.verlof.texts import (
    ALREADY_USED,
    FIRST_TWO_WEEKS,
    GEWICHTIG_AFTERWARDS_LATE,
    GEWICHTIG_AFTERWARDS_OK,
    NEEDS_OFFICER,
    NEEDS_OFFICER_OTHER_MUNICIPALITY,
    NEEDS_OFFICER_UNCERTAIN_ROUTING,
    NOTE_BEROEP,
    NOTE_OFFICER_VIA_SCHOOL,
    NOTE_RELIGIOUS_DAYS,
    NOTE_TERM_EXTENDED,
    OFFICER_NOTICE,
    RELIGIEUS_LATE,
    TOO_MANY_DAYS,
    VAKANTIE_AFTERWARDS,
    VAKANTIE_NOTICE,
    region_name,
)


def vakantie(
    request: VerlofFacts,
    law: LegalParameters,
    calendar: SchoolCalendar,
    out: Outcome,
    days: list[date],
    school_year: SchoolYear,
    region: str,
    requested_on: date,
    prior_applies: bool,
) -> DecidedBy:
    maximum = law.verlof.vakantie_max_school_days
    if len(days) > maximum.value:
        out.problem("too_many_days", "blocking", TOO_MANY_DAYS, maximum.citations, days=len(days), max=maximum.value)
    if request.prior_vakantie_this_school_year and prior_applies:
        times = law.verlof.vakantie_times_per_school_year
        out.problem(
            "already_used_this_school_year",
            "blocking",
            ALREADY_USED,
            times.citations,
            times=times.value,
            school_year=school_year.label,
        )
    excluded = law.verlof.vakantie_excluded_first_lesweken
    in_first_weeks = [day for day in days if (calendar.lesweek_number(day, region) or 0) <= excluded.value]
    if in_first_weeks:
        first = calendar.first_school_day(school_year, region)
        last = _last_school_day_of_lesweek(calendar, first, excluded.value, region)
        out.problem(
            "first_two_weeks",
            "blocking",
            FIRST_TWO_WEEKS,
            excluded.citations,
            weeks=excluded.value,
            school_year=school_year.label,
            first=first,
            last=last,
            region=region_name(region),
        )
    if requested_on > request.start_date:
        out.problem("short_notice", "blocking", VAKANTIE_AFTERWARDS, ("lpw:13a",))
    else:
        notice = law.verlof.vakantie_notice_weeks
        days_ahead = (request.start_date - requested_on).days
        if days_ahead < notice.value * 7:
            out.problem(
                "short_notice", "warning", VAKANTIE_NOTICE, notice.citations, weeks=notice.value, days=days_ahead
            )
    out.note(
        "beroep_ouder",
        NOTE_BEROEP,
        ("lpw:11", "lpw:13a", "src:das-vakantieverlof", "src:inspectie-vakantie", "src:onderwijs-informatie-vakantie"),
    )
    return "directeur"


def _last_school_day_of_lesweek(calendar: SchoolCalendar, first: date, lesweek: int, region: str) -> date:
    day = last = first
    while (number := calendar.lesweek_number(day, region)) is None or number <= lesweek:
        if number is not None and calendar.is_school_day(day, region):
            last = day
        day = date.fromordinal(day.toordinal() + 1)
    return last


def gewichtig(
    request: VerlofFacts,
    rules: VerlofRules,
    law: LegalParameters,
    calendar: SchoolCalendar,
    out: Outcome,
    school_days: int,
    requested_on: date,
    prior_applies: bool,
    municipality: str,
    officer: str,
) -> DecidedBy:
    maximum = law.verlof.gewichtig_director_max_school_days
    prior = request.prior_days_this_school_year if prior_applies else 0
    total = prior + school_days
    decided_by: DecidedBy = "directeur"
    if total > maximum.value:
        decided_by = "leerplichtambtenaar"
        if officer.casefold() == municipality.casefold():
            template = NEEDS_OFFICER
        elif get_regions().municipality(municipality).uncertain:
            template = NEEDS_OFFICER_UNCERTAIN_ROUTING
        else:
            template = NEEDS_OFFICER_OTHER_MUNICIPALITY
        out.problem(
            "needs_officer",
            "info",
            template,
            (*maximum.citations, *get_regions().municipality(municipality).citations),
            total=total,
            prior=prior,
            days=school_days,
            max=maximum.value,
            officer=officer,
            municipality=municipality,
        )
        out.note("aanvraag_via_school", NOTE_OFFICER_VIA_SCHOOL, ("src:eindhoven-gewichtige-omstandigheden",))
    afterwards = law.verlof.gewichtig_afterwards_days
    if requested_on > request.start_date:
        # Art. 14 lid 2 is a forward term: the Algemene termijnenwet extends it past a weekend or feestdag.
        deadline = calendar.term_end(request.start_date, afterwards.value)
        if requested_on <= deadline:
            out.problem("short_notice", "info", GEWICHTIG_AFTERWARDS_OK, afterwards.citations, days=afterwards.value)
        else:
            out.problem(
                "short_notice",
                "blocking",
                GEWICHTIG_AFTERWARDS_LATE,
                afterwards.citations,
                days=afterwards.value,
                start=request.start_date,
                deadline=deadline,
            )
        if deadline != request.start_date + timedelta(days=afterwards.value):
            out.note(
                "termijn_verlengd", NOTE_TERM_EXTENDED, ("atw:1", "atw:3"), days=afterwards.value, deadline=deadline
            )
    elif decided_by == "leerplichtambtenaar":
        notice = law.verlof.gewichtig_officer_notice_weeks
        if (request.start_date - requested_on).days < notice.value * 7:
            out.problem(
                "short_notice", "warning", OFFICER_NOTICE, notice.citations, weeks=notice.value, max=maximum.value
            )
    return decided_by


def religieus(request: VerlofFacts, law: LegalParameters, out: Outcome, requested_on: date) -> DecidedBy:
    # Art. 13's "two days before" is a backward term: the Algemene termijnenwet does not apply (Atw art. 1 lid 2).
    notice = law.verlof.religieus_notice_days
    if (request.start_date - requested_on).days < notice.value:
        out.problem(
            "short_notice", "blocking", RELIGIEUS_LATE, notice.citations, days=notice.value, start=request.start_date
        )
    feast_days = law.richtlijn.religieuze_feestdag_days
    out.note("religieuze_feestdag_dagen", NOTE_RELIGIOUS_DAYS, feast_days.citations, days=feast_days.value)
    return "none"
