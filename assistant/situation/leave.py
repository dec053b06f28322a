"""Verdicts on leave: vakantieverlof (Leerplichtwet art. 13a), verlof wegens gewichtige omstandigheden (art. 14) and
a religious obligation (art. 13), from the facts of the question and `evaluate_verlof` over the school calendar.

- Dates, or a period around a school holiday ("de week voor de kerstvakantie"), are counted in school days of the
  vakantieregio and run through the rules: more than the maximum, the first lesweken, once a school year, too late.
- A length without dates ("drie weken") is read as school days (a school week has five; "ongeveer", because a
  holiday may fall in it) and held against the maximum.
- A reason decides which article applies: an event is art. 14 (a religious one art. 13), a parent's job is the only
  ground of art. 13a, and cheaper tickets and the like are no reason at all (guidance).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

from assistant.calendar import CalendarError, Holiday, SchoolCalendar, SchoolYear, get_calendar
from assistant.i18n import Message, _
from assistant.knowledge import UnknownMunicipality, get_regions
from assistant.knowledge.parameters import LawNotKnown, LegalParameters, params
from assistant.rules.verlof import (
    NO_SCHOOL_DAYS,
    VAKANTIE_AFTERWARDS,
    VerlofDecision,
    VerlofFacts,
    evaluate_verlof,
    get_rules,
)
from assistant.situation.facts import EVENT_CATEGORIES, Facts, next_occurrence, plausibility
from assistant.situation.verdict import Choice, Reply, role_choice, verdict_for

NO = _("Nee, dat kan niet.")
WEEKS_ABOUT = _("{weeks} weken zijn ongeveer {days} schooldagen.")
ONE_MONTH_ABOUT = _("Een maand is ongeveer {days} schooldagen.")
MONTHS_ABOUT = _("{months} maanden zijn ongeveer {days} schooldagen.")
PERIOD_DAYS = _("Van {start} tot en met {end} zijn er {days} schooldagen.")
VAKANTIE_MAX = _("Vakantieverlof kan voor ten hoogste {max} schooldagen per schooljaar; langer kan ook niet via de "
                 "leerplichtambtenaar (artikel 13a Leerplichtwet).")
VAKANTIE_FITS = _("Dat past binnen het maximum van {max} schooldagen. Maar vakantieverlof kan alleen als het beroep "
                  "van een ouder een vakantie in alle schoolvakanties onmogelijk maakt, en ten hoogste {times} keer "
                  "per schooljaar (artikel 13a Leerplichtwet).")
VAKANTIE_JOB = _("Het werk telt alleen als het een vakantie in alle schoolvakanties onmogelijk maakt, zoals "
                 "seizoenswerk; drukte of een eigen bedrijf alleen is niet genoeg.")
VAKANTIE_JOB_ONLY = _("Dat kan alleen als de aard van het werk van een ouder een gezinsvakantie in alle "
                      "schoolvakanties van het schooljaar onmogelijk maakt, zoals seizoenswerk; drukte of een eigen "
                      "bedrijf alleen is niet genoeg. Dan kan de directeur ten hoogste {max} schooldagen geven, "
                      "{times} keer per schooljaar en niet in de eerste {weeks} lesweken (artikel 13a Leerplichtwet).")
VAKANTIE_ONCE = _("Nee. Vakantieverlof kan ten hoogste {times} keer per schooljaar (artikel 13a Leerplichtwet). Is "
                  "het dit schooljaar al gegeven, dan kan de directeur het niet nog een keer geven.")
VAKANTIE_FIRST_WEEKS = _("Nee, dat kan niet. Vakantieverlof kan nooit in de eerste {weeks} lesweken van het schooljaar "
                         "(artikel 13a Leerplichtwet). In schooljaar {school_year} zijn dat de weken van {first} tot "
                         "en met {last}.")
VAKANTIE_FIRST_WEEKS_NOTE = _("Let op: in de eerste {weeks} lesweken van het schooljaar kan het nooit. In schooljaar "
                              "{school_year} zijn dat de weken van {first} tot en met {last}.")
VAKANTIE_ONLY_JOB_REASON = _("Vakantieverlof kan alleen als het beroep van een ouder een gezinsvakantie in alle "
                             "schoolvakanties onmogelijk maakt (artikel 13a Leerplichtwet).")
TODO_VAKANTIE = _("Vraag het ruim van tevoren schriftelijk aan bij de directeur, met een verklaring van de "
                  "werkgever.")
TODO_VAKANTIE_SHORTER = _("Een kortere periode kunt u bij de directeur aanvragen.")
TODO_VAKANTIE_SCHOOL = _("Als directeur beslist u. Vraag om een verklaring van de werkgever. Gaat de leerling zonder "
                         "verlof, dan is dat luxe verzuim: dat meldt u bij DUO.")
TODO_VAKANTIE_SCHOOL_NO = _("Als directeur kunt u hiervoor geen verlof geven. Gaat de leerling toch, dan is dat luxe "
                            "verzuim: dat meldt u bij DUO.")
VAKANTIE_SCHOOL_RULE = _("Als directeur mag u vakantieverlof alleen geven als het beroep van een ouder een "
                         "gezinsvakantie in alle schoolvakanties onmogelijk maakt: ten hoogste {max} schooldagen, "
                         "{times} keer per schooljaar en niet in de eerste {weeks} lesweken (artikel 13a "
                         "Leerplichtwet).")
SCHOOL_LUXE = _("Gaat een leerling zonder verlof, dan is dat luxe verzuim: dat meldt u bij DUO.")
EVENT_IS_ARTICLE_14 = _("Voor {label} vraagt u geen vakantieverlof, maar verlof wegens gewichtige omstandigheden "
                        "(artikel 14 Leerplichtwet).")

GEWICHTIG_DIRECTOR = _("Voor {label} kan de directeur verlof geven (artikel 14 Leerplichtwet).")
GEWICHTIG_OFFICER = _("Voor meer dan {max} schooldagen per schooljaar beslist niet de directeur, maar de "
                      "leerplichtambtenaar van de woongemeente, na overleg met de directeur (artikel 14 "
                      "Leerplichtwet).")
GEWICHTIG_NO_REASON = _("Voor een gewichtige omstandigheid, zoals een huwelijk of een overlijden in de familie, kan de "
                        "directeur ten hoogste {max} schooldagen per schooljaar geven. Of uw reden telt, beoordeelt de "
                        "directeur (artikel 14 Leerplichtwet).")
MORE_THAN_GUIDANCE = _("U vraagt meer dagen dan die richtlijn. Leg in de aanvraag uit waarom.")
WITHIN_GUIDANCE = _("De dagen die u vraagt, passen binnen die richtlijn.")
TODO_GEWICHTIG = _("Vraag het vooraf schriftelijk aan bij de directeur. Kon dat niet, meld de reden dan binnen {days} "
                   "dagen.")
TODO_GEWICHTIG_OFFICER = _("Lever de aanvraag zo vroeg mogelijk in bij de school; die stuurt hem naar de "
                           "leerplichtambtenaar.")
GEWICHTIG_SCHOOL_ASSESS = _("Of een reden een gewichtige omstandigheid is, beoordeelt u; de wet noemt geen lijst. Kon "
                            "de ouder het niet vooraf vragen? Dan kunt u het verlof alsnog geven als de reden binnen "
                            "{days} dagen bij u is gemeld (artikel 14 Leerplichtwet).")
TODO_GEWICHTIG_SCHOOL = _("Als directeur beslist u tot en met {max} schooldagen per schooljaar. Bij meer stuurt u de "
                          "aanvraag door naar de leerplichtambtenaar, die u eerst hoort.")

RELIGIEUS = _("U hoeft geen toestemming te vragen voor een plicht uit uw geloof of levensovertuiging. Meld het wel "
              "uiterlijk {days} dagen van tevoren aan de directeur (artikel 13 Leerplichtwet).")
RELIGIEUS_SCHOOL = _("De ouders hoeven geen toestemming te vragen voor een plicht uit geloof of levensovertuiging. Zij "
                     "melden het uiterlijk {days} dagen van tevoren bij de directeur (artikel 13 Leerplichtwet).")
RELIGIEUS_BY = _("Voor {date} meldt u het dus uiterlijk op {deadline}.")
RELIGIEUS_LATE = _("Voor {date} had dat uiterlijk op {deadline} gemoeten. Meld het zo snel mogelijk.")

ASK_REASON = _("Waarvoor vraagt u het verlof? Daar hangt het antwoord van af.")
REASON_BUTTONS = (
    ("huwelijk", _("Een bruiloft")),
    ("overlijden", _("Een overlijden of uitvaart")),
    ("ernstige_ziekte", _("Ernstige ziekte in de familie")),
    ("verhuizing", _("Een verhuizing")),
    ("religieuze_verplichting", _("Een religieuze feestdag")),
    ("vakantie", _("Op vakantie")),
    ("overig", _("Iets anders")),
)
NON_REASONS = ("goedkopere_tickets", "familiebezoek", "drukte", "al_geboekt", "broers_zussen_vrij")


def _municipality(facts: Facts) -> str:
    """The asker's municipality, or the regional table's first (all of Twente is vakantieregio noord; only the school
    days are counted with it, never who decides)."""
    regions = get_regions()
    if facts.municipality:
        try:
            return regions.name_of(facts.municipality)
        except UnknownMunicipality:
            pass
    return regions.municipalities[0]


def _next_holiday(holiday_id: str, on: date, region: str, calendar: SchoolCalendar) -> Holiday | None:
    day = on
    while True:
        try:
            found = calendar.school_holiday_on(day, region)
        except CalendarError:
            return None
        if found is not None and found.id == holiday_id:
            return found
        day += timedelta(days=1)


def _school_days_from(day: date, count: int, step: int, region: str, calendar: SchoolCalendar) -> list[date]:
    """`count` school days from `day` on, going forward (`step` 1) or back (-1)."""
    found: list[date] = []
    while len(found) < count:
        if calendar.is_school_day(day, region):
            found.append(day)
        day += timedelta(days=step)
    return sorted(found)


def _period(facts: Facts, on: date, region: str, calendar: SchoolCalendar) -> tuple[date, date] | None:
    """The leave's first and last day: as said, or a week (or the length said) right before or after a holiday."""
    if facts.start is not None:
        return facts.start, facts.end or facts.start
    if facts.holiday is None or facts.relation is None:
        return None
    try:
        holiday = _next_holiday(facts.holiday, on, region, calendar)
        if holiday is None:
            return None
        count = round(facts.duration_days or plausibility()["school_days_per_week"])
        if facts.relation == "before":
            days = _school_days_from(holiday.start - timedelta(days=1), count, -1, region, calendar)
        else:
            days = _school_days_from(holiday.end + timedelta(days=1), count, 1, region, calendar)
    except CalendarError:
        return None
    return days[0], days[-1]


