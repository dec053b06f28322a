"""Verdicts on absence: must the school report it to DUO (Leerplichtwet art. 21a; 18-plus verzuim), from the hours,
weeks and kind of absence in the question, through `evaluate_melding`; and how long a schorsing may last.

School staff get the school's duty in the rules' own words (they address the school); a parent hears what the
school must do about their child. A fact that is missing gets the cautious assumption of `build_facts` (a pupil of
leerplichtige age, absence without a valid reason), said behind "Meer uitleg"; the melding walk-through
(`melding_form`) asks for the rest when the school wants to check one pupil. A school's question about luxe verzuim or
illness that says nothing more than its topic gets no verdict: the topic's text for school staff answers it (what to
report, what leerplicht does; `assistant.situation.audience`).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from pydantic import ValidationError

from assistant.i18n import Message, _
from assistant.knowledge.law_date import LAW_ON
from assistant.knowledge.parameters import LawNotKnown, params
from assistant.melding_facts import build_facts
from assistant.rules.melding import EXPLANATION, NOTE, MeldingDecision, evaluate_melding
from assistant.rules.melding.texts import EIGHTEEN_PLUS_BASIS
from assistant.situation.anxiety import anxious
from assistant.situation.facts import Facts, plausibility
from assistant.situation.registration import PARENT_TEXT_TOPICS, registration
from assistant.situation.reporting_points import category_line, reporting_point, without_assumed_period
from assistant.situation.verdict import ROLE_PARENT_BUTTON, Choice, Reply, statute_first, verdict_for

FIRST_BUBBLE_CHARS = 320  # the rules' own sentences that fit in the first bubble; the rest goes behind "Meer uitleg"
WITH_DEADLINE_CHARS = 360

PARENT_VERPLICHT = _(
    "Ja. De school moet dit verzuim melden bij DUO; DUO stuurt de melding naar de leerplichtambtenaar van uw gemeente."
)
PARENT_SIXTEEN = _(
    "Dat moet bij {limit} uur of meer ongeoorloofd verzuim in {weeks} aaneengesloten lesweken (artikel "
    "21a Leerplichtwet)."
)
PARENT_LONG = _(
    "Dat moet als een leerling langer dan {weeks} weken achter elkaar zonder geldige reden afwezig is "
    "(langdurig relatief verzuim)."
)
PARENT_LUXE = _("Bij een vermoeden van luxe verzuim, zoals een vakantie zonder verlof, meldt de school dat altijd.")
PARENT_EIGHTEEN = _(
    "Dat moet als een jongere van {adult} tot {upper} jaar zonder startkwalificatie {weeks} weken "
    "achter elkaar zonder geldige reden afwezig is."
)
PARENT_REGIONAL = _(
    "Volgens de wet hoeft de school dit niet te melden. De gemeente heeft wel met de scholen "
    "afgesproken dat de school het meldt, zodat leerplicht vroeg kan helpen."
)
PARENT_VERPLICHT_EIGHTEEN = _(
    "Ja. De school moet dit verzuim melden bij DUO; DUO stuurt de melding naar de gemeente, en het Doorstroompunt "
    "(voorheen RMC) neemt contact op om te helpen met school of werk."
)
PARENT_NOT_YET_EIGHTEEN = _(
    "Volgens de wet nog niet: de school meldt het verzuim van een jongere van {adult} tot {upper} jaar zonder "
    "startkwalificatie pas na {weeks} weken aaneengesloten afwezigheid zonder geldige reden (artikel 9.2.1 Wet "
    "educatie en beroepsonderwijs). Het schoolbestuur kan een kortere termijn hebben gekozen."
)
EIGHTEEN_PLUS_RULE = _(
    "Voor een leerling van {adult} tot {upper} jaar zonder startkwalificatie meldt u het verzuim bij DUO als de "
    "leerling {weeks} weken aaneengesloten zonder geldige reden afwezig is, of eerder als uw schoolbestuur een "
    "kortere termijn heeft gekozen (artikel 9.2.1 en 9.2.2 Wet educatie en beroepsonderwijs). DUO stuurt de "
    "melding naar de gemeente; het Doorstroompunt (voorheen RMC) pakt haar op."
)
PARENT_EIGHTEEN_RULE = _(
    "De school meldt het verzuim van een jongere van {adult} tot {upper} jaar zonder startkwalificatie bij DUO als "
    "hij of zij {weeks} weken aaneengesloten zonder geldige reden afwezig is, of eerder als het schoolbestuur een "
    "kortere termijn heeft gekozen (artikel 9.2.1 en 9.2.2 Wet educatie en beroepsonderwijs). Het Doorstroompunt "
    "(voorheen RMC) van de gemeente neemt dan contact op om te helpen."
)
PARENT_NONE = _("Nee, de school hoeft dit niet te melden bij DUO.")
PARENT_BELOW = _(
    "Dat moet pas bij {limit} uur ongeoorloofd verzuim in {weeks} aaneengesloten lesweken (artikel 21a Leerplichtwet)."
)
PARENT_SICK = _(
    "Ziekte is geoorloofd verzuim (artikel 11 Leerplichtwet). Meld uw kind wel elke keer ziek bij de school."
)
YOUNG_SICK = _(
    "Ziekte is geoorloofd verzuim (artikel 11 Leerplichtwet). Woon je niet meer bij je ouders, dan meld je jezelf "
    "ziek bij de school; anders doen je ouders dat (artikel 13b)."
)
ASSUMED_AGE = _("Ik ben uitgegaan van een leerling van leerplichtige leeftijd; de leeftijd stond niet in uw vraag.")
ASSUMED_KIND = _("Ik ben uitgegaan van verzuim zonder geldige reden.")
SCHORSING = _(
    "Een schorsing duurt ten hoogste {max} dagen (Wet voortgezet onderwijs 2020, artikel 8.14). Duurt zij "
    "langer dan {days} dag, dan meldt het schoolbestuur haar schriftelijk aan de Inspectie van het "
    "Onderwijs."
)
SCHORSING_SCHOOL = _(
    "Een schorsing van meer dan {days} dag meldt het schoolbestuur wel schriftelijk en met redenen "
    "aan de Inspectie van het Onderwijs (Wet voortgezet onderwijs 2020, artikel 8.14)."
)
SCHORSING_TOO_LONG = _("Een schorsing van {asked} dagen is langer dan de wet toestaat.")
SCHORSING_OBJECTION = _("Bent u het er niet mee eens? Kijk in de schoolgids hoe u bezwaar maakt of een klacht indient.")

_DEFAULT_KIND = {"ziekte": "ziekte", "schorsing": "schorsing", "luxe_verzuim": "luxe_vermoeden"}
_SCHOOL_TOPICS = ("meldplicht_verzuim", "verzuim_18plus")
ANXIETY_TOPICS = ("thuiszitters", "ziekte", "meldplicht_verzuim")  # where a pupil staying away out of fear is asked
# topics whose text for school staff answers a school's question that says nothing more than the topic (luxe verzuim
# is reported, also a suspicion, and what leerplicht does; what the school can do about illness)
SCHOOL_TEXT_TOPICS = ("luxe_verzuim", "ziekte")


def weeks_away(facts: Facts) -> float | None:
    """How many weeks the pupil has been away, as said: weeks absent, weeks, or months ("al een maand niet": a month
    is `weeks_per_month` weeks, knowledge/rules/situation.yml)."""
    if facts.weeks_absent is not None:
        return facts.weeks_absent
    if facts.weeks is not None:
        return facts.weeks
    if facts.months is not None:
        return facts.months * plausibility()["weeks_per_month"]
    return None


def _known(facts: Facts, kind: str | None) -> dict[str, Any]:
    weeks = weeks_away(facts)
    known = {
        "school_type": facts.school_type,
        "age": facts.age,
        "startkwalificatie": facts.startkwalificatie,
        "kind": kind,
        "hours": facts.hours,
        "weeks": weeks,
        "late_count": facts.late_count,
        "suspected": facts.suspected,
        "municipality": facts.municipality,
    }
    return {name: value for name, value in known.items() if value is not None}


def melding_facts_of(facts: Facts) -> dict[str, Any]:
    """The facts of any language as the melding walk-through's answers (`assistant.melding_facts` keys): the age,
    hours, school type, startkwalificatie, municipality and weeks of absence a message states."""
    known = _known(facts, facts.absence_kind)
    if facts.weeks_absent is None:
        known.pop("weeks", None)  # "in de laatste vier weken" is the period, not weeks absent
    return known


@verdict_for(
    "meldplicht_verzuim", "verzuim_18plus", "ziekte", "schorsing", "luxe_verzuim", "thuiszitters", "in_uitschrijving"
)
def absence(topic: str, facts: Facts, on: date, may_ask: bool) -> Reply | None:
    # a pupil who left without being deregistered is the school's case (only the school has him on its list), in
    # whichever topic it is asked
    school_case = topic in _SCHOOL_TOPICS or facts.school_case == "vertrokken"
    role = facts.role or ("school" if school_case else "parent")
    if facts.false_sick_report and role != "school" and topic in ("luxe_verzuim", "ziekte"):
        from assistant.situation.leave import false_sick_report

        return false_sick_report(facts, on)
    if topic == "schorsing":
        from assistant.situation.concerns import schorsing_point

        point = schorsing_point(facts, on, role)  # a bezwaar or a verwijdering: that point first
        if point is not None:
            return point
    if facts.school_case == "angst" and topic in ANXIETY_TOPICS:
        return anxious(topic, facts, on, role)  # help first, then what the absence is
    if topic in ("thuiszitters", "in_uitschrijving") and role != "school":
        return None  # the topic's own text answers a parent
    point = reporting_point(topic, facts, on, role)  # a new melding, mbo students, the DUO category, lateness
    if point is not None:
        return point
    if role == "school" and topic != "verzuim_18plus":
        found = registration(topic, facts, on)
        if found is not None:
            return found
    if role == "school" and topic == "luxe_verzuim" and facts.point == "consequence":
        from assistant.situation.luxe import risk

        return risk(facts, on)  # what a parent risks, told to the school; its text behind "Meer uitleg"
    if role == "school" and topic in SCHOOL_TEXT_TOPICS and not _states_absence(topic, facts, on):
        return None  # the topic's text for school staff answers it (`assistant.situation.audience`)
    reply = _melding(topic, facts, on, may_ask, role)
    if reply is not None and role == "school" and topic in PARENT_TEXT_TOPICS:
        return replace(reply, topic_text=False)
    return reply


def _states_absence(topic: str, facts: Facts, on: date) -> bool:
    """Whether the message says more about the absence than its topic does (a kind of its own, hours, weeks, lateness,
    a case, an 18-plus pupil): then the melding rules decide it for this pupil."""
    return (
        facts.absence_kind not in (None, _DEFAULT_KIND.get(topic))
        or facts.hours is not None
        or weeks_away(facts) is not None
        or facts.late_count is not None
        or facts.school_case is not None
        or adult(facts, on)
    )


def _melding(topic: str, facts: Facts, on: date, may_ask: bool, role: str) -> Reply | None:
    if topic == "schorsing" and role != "school":
        return _schorsing(topic, facts, on)
    if topic == "luxe_verzuim" and role != "school":
        from assistant.situation.luxe import luxe_parent

        return luxe_parent(facts, on, may_ask)
    if topic == "ziekte" and role != "school":
        return None
    kind = facts.absence_kind or _DEFAULT_KIND.get(topic)
    weeks = weeks_away(facts)
    decisive = (
        facts.hours is not None
        or weeks is not None
        or facts.late_count is not None
        or kind not in (None, "ongeoorloofd")
        or (topic == "verzuim_18plus" and facts.age is not None)
        or adult(facts, on)  # an 18-plus pupil: the WEB's rule, in whichever topic asked
    )
    if not decisive:
        return None
    known = _known(facts, kind)
    try:
        melding, _assumptions = build_facts(known, on)
        decision = evaluate_melding(melding, on=on)
    except (ValidationError, LawNotKnown):
        return None
    details: list[Message] = []
    if facts.age is None:
        details.append(Message(ASSUMED_AGE))
    if kind is None:
        details.append(Message(ASSUMED_KIND))
    law = params(on)
    eighteen = {
        "adult": law.leerplicht.kwalificatieplicht_end_age.value,
        "upper": law.melding.age_limit_18plus.value,
        "weeks": law.melding.weeks_18plus.value,
    }
    # an 18-plus pupil whose weeks away were not said: the rule, never "0 weeks, not yet" from a default
    rule_only = (
        decision.age_status == "achttien_plus_zonder_startkwalificatie"
        and weeks is None
        and facts.hours is None
        and melding.absence_kind in ("ongeoorloofd", "te_laat")
    )
    if rule_only:
        lines = [Message(EIGHTEEN_PLUS_RULE if role == "school" else PARENT_EIGHTEEN_RULE, eighteen)]
        rest = [message for message in decision.messages(EXPLANATION) if message.template == EIGHTEEN_PLUS_BASIS]
    elif role == "school":
        lines, rest = split_for_first_bubble(decision)
        lines = [*category_line(facts, decision), *without_assumed_period(facts, lines)]  # the category asked first
        deadline = decision.texts.deadline
        if deadline is not None and sum(len(str(line)) for line in lines) + len(str(deadline)) <= WITH_DEADLINE_CHARS:
            lines.append(deadline)  # when to report, with whether to report
        above = params(on).schorsing.report_inspectie_above_days.value
        if kind == "schorsing" and facts.days is not None and facts.days > above:
            lines.append(Message(SCHORSING_SCHOOL, {"days": above}))
    else:
        lines, rest = _parent_lines(decision, melding.absence_kind, on, role), decision.messages(EXPLANATION)
    # the law's day is in the first bubble
    notes = [note for note in decision.messages(NOTE) if note.template != LAW_ON]
    details = [*rest, *notes, *details]
    choices = (
        ()
        if facts.role
        else (Choice(Message(ROLE_PARENT_BUTTON), topic, replace(facts, role="parent")),)
        if role == "school"
        else ()
    )
    return Reply(
        topic=topic,
        lines=tuple(lines),
        citations=statute_first(decision.citations),
        details=tuple(details),
        choices=choices,
        facts=facts,
        law_date=decision.law_date,
    )


def adult(facts: Facts, on: date) -> bool:
    """Whether the pupil's age said is 18 or more (the end of the kwalificatieplicht), with a school type said."""
    if facts.age is None or facts.school_type is None:
        return False
    try:
        return facts.age >= params(on).leerplicht.kwalificatieplicht_end_age.value
    except LawNotKnown:
        return False


