"""Verdicts on leave: vakantieverlof (Leerplichtwet art. 13a), verlof wegens gewichtige omstandigheden (art. 14) and
a religious obligation (art. 13), from the facts of the question and `evaluate_verlof` over the school calendar.

- Dates, or a period around a school holiday ("de week voor de kerstvakantie"), are counted in school days of the
  vakantieregio and run through the rules: more than the maximum, the first lesweken, once a school year, too late.
- A length without dates ("drie weken") is read as school days (a school week has five; "ongeveer", because a
  holiday may fall in it) and held against the maximum.
- A reason decides which article applies: an event is art. 14 (a religious one art. 13), a parent's job is the only
  ground of art. 13a, and cheaper tickets, wintersport, carnaval and the like are no reason at all (guidance; the
  non-reasons of knowledge/rules/verlof.yml): "Nee" first, whichever leave topic was asked.
- An event not known to count ("overig") gets the rule without a number of days; an event abroad gets the guidance's
  number for abroad where it has one (a wedding, a death), and no made-up number where it has none.
- Reporting a child sick to leave for a trip is luxe verzuim (art. 2, 11, 22, 26): that verdict wins over any reason.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from assistant.calendar import get_calendar
from assistant.i18n import Message
from assistant.knowledge.parameters import LegalParameters, params
from assistant.rules.verlof import (
    NO_SCHOOL_DAYS,
    VAKANTIE_AFTERWARDS,
    VerlofDecision,
    days_against_guidance,
    event_abroad_guidance,
    event_abroad_max_days,
    event_guidance,
    get_rules,
)
from assistant.situation.facts import EVENT_CATEGORIES, Facts
from assistant.situation.family import family_part, has_family_facts
from assistant.situation.leave_period import (
    days_given,
    duration_sentence,
    evaluate_leave,
    first_lesweken,
    law_day,
    leave_period,
    municipality_of,
    period_days,
)
from assistant.situation.leave_reply import false_sick_report, non_reason
from assistant.situation.leave_reply import notes as _notes
from assistant.situation.leave_reply import reply as _reply
from assistant.situation.leave_texts import (
    ASK_REASON,
    DEPENDS_ON_GUIDANCE,
    EVENT_IS_ARTICLE_14,
    GEWICHTIG_DIRECTOR,
    GEWICHTIG_DIRECTOR_ASK,
    GEWICHTIG_NO_REASON,
    GEWICHTIG_OFFICER,
    GEWICHTIG_OTHER,
    GEWICHTIG_SCHOOL_ASSESS,
    MORE_THAN_ABROAD_GUIDANCE,
    MORE_THAN_ABROAD_GUIDANCE_SCHOOL,
    MORE_THAN_GUIDANCE,
    MORE_THAN_GUIDANCE_SCHOOL,
    NO,
    NO_JOB_LUXE,
    REASON_BUTTONS,
    RELIGIEUS,
    RELIGIEUS_BY,
    RELIGIEUS_LATE,
    RELIGIEUS_SCHOOL,
    SCHOOL_LUXE,
    TODO_GEWICHTIG,
    TODO_GEWICHTIG_OFFICER,
    TODO_GEWICHTIG_SCHOOL,
    TODO_VAKANTIE,
    TODO_VAKANTIE_OWN,
    TODO_VAKANTIE_SCHOOL,
    TODO_VAKANTIE_SCHOOL_NO,
    TODO_VAKANTIE_SELF,
    TODO_VAKANTIE_SHORTER,
    VAKANTIE_FIRST_WEEKS,
    VAKANTIE_FIRST_WEEKS_NOTE,
    VAKANTIE_FITS,
    VAKANTIE_JOB,
    VAKANTIE_JOB_FITS,
    VAKANTIE_JOB_ONE_HOLIDAY,
    VAKANTIE_JOB_ONLY,
    VAKANTIE_MAX,
    VAKANTIE_ONCE,
    VAKANTIE_SCHOOL_RULE,
    WITHIN_ABROAD_GUIDANCE,
    WITHIN_GUIDANCE,
)
from assistant.situation.verdict import Choice, Reply, verdict_for
from assistant.verlof_requests.reasons import NON_REASONS

__all__ = ["false_sick_report", "gewichtig", "non_reason", "religieus", "vakantie"]


@verdict_for("verlof_vakantie")
def vakantie(topic: str, facts: Facts, on: date, may_ask: bool) -> Reply | None:
    if facts.false_sick_report and facts.role != "school":
        return false_sick_report(facts, on)
    if facts.reason in EVENT_CATEGORIES:
        if facts.reason == "religieuze_verplichting":
            return religieus("religieuze_feestdag", facts, on, may_ask)
        # an unknown event ("overig") is not said to be a gewichtige omstandigheid: it gets the rule
        return gewichtig("verlof_gewichtige_omstandigheden", facts, on, may_ask, from_vakantie=facts.reason != "overig")
    calendar = get_calendar()
    municipality = municipality_of(facts)
    region = calendar.region_of(municipality)
    period = leave_period(facts, on, region, calendar)
    law = params(law_day(facts, period, on))
    rule = law.verlof
    maximum = rule.vakantie_max_school_days.value
    values = {
        "max": maximum,
        "times": rule.vakantie_times_per_school_year.value,
        "weeks": rule.vakantie_excluded_first_lesweken.value,
    }
    school = facts.role == "school"
    citations = ["lpw:13a", "lpw:11"]
    lines: list[Message] = []
    details: list[Message] = []

    if facts.prior_leave:
        lines = [Message(VAKANTIE_ONCE, values)]
        return _reply(topic, facts, lines, citations, law, refuses=True)
    if facts.reason in NON_REASONS:
        return non_reason(facts, on)

    decision = evaluate_leave("vakantie", facts, period, on, calendar, municipality) if period else None
    if decision is not None:
        return _vakantie_decision(topic, facts, decision, period, values, law)  # type: ignore[arg-type]

    days = facts.duration_days
    if days is not None:
        rounded = round(days)
        duration = duration_sentence(facts, rounded)
        if rounded > maximum:
            lines = [Message(NO), *([duration] if duration else []), Message(VAKANTIE_MAX, values)]
            todo_no = Message(TODO_VAKANTIE_SCHOOL_NO if school else TODO_VAKANTIE_SHORTER)
            if facts.reason == "werk" and not school:  # the job is the point asked; what to do goes behind
                return _reply(topic, facts, [*lines, Message(VAKANTIE_JOB)], citations, law, [todo_no], refuses=True)
            return _reply(topic, facts, [*lines, todo_no], citations, law, refuses=True)
        if facts.reason == "werk" and not school:
            lines = [Message(VAKANTIE_JOB_FITS, values)]  # the job test is the verdict; the days fit within it
        else:
            lines = [Message(VAKANTIE_FITS, values)]
            if facts.reason == "werk":
                lines.append(Message(VAKANTIE_JOB))
            elif not school:
                lines.append(Message(NO_JOB_LUXE))  # no job named: the days fit, but without that job it cannot be
    elif facts.reason == "werk":
        if facts.holiday is not None and facts.relation is None and not school:
            # the job keeps the family from one holiday named ("mijn werkgever geeft geen vrij in de
            # voorjaarsvakantie"): the test is every holiday of the school year; the rest behind "Meer uitleg"
            more = _self_employed([], [Message(VAKANTIE_JOB_ONLY, values), _todo(facts)])
            return _reply(topic, facts, [Message(VAKANTIE_JOB_ONE_HOLIDAY)], citations, law, more)
        lines = [Message(VAKANTIE_JOB_ONLY, values)]
    elif school and facts.month is None:
        return _reply(topic, facts, [Message(VAKANTIE_SCHOOL_RULE, values), Message(SCHOOL_LUXE)], citations, law)
    todo = _todo(facts)
    first_weeks = first_lesweken(facts.month, on, region, calendar, law) if facts.month is not None else None
    if first_weeks is not None:
        school_year, first, last = first_weeks
        # the first lesweken are the point: the plain limits stay, the job test goes behind "Meer uitleg"
        job = [Message(VAKANTIE_JOB) for line in lines if line.template in (VAKANTIE_JOB, VAKANTIE_JOB_FITS)]
        lines = [
            Message(VAKANTIE_FITS, values) if line.template == VAKANTIE_JOB_FITS else line
            for line in lines
            if line.template != VAKANTIE_JOB
        ]
        lines.append(
            Message(
                VAKANTIE_FIRST_WEEKS_NOTE, {**values, "school_year": school_year.label, "first": first, "last": last}
            )
        )
        details += [*job, todo]
    elif lines and any(line.template == NO_JOB_LUXE for line in lines):
        details.append(todo)  # how to apply is for the parent whose job it is
    elif lines:
        lines.append(todo)  # with the job: the employer's statement the director will want
    if not lines:
        return None
    return _reply(topic, facts, lines, citations, law, _self_employed(lines, details))


def _todo(facts: Facts) -> Message:
    """How to apply for holiday leave: a school's own step, a self-employed parent's statement, or the employer's."""
    if facts.role == "school":
        return Message(TODO_VAKANTIE_SCHOOL)
    return Message(TODO_VAKANTIE_OWN if facts.self_employed else TODO_VAKANTIE)