def _first_lesweken(month: int, on: date, region: str, calendar: SchoolCalendar,
                    law: LegalParameters) -> tuple[SchoolYear, date, date] | None:
    """The first lesweken of the school year in which the next `month` falls, when that month overlaps them."""
    first_of_month = next_occurrence(month, on)
    school_year = SchoolYear.of(first_of_month)
    try:
        first = calendar.first_school_day(school_year, region)
        weeks = law.verlof.vakantie_excluded_first_lesweken.value
        last = first
        day = first
        while (number := calendar.lesweek_number(day, region)) is None or number <= weeks:
            if number is not None and calendar.is_school_day(day, region):
                last = day
            day += timedelta(days=1)
    except CalendarError:
        return None
    if first.month != month and last.month != month:
        return None
    return school_year, first, last


def _duration_sentence(facts: Facts, days: int) -> Message | None:
    if facts.weeks is not None and facts.days is None:
        return Message(WEEKS_ABOUT, {"weeks": _decimal(facts.weeks), "days": days})
    if facts.months is not None and facts.days is None:
        if facts.months == 1:
            return Message(ONE_MONTH_ABOUT, {"days": days})
        return Message(MONTHS_ABOUT, {"months": _decimal(facts.months), "days": days})
    return None


def _decimal(value: float) -> Decimal:
    return Decimal(f"{value:g}")


