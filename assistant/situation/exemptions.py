"""Verdicts on exemptions that the topic's general text does not answer for the point asked: a child who cannot go to
school for reasons of health (Leerplichtwet art. 5 onder a), the trekkend bestaan (art. 5a) and other sufficient
education (art. 15).

- A parent who names the child's illness, disability or psychological complaints gets ground (a) alone, with what
  the notice needs: the statement of a doctor, pedagogue or psychologist the municipality appointed (not the child's
  own practitioner), at most so many months old (art. 7); the yearly notice (art. 6) stays in the topic's steps. A
  school asking gets the topic's text.

- A school asking whether it may deregister a pupil gets art. 10 onder c: only on the parents' request, only because
  of that exemption (for art. 5a: while the family travels as the algemene maatregel van bestuur describes and the
  pupil travels along; for art. 15: once the college has granted it).
- A parent asking whether the children must still be enrolled while travelling gets "not while ...", and that the
  exemption holds only while the family travels ("zolang", art. 5a); living in a woonwagen is no trekkend bestaan by
  itself.
- Art. 15 exempts from the kwalificatieplicht (art. 4a) only, so it cannot apply while the young person is still
  leerplichtig (art. 3, 4b); a young person asking gets that in their own words.

The algemene maatregel van bestuur of art. 5a (Besluit vrijstelling leerplicht trekkende bevolking, art. 1 and 2:
kermis and circus families, March to October, unless a rijdende school is near) is quoted from a mirror whose version
date is not known (`knowledge/statutes/besluit-vrijstelling-leerplicht-trekkende-bevolking.yml`, `uncertain`); the
texts name it and still send the asker to the leerplichtambtenaar.
"""

from __future__ import annotations

from datetime import date

from assistant.i18n import Message, _
from assistant.knowledge.parameters import LawNotKnown, params
from assistant.situation.facts import Facts
from assistant.situation.verdict import Reply, statute_first, verdict_for

FIVE_A_SCHOOL = _(
    "Alleen op verzoek van de ouders, wegens de vrijstelling van artikel 5a (artikel 10 onder c Leerplichtwet). Die "
    "geldt zolang het gezin een trekkend bestaan leidt zoals een algemene maatregel van bestuur dat omschrijft, en de "
    "leerling meereist."
)
WOONWAGEN = _("Wonen in een woonwagen is op zich geen trekkend bestaan.")
FIVE_A_SCHOOL_DOUBT = _(
    "Twijfelt u, overleg dan eerst met de leerplichtambtenaar; zonder vrijstelling blijft de leerling ingeschreven "
    "(artikel 10)."
)
FIVE_A_PARENT = _(
    "Niet van maart tot en met oktober, als u dan als kermisexploitant of circusmedewerker rondtrekt en uw kind "
    "meereist (artikel 5a Leerplichtwet, artikel 1 Besluit vrijstelling leerplicht trekkende bevolking). Buiten die "
    "maanden, of als u niet rondtrekt, moet uw kind op een school staan ingeschreven."
)
FIVE_A_WHO = _(
    "De vrijstelling geldt alleen van maart tot en met oktober, voor kermisexploitanten en circusmedewerkers die dan "
    "rondtrekken met hun kind (artikel 5a Leerplichtwet, artikel 1 Besluit vrijstelling leerplicht trekkende "
    "bevolking). Daarbuiten moet uw kind op een school staan ingeschreven."
)
FIVE_A_SCHOOL_NEAR = _(
    "Is er binnen {km} kilometer van uw standplaats een rijdende school voor uw kind, dan geldt de vrijstelling niet "
    "(artikel 2 van dat besluit)."
)
FIVE_A_ASK = _("Vraag de leerplichtambtenaar of uw gezin eronder valt.")
FIVE_A_DEREGISTER = _("Met deze vrijstelling schrijft de school uw kind op uw verzoek uit (artikel 10 onder c).")

FIFTEEN_SCHOOL = _(
    "Schrijf de leerling pas uit als het college van burgemeester en wethouders hem vrijstelling heeft gegeven, en de "
    "ouders erom vragen (artikel 15 en artikel 10 onder c Leerplichtwet)."
)
FIFTEEN_SCOPE = _(
    "Deze vrijstelling geldt alleen voor de kwalificatieplicht, na de leerplicht. Is de leerling nog leerplichtig (tot "
    "het einde van het schooljaar waarin hij {age} wordt, of eerder na {years} volledige schooljaren, artikel 3), dan "
    "kan dat nog niet."
)
FIFTEEN_APPLY = _(
    "De ouders vragen de vrijstelling aan bij het college van burgemeester en wethouders van hun woongemeente; de "
    "leerplichtambtenaar kan vertellen hoe."
)
FIFTEEN_GROUNDS = _(
    "Het college geeft de vrijstelling alleen bij bijzondere omstandigheden, als wordt aangetoond dat de jongere op "
    "een andere manier voldoende onderwijs krijgt (artikel 15)."
)
FIFTEEN_EXAMPLE = _(
    "In Hengelo en Borne gaat het bijvoorbeeld om scholing bij een werkgever of bij een opleidingscentrum dat geen "
    "school is volgens de Leerplichtwet."
)
FIFTEEN_YOUNG = _(
    "Dat kan als je op een andere manier voldoende onderwijs krijgt en er bijzondere omstandigheden zijn: dan kan "
    "het college van burgemeester en wethouders je vrijstelling geven van de kwalificatieplicht (artikel 15 "
    "Leerplichtwet)."
)
FIFTEEN_YOUNG_SCOPE = _(
    "Dat kan pas als je leerplicht voorbij is: na het schooljaar waarin je {age} wordt, of eerder na {years} "
    "volledige schooljaren (artikel 3 en 4b)."
)
FIFTEEN_YOUNG_APPLY = _(
    "Vraag de vrijstelling samen met je ouders aan bij je gemeente; de leerplichtambtenaar kan je vertellen hoe."
)

