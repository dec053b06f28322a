"""Verdicts on the one point of reporting absence that a question asks (`Facts.point`, `assistant.situation.points`),
and on lateness, where the general melding verdict would answer the rule instead of the point:

- `again`: a new melding after an earlier one. DUO: every time the 16 hours are reached, a new verzuimmelding, each
  with its end date (the last day of absence or the day the 16 hours were reached); Leerplichtwet art. 21a.
- `scope` with an mbo or vavo student: art. 21a lid 2 names the mbo and vavo student of an instelling (16 hours of
  the lestijd in 4 consecutive lesweken, reported by the head of the instelling); from 18 without a startkwalificatie
  the WEB's rule (art. 9.2.1).
- `category`: the DUO category to choose; for a pupil of 18 or more without a startkwalificatie the 18-plus category
  and its rule (WEB art. 9.2.1 and 9.2.2). Other verdicts name the category of their decision first (`category_line`).
- lateness (a school, below the 16 hours): the law sets no limit for lateness, but the missed lesson time counts
  toward the 16 hours (art. 21a); where the regional agreement asks for it, frequent lateness is reported as 'overig
  verzuim' (Hengelo and Borne, their jaarverslag); talk with the pupil and the parents first (a melding states what
  the school did, Besluit register onderwijsdeelnemers art. 14 onder g). Asked without a role, or by a young person
  ("telt te laat komen als verzuim?"): yes, the missed lesson time is verzuim and counts toward the 16 hours; Halt
  after a melding, as guidance (`src:halt`).

A school's 16-hour verdict whose question gave the hours but no period says the 4 lesweken as a condition, not as a
fact of the case (`without_assumed_period`).

Every number is a placeholder filled from `params(on)`; the DUO categories are the melding rules' own names. Called
from `assistant.situation.absence`. Pure.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from assistant.i18n import Message, _
from assistant.knowledge.parameters import LawNotKnown, LegalParameters, params
from assistant.knowledge.regions import get_regions
from assistant.rules.melding import MeldingDecision
from assistant.rules.melding import texts as melding_texts
from assistant.situation.facts import Facts
from assistant.situation.verdict import Reply, role_choice, statute_first, verdict_for

OVERIG_AGREEMENT = "overig-verzuim-melden"
REPORTING_TOPICS = ("meldplicht_verzuim", "verzuim_18plus")
UNAUTHORISED = (None, "ongeoorloofd", "te_laat")

AGAIN_SCHOOL = _(
    "Ja, een nieuwe melding. Volgens DUO doet u elke keer dat de leerling de grens van {limit} uur ongeoorloofd "
    "verzuim in {weeks:words} opeenvolgende lesweken bereikt, opnieuw een verzuimmelding (artikel 21a Leerplichtwet)."
)
AGAIN_END_DATE = _(
    "Bij elke melding geeft u een einddatum door: de laatste verzuimdag of de dag waarop de {limit} uur is bereikt. "
    "De oude melding loopt dus niet door."
)
AGAIN_PARENT = _(
    "Ja. Volgens DUO doet de school elke keer dat uw kind de grens van {limit} uur ongeoorloofd verzuim in "
    "{weeks:words} opeenvolgende lesweken bereikt, een nieuwe melding (artikel 21a Leerplichtwet). De "
    "leerplichtambtenaar van uw gemeente krijgt die melding."
)
AGAIN_PERIOD = _(
    "Als vuistregel noemen sommige bronnen: na het overschrijden van de {limit} uur begint een nieuwe periode van "
    "{weeks:words} weken. Dat staat niet in de wet; uw gemeente kan andere afspraken hebben."
)
SCOPE_MBO = _(
    "Ja. Artikel 21a lid 2 Leerplichtwet geldt ook voor mbo- en vavo-studenten: verzuimt een leerplichtige of "
    "kwalificatieplichtige student zonder geldige reden in {weeks:words} opeenvolgende lesweken in totaal {limit} uur "
    "van de lestijd, dan meldt de instelling dat bij DUO."
)
SCOPE_MBO_ADULT = _(
    "Vanaf {adult} jaar zonder startkwalificatie meldt de instelling pas na {adult_weeks} weken aaneengesloten "
    "verzuim (artikel 9.2.1 Wet educatie en beroepsonderwijs)."
)
CATEGORY_EIGHTEEN = _(
    "Kies in DUO de verzuimsoort '{category}'. Die is voor een leerling van {adult} tot {upper} jaar zonder "
    "startkwalificatie die {weeks} weken aaneengesloten zonder geldige reden afwezig is, of korter als uw "
    "schoolbestuur dat heeft gekozen (artikel 9.2.1 en 9.2.2 Wet educatie en beroepsonderwijs)."
)
CATEGORY_EIGHTEEN_ROUTE = _("DUO stuurt de melding naar de gemeente; het Doorstroompunt (voorheen RMC) pakt haar op.")
CATEGORY = _("Kies in DUO de verzuimsoort '{category}'.")
# the rules' sentence with the 4 lesweken as a condition, when the question gave the hours but no period
SIXTEEN_IF = _(
    "U moet dit verzuim melden bij DUO. Dat geldt als de {hours} {unit} ongeoorloofd verzuim binnen "
    "{lesweken:words} opeenvolgende lesweken vallen: bij {limit} uur of meer is melden verplicht (Leerplichtwet "
    "artikel 21a)."
)
LATE_TIMES = _("De leerling kwam {count} keer te laat.")
LATE_RULE = _(
    "Wettelijk hoeft u te laat komen niet te melden; de wet noemt er geen grens voor. De gemiste lestijd telt wel mee "
    "voor de {limit} uur in {weeks:words} opeenvolgende lesweken waarbij melden verplicht is (artikel 21a "
    "Leerplichtwet)."
)
LATE_HERE = _(
    "In {municipalities} vraagt leerplicht scholen om vaak te laat komen wel te melden, als '{category}' (regionale "
    "afspraak)."
)
LATE_TWENTE = _(
    "U kunt het wel melden als '{category}'; in {municipalities} vraagt leerplicht scholen dat (regionale afspraak)."
)
LATE_ELSEWHERE = _(
    "U kunt het wel melden als '{category}'. Vraag de leerplichtambtenaar van uw gemeente of daar afspraken over zijn."
)
LATE_TALK = _("Bespreek het eerst met de leerling en de ouders.")
LATE_COUNTS = _(
    "Ja. Wie te laat komt, mist lestijd zonder geldige reden, en dat telt als verzuim. De gemiste tijd telt mee voor "
    "de {limit} uur in {weeks:words} opeenvolgende lesweken waarbij de school het verzuim moet melden bij DUO (artikel "
    "21a Leerplichtwet). Vaak te laat komen mag de school ook eerder melden."
)
LATE_COUNTS_YOUNG = _(
    "Ja. Kom je te laat, dan mis je lestijd zonder geldige reden, en dat telt als verzuim. De gemiste tijd telt mee "
    "voor de {limit} uur in {weeks:words} opeenvolgende lesweken waarbij de school je verzuim moet melden bij DUO "
    "(artikel 21a Leerplichtwet). Kom je vaak te laat, dan mag de school het ook eerder melden."
)
LATE_HALT = _(
    "Na een melding gaat de leerplichtambtenaar in gesprek. Volgens Halt kan de leerplichtambtenaar een leerplichtige "
    "jongere bij schoolverzuim ook naar Halt verwijzen."
)
LATE_ACTION = _(
    "In een melding geeft u ook door wat de school al heeft gedaan (Besluit register onderwijsdeelnemers, artikel 14)."
)


def _values(law: LegalParameters) -> dict[str, int]:
    melding = law.melding
    return {
        "limit": melding.unauthorised_hours.value,
        "weeks": melding.period_lesweken.value,
        "adult": law.leerplicht.kwalificatieplicht_end_age.value,
        "upper": melding.age_limit_18plus.value,
        "adult_weeks": melding.weeks_18plus.value,
    }


def _adult(facts: Facts, law: LegalParameters) -> bool:
    """Whether the pupil is of the 18-plus rule: 18 or older, under its upper age, no startkwalificatie said."""
    age = facts.age
    return (
        age is not None
        and law.leerplicht.kwalificatieplicht_end_age.value <= age < law.melding.age_limit_18plus.value
        and not facts.startkwalificatie
    )


def reporting_point(topic: str, facts: Facts, on: date, role: str) -> Reply | None:
    """The verdict on the point of reporting `facts` ask (or on lateness), or None for the general verdict."""
    if topic not in REPORTING_TOPICS:
        return None
    try:
        law = params(on)
    except LawNotKnown:
        return None
    adult = _adult(facts, law) or (topic == "verzuim_18plus" and facts.age is None and not facts.startkwalificatie)
    counted = any(value is not None for value in (facts.hours, facts.weeks_absent, facts.weeks, facts.months))
    if facts.point == "category" and adult and role == "school" and not counted:
        return _category_eighteen(topic, facts, law)
    if adult or facts.absence_kind not in UNAUTHORISED:
        return None
    below = facts.hours is not None and facts.hours < law.melding.unauthorised_hours.value
    if facts.point == "again" and not below and role in ("school", "parent"):
        return _again(topic, facts, law, role)
    if facts.point == "scope" and facts.school_type == "mbo" and facts.age is None:
        return _scope_mbo(topic, facts, law)
    late = facts.absence_kind == "te_laat" and facts.hours is None and topic == "meldplicht_verzuim"
    if late and facts.role in (None, "young", "parent") and facts.late_count is None:
        return _late_counts(topic, facts, law)  # "telt te laat komen als verzuim?": what it is, for whoever asks
    if late and role == "school":
        return _lateness(topic, facts, law)
    return None


def _reply(
    topic: str,
    facts: Facts,
    law: LegalParameters,
    lines: list[Message],
    citations: list[str],
    details: tuple[Message, ...] = (),
) -> Reply:
    return Reply(
        topic=topic,
        lines=tuple(lines),
        citations=statute_first(citations),
        details=details,
        facts=facts,
        law_date=law.on,
    )


def _again(topic: str, facts: Facts, law: LegalParameters, role: str) -> Reply:
    values = _values(law)
    if role == "school":
        lines = [Message(AGAIN_SCHOOL, values), Message(AGAIN_END_DATE, values)]
    else:
        lines = [Message(AGAIN_PARENT, values)]
    citations = [
        *law.melding.unauthorised_hours.citations,
        "lpw:21a",
        "src:duo-verzuim",
        "src:kindindekijker-spijbelen",
    ]
    return _reply(topic, facts, law, lines, citations, details=(Message(AGAIN_PERIOD, values),))


def _scope_mbo(topic: str, facts: Facts, law: LegalParameters) -> Reply:
    values = _values(law)
    lines = [Message(SCOPE_MBO, values), Message(SCOPE_MBO_ADULT, values)]
    citations = ["lpw:21a", "wrod:12", "web:9.2.1", *law.melding.weeks_18plus.citations, "lpw:4a", "lpw:4b"]
    return _reply(topic, facts, law, lines, citations)


def _category_eighteen(topic: str, facts: Facts, law: LegalParameters) -> Reply:
    values = {**_values(law), "weeks": law.melding.weeks_18plus.value}
    category = Message(melding_texts.DUO_CATEGORY["18_plus"])
    lines = [Message(CATEGORY_EIGHTEEN, {**values, "category": category}), Message(CATEGORY_EIGHTEEN_ROUTE)]
    citations = [
        *law.melding.weeks_18plus.citations,
        *law.melding.age_limit_18plus.citations,
        "src:duo-verzuim",
        "brod:14",
        "lpw:4b",
    ]
    return _reply(topic, facts, law, lines, citations)


def _lateness(topic: str, facts: Facts, law: LegalParameters) -> Reply:
    values = _values(law)
    regions = get_regions()
    overig = regions.agreement(OVERIG_AGREEMENT)
    category = Message(melding_texts.DUO_CATEGORY["overig"])
    place = facts.municipality
    lines = [Message(LATE_TIMES, {"count": facts.late_count})] if facts.late_count is not None else []
    lines.append(Message(LATE_RULE, values))
    regional = {"municipalities": list(overig.applies_to), "category": category}
    if regions.agreement_applies(OVERIG_AGREEMENT, place):
        lines.append(Message(LATE_HERE, regional))
    elif place is None or regions.covers(place):
        lines.append(Message(LATE_TWENTE, regional))
    else:
        lines.append(Message(LATE_ELSEWHERE, {"category": category}))
    lines.append(Message(LATE_TALK))
    details = (Message(LATE_ACTION), Message(melding_texts.NOTE_LATE_THRESHOLD))
    citations = ["lpw:21a", "brod:14", "src:duo-verzuim", *overig.citations]
    return _reply(topic, facts, law, lines, citations, details=details)


@verdict_for("soorten_verzuim")
def kinds_of_absence(topic: str, facts: Facts, on: date, may_ask: bool) -> Reply | None:
    """Asked among the forms of verzuim whether lateness counts ("telt te laat komen ook als verzuim?"): the same
    point as in the reporting topic, for a parent or a young person; any other question gets the topic's overview."""
    late = facts.absence_kind == "te_laat" and facts.hours is None and facts.late_count is None
    if not late or facts.role == "school":
        return None
    try:
        return _late_counts(topic, facts, params(on))
    except LawNotKnown:
        return None