def _self_employed(lines: list[Message], details: list[Message]) -> list[Message]:
    """`details`, followed by what a self-employed parent gives instead of the employer's statement when the answer
    says how to apply (the first bubble keeps the employer's statement only)."""
    if any(line.template == TODO_VAKANTIE for line in (*lines, *details)):
        return [*details, Message(TODO_VAKANTIE_SELF)]
    return details


def _vakantie_decision(
    topic: str,
    facts: Facts,
    decision: VerlofDecision,
    period: tuple[date, date],
    values: dict[str, int],
    law: LegalParameters,
) -> Reply:
    school = facts.role == "school"
    citations = ["lpw:13a", "lpw:11", *get_calendar().municipality_citations, *decision.citations]
    if decision.school_days == 0:
        lines = [Message(NO_SCHOOL_DAYS, {"start": period[0], "end": period[1]})]
        return _reply(topic, facts, lines, citations, law)
    counted = period_days(period, decision.school_days)
    blocking = [problem for problem in decision.problems if problem.severity == "blocking"]
    codes = [problem.code for problem in blocking]
    first_weeks = decision.problem("first_two_weeks")
    if first_weeks is not None and first_weeks.severity == "blocking":
        lines = [Message(VAKANTIE_FIRST_WEEKS, dict(first_weeks.message.values))]
    elif "too_many_days" in codes:
        lines = [
            Message(NO),
            counted,
            Message(VAKANTIE_MAX, values),
            Message(TODO_VAKANTIE_SCHOOL_NO if school else TODO_VAKANTIE_SHORTER),
        ]
    elif "already_used_this_school_year" in codes:
        lines = [Message(VAKANTIE_ONCE, values)]
    elif "short_notice" in codes:
        lines = [Message(NO), Message(VAKANTIE_AFTERWARDS)]
    else:
        todo = _todo(facts)
        if facts.reason == "werk" and not school:  # the job test is the verdict; the days counted fit within it
            lines = [counted, Message(VAKANTIE_JOB_FITS, values), todo]
            return _reply(topic, facts, lines, citations, law, _self_employed(lines, _notes(decision)))
        lines = [counted, Message(VAKANTIE_FITS, values)]
        if facts.reason == "werk":
            lines.append(Message(VAKANTIE_JOB))
        elif not school:  # no job named: the days fit, but without that job it cannot be; how to apply goes behind
            details = [todo, *_notes(decision)]
            return _reply(topic, facts, [*lines, Message(NO_JOB_LUXE)], citations, law, _self_employed([], details))
        return _reply(topic, facts, [*lines, todo], citations, law, _notes(decision))
    return _reply(topic, facts, lines, citations, law, _notes(decision), refuses=True)  # each branch above: "Nee"


