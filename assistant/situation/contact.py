"""How to reach leerplicht or the Doorstroompunt of a municipality, for a question that asks for a contact.

A question that asks how to reach someone ("Hoe bereik ik de leerplichtambtenaar in Hengelo?", "Waar kan ik hulp
krijgen?", "Wie is onze contactpersoon bij leerplicht?"; `Facts.contact`, read from the `contact` words of
languages.yml) in a topic about the leerplichtambtenaar or about young people without a startkwalificatie
(`CONTACT_TOPICS`) gets, first, the contact for the municipality it names, or that the conversation named. Everything
comes from the one regional table (`knowledge/regions.yml`): which municipality runs leerplicht for the town (Borne:
Hengelo), its verified phone numbers and e-mail addresses (an unverified one is never shown), which Doorstroompunt
serves the town (Hof van Twente: Hengelo), and routing the sources leave uncertain (Losser, Oldenzaal, Dinkelland),
told as uncertain. Without a municipality, the one question is which one: a button per municipality the table has,
and one for another municipality (whose answer says to ask that municipality).

A young person under the end of the kwalificatieplicht asking about leaving school gets the verdict on that first
(`assistant.situation.age`), not the Doorstroompunt, which helps from that age on.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from assistant.i18n import Message, _
from assistant.knowledge.models import Contact
from assistant.knowledge.parameters import LawNotKnown, params
from assistant.knowledge.regions import Regions, UnknownMunicipality, get_regions, normalise_town
from assistant.situation.facts import Facts
from assistant.situation.verdict import Choice, Reply, statute_first, verdict_before

# the topics whose contact question this answers, and whose contact it gives
CONTACT_TOPICS = {
    "leerplichtambtenaar": "leerplicht",
    "voortijdig_schoolverlaten": "doorstroompunt",
    "verzuim_18plus": "doorstroompunt",
}
SCHOOL_CONTACT_AGREEMENT = "vaste-contactpersoon-vo"

ASK = {
    "leerplicht": _("Om welke gemeente gaat het? Dan geef ik u het contact van leerplicht daar."),
    "doorstroompunt": _(
        "Om welke gemeente gaat het? Dan geef ik u het contact van het Doorstroompunt (voorheen RMC) daar."
    ),
}
ASK_YOUNG = {  # a young person is addressed as "je", as in the young texts of the topics
    "leerplicht": _("In welke gemeente woon je? Dan geef ik je het contact van leerplicht daar."),
    "doorstroompunt": _(
        "In welke gemeente woon je? Dan geef ik je het contact van het Doorstroompunt (voorheen RMC) daar."
    ),
}
TOWN_BUTTON = _("Gemeente {town}")
OTHER_BUTTON = _("Een andere gemeente")

# the contact of a municipality, by what the table has: a phone number, an e-mail address, or both
LINES = {
    "leerplicht": {
        "phone": _("Bel de gemeente {by} op {phone} en vraag naar de afdeling leerplicht."),
        "email": _("Mail de afdeling leerplicht van de gemeente {by}: {email}."),
        "both": _("Bel de gemeente {by} op {phone} of mail de afdeling leerplicht: {email}."),
        "none": _("Vraag de gemeente {by} naar de afdeling leerplicht."),
    },
    "doorstroompunt": {
        "phone": _("Bel het Doorstroompunt (voorheen RMC) van de gemeente {by} op {phone}."),
        "email": _("Mail het Doorstroompunt (voorheen RMC) van de gemeente {by}: {email}."),
        "both": _("Bel het Doorstroompunt (voorheen RMC) van de gemeente {by} op {phone} of mail naar {email}."),
        "none": _("Vraag de gemeente {by} naar het Doorstroompunt (voorheen RMC)."),
    },
}
LEERPLICHT_BY = _("De gemeente {by} doet de leerplicht ook voor {town}.")
LEERPLICHT_UNCERTAIN = _(
    "Wie de leerplicht in {town} doet, staat niet zeker vast. Volgens de bronnen handhaven leerplichtambtenaren van de "
    "gemeente {by} de leerplicht daar; vraag het voor de zekerheid ook aan de gemeente {town}."
)
DOORSTROOMPUNT_BY = _("Jongeren uit {town} kunnen terecht bij het Doorstroompunt van de gemeente {by}.")
NO_DOORSTROOMPUNT = _(
    "De bronnen noemen geen Doorstroompunt voor {town}. Vraag de gemeente {town} naar het Doorstroompunt "
    "(voorheen RMC)."
)
SCHOOL_CONTACT_PERSON = _(
    "In {municipalities} is elke leerplichtambtenaar de vaste contactpersoon voor een aantal middelbare scholen. Vraag "
    "bij leerplicht wie dat voor uw school is."
)
OTHER = {
    "leerplicht": _(
        "Gaat het om een andere gemeente? Neem dan contact op met die gemeente en vraag naar leerplicht: elke gemeente "
        "wijst leerplichtambtenaren aan (artikel 16 Leerplichtwet)."
    ),
    "doorstroompunt": _(
        "Gaat het om een andere gemeente? Vraag die gemeente dan naar het Doorstroompunt (voorheen RMC)."
    ),
}
LEERPLICHT_ARTICLE = "lpw:16"


def _contact_line(kind: str, by: str, contacts: tuple[Contact, ...]) -> tuple[Message, tuple[str, ...]]:
    """The line with the verified phone number and e-mail address of `kind` that the municipality `by` has."""
    found = [contact for contact in contacts if contact.kind == kind and contact.verified]
    phone = next((contact.phone for contact in found if contact.phone), None)
    email = next((contact.email for contact in found if contact.email), None)
    shape = "both" if phone and email else "phone" if phone else "email" if email else "none"
    values = {"by": by, **({"phone": phone} if phone else {}), **({"email": email} if email else {})}
    return Message(LINES[kind][shape], values), tuple(cid for contact in found for cid in contact.citations)


def _leerplicht(regions: Regions, town: str, facts: Facts) -> tuple[list[Message], list[str]]:
    own = regions.municipality(town)
    by = regions.municipality(own.leerplicht_by)
    lines: list[Message] = []
    citations = [LEERPLICHT_ARTICLE, *own.citations]
    if own.uncertain:
        lines.append(Message(LEERPLICHT_UNCERTAIN, {"town": own.name, "by": by.name}))
    elif normalise_town(by.name) != normalise_town(own.name):
        lines.append(Message(LEERPLICHT_BY, {"town": own.name, "by": by.name}))
    line, cited = _contact_line("leerplicht", by.name, by.contacts)
    lines.append(line)
    citations.extend(cited)
    if (facts.role == "school" or facts.school_type == "vo") and regions.agreement_applies(
        SCHOOL_CONTACT_AGREEMENT, own.name
    ):
        agreement = regions.agreement(SCHOOL_CONTACT_AGREEMENT)
        lines.append(Message(SCHOOL_CONTACT_PERSON, {"municipalities": list(agreement.applies_to)}))
        citations.extend(agreement.citations)
    return lines, citations


def _doorstroompunt(regions: Regions, name: str) -> tuple[list[Message], list[str]]:
    by_name = regions.doorstroompunt_municipality(name)
    if by_name is None:
        return [Message(NO_DOORSTROOMPUNT, {"town": name})], list(regions.municipality(name).citations)
    by = regions.municipality(by_name)
    area = next((area for area in regions.doorstroompunt_areas if area.name == name), None)
    citations = list(area.citations if area is not None else regions.municipality(name).citations)
    lines = []
    if normalise_town(by.name) != normalise_town(name):
        lines.append(Message(DOORSTROOMPUNT_BY, {"town": name, "by": by.name}))
    line, cited = _contact_line("doorstroompunt", by.name, by.contacts)
    return [*lines, line], [*citations, *cited]


def _towns(regions: Regions, kind: str) -> tuple[str, ...]:
    """The towns a button is offered for: every municipality for leerplicht; for the Doorstroompunt, the towns a
    listed Doorstroompunt serves."""
    if kind == "leerplicht":
        return regions.municipalities
    return tuple(town for town in regions.covered if regions.doorstroompunt_municipality(town) is not None)


def _too_young(facts: Facts, on: date) -> bool:
    try:
        end = params(on).leerplicht.kwalificatieplicht_end_age.value
    except LawNotKnown:
        return False
    return facts.age is not None and facts.age < end


@verdict_before
def contact_reply(topic: str, facts: Facts, on: date, may_ask: bool) -> Reply | None:
    """The contact for the municipality of `facts`, the question which municipality, or None (not a contact question
    in a contact topic, or nothing to add: the topic's text answers)."""
    kind = CONTACT_TOPICS.get(topic)
    if kind is None or not facts.contact or (kind == "doorstroompunt" and _too_young(facts, on)):
        return None
    regions = get_regions()
    town = next((name for name in regions.covered if normalise_town(name) == normalise_town(facts.municipality)), None)
    if town is not None:
        try:
            if kind == "leerplicht":
                lines, citations = _leerplicht(regions, town, facts)
            else:
                lines, citations = _doorstroompunt(regions, town)
        except UnknownMunicipality:  # a Doorstroompunt area asked about leerplicht: the table has no routing for it
            return Reply(topic, (Message(LINES[kind]["none"], {"by": town}),), facts=facts)
        return Reply(topic, tuple(lines), citations=statute_first(citations), facts=facts)
    if "municipality" in facts.unknown:
        cited = (LEERPLICHT_ARTICLE,) if kind == "leerplicht" else ()
        return Reply(topic, (Message(OTHER[kind]),), citations=cited, facts=facts)
    if not may_ask:
        return None
    clean = replace(facts, problems=())
    choices = [Choice(Message(TOWN_BUTTON, {"town": town}), topic, replace(clean, municipality=town)) for town in
               _towns(regions, kind)]  # fmt: skip
    choices.append(Choice(Message(OTHER_BUTTON), topic, replace(clean, unknown=(*clean.unknown, "municipality"))))
    asked = (ASK_YOUNG if facts.role == "young" else ASK)[kind]
    return Reply(topic, (Message(asked),), choices=tuple(choices), facts=facts, asks="municipality")