def _late_counts(topic: str, facts: Facts, law: LegalParameters) -> Reply:
    young = facts.role == "young"
    lines = [Message(LATE_COUNTS_YOUNG if young else LATE_COUNTS, _values(law))]
    citations = ["lpw:21a", "src:duo-verzuim", "src:halt"]
    choices = () if young else role_choice(topic, facts)  # the school's own answer: how to report lateness
    return replace(_reply(topic, facts, law, lines, citations, details=(Message(LATE_HALT),)), choices=choices)


def category_line(facts: Facts, decision: MeldingDecision) -> list[Message]:
    """The DUO category of `decision` as the first line of a school's verdict, when the question asks which."""
    if facts.point != "category" or decision.texts.duo_category is None:
        return []
    return [Message(CATEGORY, {"category": decision.texts.duo_category})]


def without_assumed_period(facts: Facts, lines: list[Message]) -> list[Message]:
    """The rules' lines, with "in vier aaneengesloten lesweken" said as the condition it is when the question gave
    hours but no period (the melding facts assume the hours fell within the lesweken; the asker did not say so)."""
    if facts.weeks is not None or facts.weeks_absent is not None:
        return lines
    return [
        Message(SIXTEEN_IF, line.values) if line.template == melding_texts.SIXTEEN_HOURS else line for line in lines
    ]