def _evaluate(kind: str, facts: Facts, period: tuple[date, date], on: date, calendar: SchoolCalendar,
              municipality: str, category: str | None = None) -> VerlofDecision | None:
    try:
        return evaluate_verlof(VerlofFacts(kind=kind, start_date=period[0], end_date=period[1],  # type: ignore[arg-type]
                                           municipality=municipality, requested_on=on, category=category,
                                           prior_vakantie_this_school_year=bool(facts.prior_leave)), on=on)
    except (CalendarError, LawNotKnown, ValueError):
        return None


@verdict_for("verlof_vakantie")
def vakantie(topic: str, facts: Facts, on: date, may_ask: bool) -> Reply | None:
    if facts.reason in EVENT_CATEGORIES:
        if facts.reason == "religieuze_verplichting":
            return religieus("religieuze_feestdag", facts, on, may_ask)
        return gewichtig("verlof_gewichtige_omstandigheden", facts, on, may_ask, from_vakantie=True)
    calendar = get_calendar()
    municipality = _municipality(facts)
    region = calendar.region_of(municipality)
    period = _period(facts, on, region, calendar)
    law = params(period[0] if period else on)
    rule = law.verlof
    maximum = rule.vakantie_max_school_days.value
    values = {"max": maximum, "times": rule.vakantie_times_per_school_year.value,
              "weeks": rule.vakantie_excluded_first_lesweken.value}
    school = facts.role == "school"
    citations = ["lpw:13a", "lpw:11"]
    lines: list[Message] = []
    details: list[Message] = []

    if facts.prior_leave:
        lines = [Message(VAKANTIE_ONCE, values)]
        return _reply(topic, facts, lines, citations, law)
    if facts.reason in NON_REASONS and facts.reason in get_rules().non_reasons:
        entry = get_rules().non_reasons[facts.reason]
        lines = [Message(entry["text"]), Message(VAKANTIE_ONLY_JOB_REASON)]
        return _reply(topic, facts, lines, [*citations, *entry["citations"]], law)

    decision = _evaluate("vakantie", facts, period, on, calendar, municipality) if period else None
    if decision is not None:
        return _vakantie_decision(topic, facts, decision, period, values, law)  # type: ignore[arg-type]

    days = facts.duration_days
    if days is not None:
        rounded = round(days)
        duration = _duration_sentence(facts, rounded)
        if rounded > maximum:
            lines = [Message(NO), *([duration] if duration else []), Message(VAKANTIE_MAX, values)]
            todo_no = Message(TODO_VAKANTIE_SCHOOL_NO if school else TODO_VAKANTIE_SHORTER)
            if facts.reason == "werk" and not school:  # the job is the point asked; what to do goes behind
                return _reply(topic, facts, [*lines, Message(VAKANTIE_JOB)], citations, law, [todo_no])
            return _reply(topic, facts, [*lines, todo_no], citations, law)
        lines = [Message(VAKANTIE_FITS, values)]
        if facts.reason == "werk":
            lines.append(Message(VAKANTIE_JOB))
    elif facts.reason == "werk":
        lines = [Message(VAKANTIE_JOB_ONLY, values)]
    elif school and facts.month is None:
        return _reply(topic, facts, [Message(VAKANTIE_SCHOOL_RULE, values), Message(SCHOOL_LUXE)], citations, law)
    todo = Message(TODO_VAKANTIE_SCHOOL if school else TODO_VAKANTIE)
    first_weeks = _first_lesweken(facts.month, on, region, calendar, law) if facts.month is not None else None
    if first_weeks is not None:
        school_year, first, last = first_weeks
        job = [line for line in lines if line.template == VAKANTIE_JOB]
        lines = [line for line in lines if line.template != VAKANTIE_JOB]
        lines.append(Message(VAKANTIE_FIRST_WEEKS_NOTE, {**values, "school_year": school_year.label, "first": first,
                                                         "last": last}))
        details += [*job, todo]
    elif lines and not any(line.template == VAKANTIE_JOB_ONLY for line in lines):
        lines.append(todo)
    elif lines:
        details.append(todo)
    if not lines:
        return None
    return _reply(topic, facts, lines, citations, law, details)