def _reason_question(topic: str, facts: Facts) -> Reply:
    choices = []
    for reason, title in REASON_BUTTONS:
        target = {"vakantie": "verlof_vakantie", "religieuze_verplichting": "religieuze_feestdag"}.get(
            reason, "verlof_gewichtige_omstandigheden"
        )
        answer = replace(facts, reason=None if reason == "vakantie" else reason, problems=())
        choices.append(Choice(Message(title), target, answer))
    from assistant.situation.verdict import DONT_KNOW_BUTTON

    choices.append(Choice(Message(DONT_KNOW_BUTTON), topic, replace(facts, unknown=("reason",), problems=())))
    return Reply(topic=topic, lines=(Message(ASK_REASON),), choices=tuple(choices), facts=facts, asks="reason")


@verdict_for("verlof_gewichtige_omstandigheden")
def gewichtig(topic: str, facts: Facts, on: date, may_ask: bool, from_vakantie: bool = False) -> Reply | None:
    if facts.false_sick_report and facts.role != "school":
        return false_sick_report(facts, on)
    reason = facts.reason
    if reason in NON_REASONS:
        return non_reason(facts, on)
    if reason in ("werk", "vakantie"):
        return vakantie("verlof_vakantie", facts, on, may_ask)
    if reason == "religieuze_verplichting":
        return religieus("religieuze_feestdag", facts, on, may_ask)
    concrete = facts.duration_days is not None or facts.start is not None
    if reason is None and concrete and may_ask and "reason" not in facts.unknown and "*" not in facts.unknown:
        return _reason_question(topic, facts)
    event = get_rules().events.get(reason) if reason else None
    abroad = bool(facts.abroad and event is not None and event_abroad_guidance(event, params(on)) is not None)
    if not concrete and not from_vakantie and not abroad and not has_family_facts(facts):
        if facts.role == "school" and reason is None:
            return _school_gewichtig(topic, facts, on)
        if reason == "overig":  # an event that is not known to count: the rule, without a number for it
            return _reply(topic, facts, [Message(GEWICHTIG_OTHER)], ["lpw:14", "lpw:11"], params(on))
        if event is None or not event.get("guidance") or facts.role == "school" or facts.abroad or facts.kin is None:
            return None  # the event's variant of the topic text answers it
        # a relative's event with a guideline ("mijn schoonouders zijn 50 jaar getrouwd"): ask the director in
        # advance, and the guideline; the event's text behind "Meer uitleg"
    calendar = get_calendar()
    municipality = municipality_of(facts)
    period = leave_period(facts, on, calendar.region_of(municipality), calendar)
    law = params(law_day(facts, period, on))
    maximum = law.verlof.gewichtig_director_max_school_days.value
    school = facts.role == "school"
    citations = ["lpw:14", "lpw:11"]
    days: float | None = facts.duration_days
    details: list[Message] = []
    lines: list[Message] = []
    if period is not None:
        category = reason if reason in EVENT_CATEGORIES else None
        decision = evaluate_leave("gewichtige_omstandigheid", facts, period, on, calendar, municipality, category)
        if decision is not None:
            days = decision.school_days
            lines.append(period_days(period, decision.school_days))
            citations += [*get_calendar().municipality_citations, *decision.citations]
            details += _notes(decision)
    if from_vakantie and event is not None:
        lines.insert(0, Message(EVENT_IS_ARTICLE_14, {"label": Message(event["label"])}))
    days = days if days_given(facts) else None  # a weekday alone, a guessed week: no days asked to hold against
    if days is not None and round(days) > maximum:
        lines.append(Message(GEWICHTIG_OFFICER, {"max": maximum}))
        lines.append(Message(TODO_GEWICHTIG_SCHOOL if school else TODO_GEWICHTIG_OFFICER, {"max": maximum}))
        return _reply(topic, facts, lines, citations, law, details, variant=reason)
    afterwards = law.verlof.gewichtig_afterwards_days.value
    family = family_part(facts, event, law, days, abroad=abroad)  # the relative's degree; asking afterwards
    if family.first:  # the point asked first; the days counted behind "Meer uitleg"
        details[:0] = [line for line in lines if line.template != EVENT_IS_ARTICLE_14]
        lines = [line for line in lines if line.template == EVENT_IS_ARTICLE_14]
    lines = [*family.first, *lines, *family.kin]
    citations += family.citations
    details[:0] = family.details
    todo = (
        []
        if family.first
        else [Message(TODO_GEWICHTIG_SCHOOL if school else TODO_GEWICHTIG, {"max": maximum, "days": afterwards})]
    )
    director = (
        [Message(GEWICHTIG_DIRECTOR if school else GEWICHTIG_DIRECTOR_ASK, {"label": Message(event["label"])})]
        if event is not None and not from_vakantie and not family.says_who_decides
        else []
    )
    if reason == "overig":  # not known to count: the rule, without the guidance's number of days
        lines += [Message(GEWICHTIG_OTHER), *todo]
    elif event is not None and family.guidance is not None:  # the guidance for the relative's degree
        lines += [*director, *family.guidance]
        details[:0] = todo
    elif event is not None and abroad:
        lines += director
        guidance = event_abroad_guidance(event, law)
        if guidance is not None:
            lines.append(guidance)
        citations += event["abroad_citations"]
        maximum_abroad = event_abroad_max_days(event, law)
        if days is not None and maximum_abroad is not None:
            more = MORE_THAN_ABROAD_GUIDANCE_SCHOOL if school else MORE_THAN_ABROAD_GUIDANCE
            lines.append(Message(more if round(days) > maximum_abroad else WITHIN_ABROAD_GUIDANCE))
        details[:0] = todo
    elif event is not None and event.get("guidance"):
        lines += [*director, event_guidance(event, law)]
        citations += event["citations"]
        found = days_against_guidance(round(days), event, law) if days is not None else None
        if found is not None:
            lines.append(
                Message(
                    {
                        "more": MORE_THAN_GUIDANCE_SCHOOL if school else MORE_THAN_GUIDANCE,
                        "within": WITHIN_GUIDANCE,
                    }.get(found, DEPENDS_ON_GUIDANCE)
                )
            )
        details[:0] = todo
    else:
        lines += director if event is not None else [Message(GEWICHTIG_NO_REASON, {"max": maximum})]
        lines += todo
    return _reply(topic, facts, lines, citations, law, details, variant=reason)