def split_for_first_bubble(decision: MeldingDecision) -> tuple[list[Message], list[Message]]:
    """The rules' sentences that fit in a short first bubble (the one that carries the verdict first), and the
    rest."""
    lines: list[Message] = []
    rest: list[Message] = []
    used = 0
    explanation = decision.messages(EXPLANATION)
    if decision.age_status == "achttien_plus_zonder_startkwalificatie" and len(explanation) > 1:
        explanation = [*explanation[1:], explanation[0]]  # the verdict before the basis of the 18-plus duty
    for message in explanation:
        size = len(str(message))
        if not lines or (not rest and used + size <= FIRST_BUBBLE_CHARS):
            lines.append(message)
            used += size
        else:
            rest.append(message)
    return lines, rest


def _parent_lines(decision: MeldingDecision, kind: str, on: date, role: str = "parent") -> list[Message]:
    law = params(on)
    melding = law.melding
    sixteen = {"limit": melding.unauthorised_hours.value, "weeks": melding.period_lesweken.value}
    eighteen_plus = decision.age_status == "achttien_plus_zonder_startkwalificatie"
    eighteen = {
        "adult": law.leerplicht.kwalificatieplicht_end_age.value,
        "upper": melding.age_limit_18plus.value,
        "weeks": melding.weeks_18plus.value,
    }
    if eighteen_plus and decision.category == "18_plus":
        return [Message(PARENT_VERPLICHT_EIGHTEEN), Message(PARENT_EIGHTEEN, eighteen)]
    if eighteen_plus and decision.obligation != "verplicht" and kind in ("ongeoorloofd", "te_laat"):
        return [Message(PARENT_NOT_YET_EIGHTEEN, eighteen)]  # the weeks of WEB 9.2.1, not the hours of art. 21a
    if decision.obligation == "verplicht":
        reason = {
            "16_uur": Message(PARENT_SIXTEEN, sixteen),
            "langdurig_relatief": Message(PARENT_LONG, {"weeks": melding.long_term_relative_weeks.value}),
            "luxe": Message(PARENT_LUXE),
            "18_plus": Message(
                PARENT_EIGHTEEN,
                {
                    "adult": law.leerplicht.kwalificatieplicht_end_age.value,
                    "upper": melding.age_limit_18plus.value,
                    "weeks": melding.weeks_18plus.value,
                },
            ),
        }.get(decision.category)
        return [Message(PARENT_VERPLICHT), *([reason] if reason else [])]
    if decision.obligation == "regionaal_afgesproken":
        return [Message(PARENT_REGIONAL)]
    if kind == "ziekte" and role == "young":  # who reports it: the young person who lives on their own (art. 13b)
        return [Message(YOUNG_SICK)]
    if kind == "ziekte":
        return [Message(PARENT_NONE), Message(PARENT_SICK)]
    if kind in ("ongeoorloofd", "te_laat"):
        return [Message(PARENT_NONE), Message(PARENT_BELOW, sixteen)]
    return [Message(PARENT_NONE)]


def _schorsing(topic: str, facts: Facts, on: date) -> Reply | None:
    if facts.days is None and facts.weeks is None:
        return None
    law = params(on)
    rule = law.schorsing
    maximum = rule.max_days.value
    lines = []
    if facts.days is not None and facts.days > maximum:
        lines.append(Message(SCHORSING_TOO_LONG, {"asked": int(facts.days)}))
    lines += [
        Message(SCHORSING, {"max": maximum, "days": rule.report_inspectie_above_days.value}),
        Message(SCHORSING_OBJECTION),
    ]
    return Reply(
        topic=topic,
        lines=tuple(lines),
        citations=statute_first([*rule.max_days.citations, "wvo:8.15"]),
        facts=facts,
        law_date=law.on,
    )