HEALTH_GROUND = _(
    "Ja, als uw kind om lichamelijke of psychische redenen niet naar school kan, bent u vrijgesteld van de "
    "inschrijving (artikel 5 onder a Leerplichtwet). U vraagt geen toestemming: u meldt het bij de gemeente waar u "
    "woont."
)
HEALTH_STATEMENT = _(
    "Stuur een verklaring mee van een arts, pedagoog of psycholoog die de gemeente heeft aangewezen (niet de eigen "
    "behandelaar van uw kind), niet ouder dan {months} maanden (artikel 7)."
)
HEALTH_CHECK = _(
    "De leerplichtambtenaar controleert of de melding aan de wet voldoet. Kan uw kind met hulp of aanpassingen wel "
    "naar school, bespreek dat dan eerst met de school."
)
HEALTH_CONCERNS = frozenset({"ongeschikt"})
HEALTH_CASES = frozenset({"ziekte", "psychisch"})

HENGELO_REPORT = "src:hengelo-jaarverslag-leerplicht-2024-2025"


@verdict_for("vrijstelling_5")
def health_ground(topic: str, facts: Facts, on: date, may_ask: bool) -> Reply | None:
    """A parent naming the child's health (illness, disability, psychological complaints) gets ground (a) alone."""
    health = HEALTH_CONCERNS & set(facts.concerns) or {facts.absence_kind, facts.school_case} & HEALTH_CASES
    if not health or facts.role == "school":
        return None
    try:
        law = params(on)
    except LawNotKnown:
        return None
    months = {"months": law.leerplicht.vrijstelling_statement_max_age_months.value}
    lines = (Message(HEALTH_GROUND), Message(HEALTH_STATEMENT, months))
    details = (Message(HEALTH_CHECK),)  # the yearly notice (art. 6) is the topic's own step, under "Meer uitleg"
    citations = statute_first(["lpw:5", "lpw:7", "lpw:6"])
    return Reply(topic, lines, citations, details=details, facts=facts, law_date=law.on, handoff=True)


@verdict_for("vrijstelling_5a")
def travelling(topic: str, facts: Facts, on: date, may_ask: bool) -> Reply | None:
    """A school that asks whether it may deregister, a parent who asks whether the children must be enrolled, or a
    question about a woonwagen; anything else gets the topic's text."""
    asked = set(facts.concerns)
    woonwagen = (Message(WOONWAGEN),) if "woonwagen" in asked else ()
    if facts.role == "school" or ("uitschrijven" in asked and facts.role != "young"):
        lines = (Message(FIVE_A_SCHOOL), *woonwagen, Message(FIVE_A_SCHOOL_DOUBT))
        return Reply(topic, lines, statute_first(["lpw:10", "lpw:5a"]), facts=facts, topic_text=False, handoff=True)
    if not woonwagen and "inschrijving" not in asked:
        return None
    try:
        law = params(on)
    except LawNotKnown:
        return None
    near = Message(FIVE_A_SCHOOL_NEAR, {"km": law.leerplicht.trekkend_rijdende_school_km.value})
    lines = (*woonwagen, Message(FIVE_A_WHO)) if woonwagen else (Message(FIVE_A_PARENT), near)
    details = (*((near,) if woonwagen else ()), Message(FIVE_A_ASK), Message(FIVE_A_DEREGISTER))
    citations = statute_first(["lpw:5a", "bvltb:1", "bvltb:2", "lpw:2", "lpw:10"])
    return Reply(topic, lines, citations, details=details, facts=facts)


@verdict_for("vrijstelling_15")
def other_education(topic: str, facts: Facts, on: date, may_ask: bool) -> Reply | None:
    """A school (or a question about deregistering) gets art. 10 onder c and the scope of art. 15; a young person the
    route in their own words; a parent the topic's text."""
    asked = set(facts.concerns)
    school = facts.role == "school" or ("uitschrijven" in asked and facts.role != "young")
    if not school and facts.role != "young":
        return None
    try:
        law = params(on)
    except LawNotKnown:
        return None
    ends = {"age": law.leerplicht.end_age.value, "years": law.leerplicht.full_school_years.value}
    citations = statute_first(["lpw:15", "lpw:10", "lpw:3", "lpw:4b", "lpw:4a", HENGELO_REPORT])
    if school:
        lines = (Message(FIFTEEN_SCHOOL), Message(FIFTEEN_SCOPE, ends))
        details = (Message(FIFTEEN_APPLY), Message(FIFTEEN_GROUNDS), Message(FIFTEEN_EXAMPLE))
    else:
        lines = (Message(FIFTEEN_YOUNG), Message(FIFTEEN_YOUNG_SCOPE, ends))
        details = (Message(FIFTEEN_YOUNG_APPLY), Message(FIFTEEN_EXAMPLE))
    return Reply(topic, lines, citations, details=details, facts=facts, law_date=law.on, topic_text=False, handoff=True)