def _school_gewichtig(topic: str, facts: Facts, on: date) -> Reply:
    """What a school asks without a case: who decides up to which number of days, and the term for afterwards."""
    law = params(law_day(facts, None, on))
    lines = [
        Message(TODO_GEWICHTIG_SCHOOL, {"max": law.verlof.gewichtig_director_max_school_days.value}),
        Message(GEWICHTIG_SCHOOL_ASSESS, {"days": law.verlof.gewichtig_afterwards_days.value}),
    ]
    return _reply(topic, facts, lines, ["lpw:14", "lpw:11"], law)


@verdict_for("religieuze_feestdag")
def religieus(topic: str, facts: Facts, on: date, may_ask: bool) -> Reply | None:
    if facts.false_sick_report and facts.role != "school":
        return false_sick_report(facts, on)
    if facts.reason in NON_REASONS and get_rules().non_reasons.get(facts.reason, {}).get("topic"):
        return non_reason(facts, on)  # "vrij voor carnaval" is no religious duty
    if facts.start is None and facts.role != "school":
        return None
    law = params(law_day(facts, None, on))
    days = law.verlof.religieus_notice_days.value
    lines = [Message(RELIGIEUS_SCHOOL if facts.role == "school" else RELIGIEUS, {"days": days})]
    if facts.start is not None:
        deadline = facts.start - timedelta(days=days)  # a backward term: never moved (Atw art. 1 lid 2)
        late = on > deadline
        lines.append(Message(RELIGIEUS_LATE if late else RELIGIEUS_BY, {"date": facts.start, "deadline": deadline}))
    return _reply(topic, facts, lines, ["lpw:13", "lpw:11"], law)
