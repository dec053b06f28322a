"""Verdicts on leaving without leave (luxe verzuim), for a parent and for a school: a reason that does not count and
what follows without leave; what a parent risks ("wat hangt hem boven het hoofd als hij toch zonder verlof
vertrekt?", also when the classifier put it under geoorloofd verzuim); and whether there are checks ("controleren ze
op Schiphol?"): the sources say nothing about checks at airports, so the answer says so and gives what does hold.

Law: luxe verzuim is ongeoorloofd (art. 2, 11, 13a); the school reports it (DUO), the leerplichtambtenaar hears the
parents and can make a proces-verbaal (art. 22); the penalty's maximum is art. 26 (Sr art. 23 for the category), the
officier van justitie or the court decides. Guidance: the OM's 2017 richtlijn (a warning at most one school day the
first time) and the news's rule of thumb per day, behind "Meer uitleg". Pure.
"""

from __future__ import annotations

from datetime import date

from assistant.calendar import get_calendar
from assistant.i18n import Message, _
from assistant.knowledge.parameters import LawNotKnown, params
from assistant.rules.verlof import get_rules
from assistant.situation.facts import Facts
from assistant.situation.leave_period import law_day, leave_period, municipality_of
from assistant.situation.leave_texts import FALSE_SICK_FINE, NON_REASON_NO, VAKANTIE_ONLY_JOB_REASON
from assistant.situation.verdict import Reply, statute_first, verdict_for
from assistant.verlof_requests.reasons import NON_REASONS

LUXE_PARENT = _(
    "Gaat uw kind toch zonder verlof, dan is dat luxe verzuim. De school meldt dat via DUO, en de "
    "leerplichtambtenaar kan proces-verbaal opmaken (artikel 22 Leerplichtwet)."
)
RISK_SCHOOL = _(
    "Op vakantie zonder verlof is luxe verzuim: u meldt het bij DUO, en de leerplichtambtenaar kan de ouders horen "
    "en proces-verbaal opmaken (artikel 22)."
)
RISK_PARENT = _(
    "Op vakantie zonder verlof is luxe verzuim: de school meldt het bij DUO, en de leerplichtambtenaar kan "
    "proces-verbaal opmaken (artikel 22)."
)
RISK_PENALTY = _(
    "De wet noemt geen vast bedrag: hooguit een geldboete van de tweede categorie of {months} maand hechtenis; de "
    "officier van justitie of de rechter beslist (artikel 26). Volgens de richtlijn van het OM volgt bij hooguit "
    "{days} schooldag de eerste keer meestal een waarschuwing."
)
CHECK_UNKNOWN = _(
    "Of en waar er wordt gecontroleerd, bijvoorbeeld op het vliegveld, kan ik niet zeggen. Voor de regel maakt het "
    "niet uit: op vakantie onder schooltijd zonder verlof is luxe verzuim, ook als niemand controleert."
)
CHECK_REPORT = _(
    "De school meldt een vermoeden daarvan bij DUO, en de leerplichtambtenaar kan proces-verbaal opmaken (artikel 22 "
    "Leerplichtwet)."
)
RISK_CITATIONS = ("lpw:22", "lpw:26", "sr:23", "lpw:2", "lpw:11", "lpw:13a", "src:duo-verzuim")


def luxe_parent(facts: Facts, on: date, may_ask: bool) -> Reply | None:
    """A parent asking about leaving without leave: a job and a length make it a question about vakantieverlof
    (art. 13a); a reason that does not count ("goedkopere tickets") gets that, and what follows without leave; a
    question about checks gets what holds without a claim about them."""
    from assistant.situation.leave import vakantie

    if facts.reason == "werk" and (
        facts.duration_days is not None or facts.start is not None or facts.holiday is not None
    ):
        return vakantie("verlof_vakantie", facts, on, may_ask)
    if facts.point == "check":
        return _check(facts, on)
    entry = get_rules().non_reasons.get(facts.reason or "") if facts.reason in NON_REASONS else None
    if entry is None or facts.point == "consequence":
        return None  # "wat gebeurt er als …?": the topic's text on what follows answers it
    calendar = get_calendar()
    period = leave_period(facts, on, calendar.region_of(municipality_of(facts)), calendar)
    try:
        law = params(law_day(facts, period, on))  # the law of the days the child would be away
    except LawNotKnown:
        return None
    # a holiday reason that does not count: the one reason there is (a parent's job, art. 13a), then what follows
    holiday = entry.get("topic", "verlof_vakantie") == "verlof_vakantie"
    only_job = (Message(VAKANTIE_ONLY_JOB_REASON),) if holiday else ()
    lines = (Message(NON_REASON_NO, {"reason": Message(entry["text"])}), *only_job, Message(LUXE_PARENT))
    citations = statute_first(["lpw:22", "lpw:13a", *entry["citations"], "src:duo-verzuim"])
    return Reply(topic="luxe_verzuim", lines=lines, citations=citations, facts=facts, law_date=law.on, refuses=True)


def _check(facts: Facts, on: date) -> Reply | None:
    try:
        law = params(on)
    except LawNotKnown:
        return None
    lines = (Message(CHECK_UNKNOWN), Message(CHECK_REPORT))
    citations = statute_first(["lpw:22", "lpw:2", "lpw:11", "lpw:13a", "src:duo-verzuim"])
    return Reply(topic="luxe_verzuim", lines=lines, citations=citations, facts=facts, law_date=law.on)


def risk(facts: Facts, on: date) -> Reply | None:
    """What a parent risks who leaves without leave, for the asker's role: the report and the proces-verbaal, the
    maximum of art. 26 and who decides, the OM's guidance on a first day; the rule of thumb behind "Meer uitleg"."""
    try:
        law = params(on)
    except LawNotKnown:
        return None
    school = facts.role == "school"
    penalty = {
        "months": law.leerplicht.hechtenis_max_months.value,
        "days": law.richtlijn.om_warning_max_school_days.value,
    }
    lines = (Message(RISK_SCHOOL if school else RISK_PARENT), Message(RISK_PENALTY, penalty))
    # the rule of thumb behind "Meer uitleg" (the school's own text there already holds it)
    details = () if school else (Message(FALSE_SICK_FINE, {"fine": law.richtlijn.fine_rule_of_thumb_eur.value}),)
    citations = statute_first([*RISK_CITATIONS, "src:om-richtlijn-schoolverzuim-2017", "src:nieuws-boete-luxe-verzuim"])
    return Reply(topic="luxe_verzuim", lines=lines, citations=citations, details=details, facts=facts, law_date=law.on)


@verdict_for("geoorloofd_verzuim")
def without_leave(topic: str, facts: Facts, on: date, may_ask: bool) -> Reply | None:
    """ "Wat riskeert een ouder die toch zonder verlof vertrekt?" read as a question about allowed absence: what
    follows leaving without leave (the luxe verzuim topic)."""
    if facts.absence_kind != "luxe_vermoeden" or facts.point != "consequence":
        return None
    return risk(facts, on)