def _vakantie_decision(topic: str, facts: Facts, decision: VerlofDecision, period: tuple[date, date],
                       values: dict[str, int], law: LegalParameters) -> Reply:
    school = facts.role == "school"
    citations = ["lpw:13a", "lpw:11", *get_calendar().municipality_citations, *decision.citations]
    if decision.school_days == 0:
        lines = [Message(NO_SCHOOL_DAYS, {"start": period[0], "end": period[1]})]
        return _reply(topic, facts, lines, citations, law)
    counted = Message(PERIOD_DAYS, {"start": period[0], "end": period[1], "days": decision.school_days})
    blocking = [problem for problem in decision.problems if problem.severity == "blocking"]
    codes = [problem.code for problem in blocking]
    first_weeks = decision.problem("first_two_weeks")
    if first_weeks is not None and first_weeks.severity == "blocking":
        lines = [Message(VAKANTIE_FIRST_WEEKS, dict(first_weeks.message.values))]
    elif "too_many_days" in codes:
        lines = [Message(NO), counted, Message(VAKANTIE_MAX, values),
                 Message(TODO_VAKANTIE_SCHOOL_NO if school else TODO_VAKANTIE_SHORTER)]
    elif "already_used_this_school_year" in codes:
        lines = [Message(VAKANTIE_ONCE, values)]
    elif "short_notice" in codes:
        lines = [Message(NO), Message(VAKANTIE_AFTERWARDS)]
    else:
        lines = [counted, Message(VAKANTIE_FITS, values)]
        if facts.reason == "werk":
            lines.append(Message(VAKANTIE_JOB))
        lines.append(Message(TODO_VAKANTIE_SCHOOL if school else TODO_VAKANTIE))
        return _reply(topic, facts, lines, citations, law, _notes(decision))
    return _reply(topic, facts, lines, citations, law, _notes(decision))


def _notes(decision: VerlofDecision) -> list[Message]:
    """What the rules say besides the verdict (warnings, the schoolgids, guidance), for behind "Meer uitleg"."""
    found = [problem.message for problem in decision.problems if problem.severity != "blocking"]
    return [*found, *(note.message for note in decision.notes)]


def _reply(topic: str, facts: Facts, lines: list[Message], citations: list[str], law: LegalParameters,
           details: list[Message] | None = None, variant: str | None = None) -> Reply:
    """A verdict; `citations` lists what grounds the lines first (statute first within), then the rest."""
    return Reply(topic=topic, lines=tuple(lines), citations=tuple(dict.fromkeys(citations)),
                 details=tuple(details or ()), choices=role_choice(topic, facts), facts=facts, law_date=law.on,
                 variant=variant)


def _reason_question(topic: str, facts: Facts) -> Reply:
    choices = []
    for reason, title in REASON_BUTTONS:
        target = {"vakantie": "verlof_vakantie", "religieuze_verplichting": "religieuze_feestdag"}.get(
            reason, "verlof_gewichtige_omstandigheden")
        answer = replace(facts, reason=None if reason == "vakantie" else reason, problems=())
        choices.append(Choice(Message(title), target, answer))
    from assistant.situation.verdict import DONT_KNOW_BUTTON

    choices.append(Choice(Message(DONT_KNOW_BUTTON), topic, replace(facts, unknown=("reason",), problems=())))
    return Reply(topic=topic, lines=(Message(ASK_REASON),), choices=tuple(choices), facts=facts, asks="reason")


@verdict_for("verlof_gewichtige_omstandigheden")
def gewichtig(topic: str, facts: Facts, on: date, may_ask: bool, from_vakantie: bool = False) -> Reply | None:
    reason = facts.reason
    if reason in (*NON_REASONS, "werk", "vakantie"):
        return vakantie("verlof_vakantie", facts, on, may_ask)
    if reason == "religieuze_verplichting":
        return religieus("religieuze_feestdag", facts, on, may_ask)
    concrete = facts.duration_days is not None or facts.start is not None
    if reason is None and concrete and may_ask and "reason" not in facts.unknown and "*" not in facts.unknown:
        return _reason_question(topic, facts)
    if not concrete and not from_vakantie:
        if facts.role == "school" and reason is None:
            return _school_gewichtig(topic, facts, on)
        return None  # the event's variant of the topic text answers it
    calendar = get_calendar()
    municipality = _municipality(facts)
    period = _period(facts, on, calendar.region_of(municipality), calendar)
    law = params(period[0] if period else on)
    maximum = law.verlof.gewichtig_director_max_school_days.value
    school = facts.role == "school"
    citations = ["lpw:14", "lpw:11"]
    days: float | None = facts.duration_days
    details: list[Message] = []
    lines: list[Message] = []
    if period is not None:
        decision = _evaluate("gewichtige_omstandigheid", facts, period, on, calendar, municipality,
                             reason if reason in EVENT_CATEGORIES else None)
        if decision is not None:
            days = decision.school_days
            lines.append(Message(PERIOD_DAYS, {"start": period[0], "end": period[1], "days": days}))
            citations += [*get_calendar().municipality_citations, *decision.citations]
            details += _notes(decision)
    event = get_rules().events.get(reason) if reason else None
    if from_vakantie and event is not None:
        lines.insert(0, Message(EVENT_IS_ARTICLE_14, {"label": Message(event["label"])}))
    if days is not None and round(days) > maximum:
        lines.append(Message(GEWICHTIG_OFFICER, {"max": maximum}))
        lines.append(Message(TODO_GEWICHTIG_SCHOOL if school else TODO_GEWICHTIG_OFFICER, {"max": maximum}))
        return _reply(topic, facts, lines, citations, law, details, variant=reason)
    afterwards = law.verlof.gewichtig_afterwards_days.value
    todo = Message(TODO_GEWICHTIG_SCHOOL if school else TODO_GEWICHTIG, {"max": maximum, "days": afterwards})
    if event is not None and event.get("guidance"):
        if not from_vakantie:
            lines.append(Message(GEWICHTIG_DIRECTOR, {"label": Message(event["label"])}))
        lines.append(Message(event["guidance"]))
        citations += event["citations"]
        maximum_guidance = event.get("guidance_max_days")
        if days is not None and maximum_guidance is not None:
            lines.append(Message(MORE_THAN_GUIDANCE if round(days) > int(maximum_guidance) else WITHIN_GUIDANCE))
        details.insert(0, todo)
    else:
        if event is not None and not from_vakantie:
            lines.append(Message(GEWICHTIG_DIRECTOR, {"label": Message(event["label"])}))
        elif event is None:
            lines.append(Message(GEWICHTIG_NO_REASON, {"max": maximum}))
        lines.append(todo)
    return _reply(topic, facts, lines, citations, law, details, variant=reason)


def _school_gewichtig(topic: str, facts: Facts, on: date) -> Reply:
    """What a school asks without a case: who decides up to which number of days, and the term for afterwards."""
    law = params(on)
    lines = [Message(TODO_GEWICHTIG_SCHOOL, {"max": law.verlof.gewichtig_director_max_school_days.value}),
             Message(GEWICHTIG_SCHOOL_ASSESS, {"days": law.verlof.gewichtig_afterwards_days.value})]
    return _reply(topic, facts, lines, ["lpw:14", "lpw:11"], law)


@verdict_for("religieuze_feestdag")
def religieus(topic: str, facts: Facts, on: date, may_ask: bool) -> Reply | None:
    if facts.start is None and facts.role != "school":
        return None
    law = params(facts.start or on)
    days = law.verlof.religieus_notice_days.value
    lines = [Message(RELIGIEUS_SCHOOL if facts.role == "school" else RELIGIEUS, {"days": days})]
    if facts.start is not None:
        deadline = facts.start - timedelta(days=days)  # a backward term: never moved (Atw art. 1 lid 2)
        late = on > deadline
        lines.append(Message(RELIGIEUS_LATE if late else RELIGIEUS_BY, {"date": facts.start, "deadline": deadline}))
    return _reply(topic, facts, lines, ["lpw:13", "lpw:11"], law)
