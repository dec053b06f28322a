"""Verdicts on leerplicht and kwalificatieplicht from an age or a birth date (Leerplichtwet art. 2-4b, 11a).

A birth date runs `leerplicht_status` (the dates, written in the reader's language); an age says which obligation
applies (not yet, leerplicht, kwalificatieplicht, none). The parent hears about their child, a young person about
their own obligations, school staff about a pupil. When a parent or young person asks what it means for them and
gave no age, the one question is the age (the general rule is answered with it).

Asked about leaving school without a diploma (`voortijdig_schoolverlaten`, or what happens when one stops in
`kwalificatieplicht`), or about combining school and work, an age under the end of the kwalificatieplicht gets the
verdict of `assistant.situation.leaving`; from that age on the topic's own text answers leaving school (the school's
report under WEB 9.2.1 and the Doorstroompunt), so there is no verdict.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from assistant.i18n import Message, _
from assistant.knowledge.law_date import LAW_ON
from assistant.knowledge.parameters import LawNotKnown, LegalParameters, params
from assistant.rules.leerplicht import (
    AGE_FIVE,
    HAS_STARTKWALIFICATIE,
    NOT_YET,
    NOTHING_APPLIES,
    NOW_KWALIFICATIEPLICHTIG,
    NOW_LEERPLICHTIG,
    ImpossibleFacts,
    LeerplichtFacts,
    leerplicht_status,
)
from assistant.situation.facts import Facts
from assistant.situation.leaving import LEAVING_TOPIC, leaving, stop_at_any_age
from assistant.situation.verdict import DONT_KNOW_BUTTON, Choice, Reply, statute_first, verdict_for

AGE_TOPICS = ("leerplicht_leeftijd", "vijfjarigen", "kwalificatieplicht", "voortijdig_schoolverlaten", "nieuwkomers")
ASKS_AGE = ("leerplicht_leeftijd", "kwalificatieplicht", "voortijdig_schoolverlaten")

STATES = {
    "not_yet": {
        "parent": _(
            "Nee, uw kind is nog niet leerplichtig. De leerplicht begint op de eerste schooldag van de maand "
            "nadat uw kind {start} jaar is geworden (artikel 3 Leerplichtwet)."
        ),
        "young": _(
            "Een kind jonger dan {start} jaar is nog niet leerplichtig. De leerplicht begint op de eerste "
            "schooldag van de maand nadat het kind {start} jaar is geworden (artikel 3 Leerplichtwet)."
        ),
        "school": _(
            "Een kind jonger dan {start} jaar is nog niet leerplichtig. De leerplicht begint op de eerste "
            "schooldag van de maand nadat het kind {start} jaar is geworden (artikel 3 Leerplichtwet)."
        ),
    },
    "leerplichtig": {
        "parent": _(
            "Ja, uw kind is leerplichtig, tot het einde van het schooljaar waarin het {end} jaar wordt "
            "(artikel 3 Leerplichtwet). Daarna moet het naar school tot het {kw} jaar is of een "
            "startkwalificatie heeft (artikel 4a)."
        ),
        "young": _(
            "Ja, je bent leerplichtig, tot het einde van het schooljaar waarin je {end} jaar wordt (artikel 3 "
            "Leerplichtwet). Vanaf {own} jaar ben je daar zelf ook verantwoordelijk voor (artikel 2). Daarna moet je "
            "naar school tot je {kw} jaar bent of een startkwalificatie hebt (artikel 4a)."
        ),
        "school": _(
            "Een kind is leerplichtig vanaf de eerste schooldag van de maand nadat het {start} jaar is "
            "geworden, tot het einde van het schooljaar waarin het {end} jaar wordt (artikel 3 "
            "Leerplichtwet). Daarna moet het naar school tot het {kw} jaar is of een startkwalificatie heeft "
            "(artikel 4a)."
        ),
    },
    "kwalificatie": {
        "parent": _(
            "De leerplicht loopt tot het einde van het schooljaar waarin uw kind {end} jaar werd. Daarna is "
            "uw kind kwalificatieplichtig: naar school tot het {kw} jaar is, tenzij het eerder een "
            "startkwalificatie haalt, een havo-, vwo- of mbo-diploma op niveau 2 of hoger (artikel 4a "
            "Leerplichtwet); een vmbo-diploma is dat niet. Stoppen zonder zo'n diploma mag dus nog niet. Uw kind "
            "volgt het volledige programma, op school of in een combinatie van leren en werken zoals de bbl "
            "(artikel 4c)."
        ),
        "young": _(
            "Je bent kwalificatieplichtig: je moet naar school tot je {kw} jaar bent, tenzij je eerder een "
            "startkwalificatie haalt, een havo-, vwo- of mbo-diploma op niveau 2 of hoger (artikel 4a "
            "Leerplichtwet); een vmbo-diploma is dat niet. Stoppen zonder zo'n diploma mag dus nog niet. Je volgt "
            "het volledige programma, op school of in een combinatie van leren en werken zoals de bbl (artikel 4c)."
        ),
        "school": _(
            "Een jongere zonder startkwalificatie is na de leerplicht kwalificatieplichtig: naar school tot de "
            "{kw}e verjaardag, tenzij hij of zij eerder een havo-, vwo- of mbo-diploma op niveau 2 of hoger "
            "haalt (artikel 4a Leerplichtwet); een vmbo-diploma is geen startkwalificatie."
        ),
    },
    "kwalificatie_vrij": {
        "parent": _(
            "Met een diploma praktijkonderwijs, of na het voortgezet speciaal onderwijs in het uitstroomprofiel "
            "arbeidsmarkt of dagbesteding, geldt de kwalificatieplicht niet (artikel 4a lid 2 Leerplichtwet). Na "
            "het schooljaar waarin uw kind {end} jaar werd, hoeft het dus niet meer naar school en mag het gaan werken."
        ),
        "young": _(
            "Met een diploma praktijkonderwijs, of na het voortgezet speciaal onderwijs in het uitstroomprofiel "
            "arbeidsmarkt of dagbesteding, geldt de kwalificatieplicht niet voor jou (artikel 4a lid 2 "
            "Leerplichtwet). Na het schooljaar waarin je {end} jaar werd, hoef je dus niet meer naar school en mag "
            "je gaan werken."
        ),
        "school": _(
            "Met een diploma praktijkonderwijs, of na het voortgezet speciaal onderwijs in het uitstroomprofiel "
            "arbeidsmarkt of dagbesteding, geldt de kwalificatieplicht niet (artikel 4a lid 2 Leerplichtwet). Na "
            "het schooljaar waarin de jongere {end} jaar werd, is hij of zij dus niet meer verplicht naar school "
            "te gaan."
        ),
    },
    "startkwalificatie": {
        "parent": _(
            "Met een startkwalificatie is uw kind niet meer kwalificatieplichtig (artikel 4b Leerplichtwet). "
            "De leerplicht loopt wel tot het einde van het schooljaar waarin uw kind {end} jaar werd."
        ),
        "young": _(
            "Met een startkwalificatie ben je niet meer kwalificatieplichtig (artikel 4b Leerplichtwet). De "
            "leerplicht loopt wel tot het einde van het schooljaar waarin je {end} jaar werd."
        ),
        "school": _(
            "Met een startkwalificatie is een jongere niet meer kwalificatieplichtig (artikel 4b "
            "Leerplichtwet). De leerplicht loopt wel tot het einde van het schooljaar waarin hij of zij {end} "
            "jaar werd."
        ),
    },
    "adult": {
        "parent": _(
            "Vanaf {kw} jaar is uw kind niet meer leerplichtig of kwalificatieplichtig (artikel 4a Leerplichtwet)."
        ),
        "young": _("Vanaf {kw} jaar ben je niet meer leerplichtig of kwalificatieplichtig (artikel 4a Leerplichtwet)."),
        "school": _(
            "Vanaf {kw} jaar is een jongere niet meer leerplichtig of kwalificatieplichtig (artikel 4a "
            "Leerplichtwet). Zonder startkwalificatie meldt de school verzuim wel tot {upper} jaar."
        ),
    },
}
MAY_GO_EARLIER = _(
    "Vanaf {age} jaar mag uw kind wel al naar de basisschool, en de meeste kinderen gaan dan ook; verplicht is het "
    "nog niet."
)
EARLIER_SOURCE = "src:hengelo-jaarverslag-leerplicht-2024-2025"  # most children go to school at four
FIVE_LEERPLICHTIG = _(
    "Een kind van {age} is leerplichtig vanaf de eerste schooldag van de maand nadat het {age} werd (artikel 3 "
    "Leerplichtwet)."
)
# art. 11a to a school: the first hours need only a notice, the head decides on more
AGE_FIVE_SCHOOL = _(
    "Tot de zesde verjaardag mogen de ouders het kind {free} uur per week thuishouden; zij melden dat aan de "
    "directeur, toestemming is daarvoor niet nodig. Over meer uren, tot {total} uur per week, beslist de directeur "
    "(artikel 11a Leerplichtwet)."
)
START_END = {
    "parent": _("Uw kind is leerplichtig van {start} tot en met {end} (artikel 3 Leerplichtwet)."),
    "young": _("Je bent leerplichtig van {start} tot en met {end} (artikel 3 Leerplichtwet)."),
    "school": _("Dit kind is leerplichtig van {start} tot en met {end} (artikel 3 Leerplichtwet)."),
}
START_END_LATEST = {
    "parent": _("Anders is uw kind leerplichtig van {start} tot en met {end}."),
    "young": _("Anders ben je leerplichtig van {start} tot en met {end}."),
    "school": _("Anders is dit kind leerplichtig van {start} tot en met {end}."),
}
# art. 3 lid 2: a primary school done in fewer than eight years counts as eight, so the twelve full school years of
# lid 1 onder a can be reached before the school year of the 16th birthday; only the school history tells
YEAR_SKIPPED = _(
    "Na een overgeslagen groep telt de basisschool als {primary} schooljaren (artikel 3 lid 2 Leerplichtwet). De "
    "leerplicht eindigt dan al na {full} volledige schooljaren, als dat eerder is dan het schooljaar waarin de "
    "jongere {end} wordt; de school kan dat nagaan."
)
KW_AFTER = _("Daarna geldt de kwalificatieplicht tot {kw} jaar of een startkwalificatie (artikel 4a).")
KW_END = {
    "parent": _(
        "Daarna is uw kind kwalificatieplichtig tot {kw_end}, tenzij het eerder een startkwalificatie haalt "
        "(artikel 4a)."
    ),
    "young": _(
        "Daarna ben je kwalificatieplichtig tot {kw_end}, tenzij je eerder een startkwalificatie haalt (artikel 4a)."
    ),
    "school": _(
        "Daarna is het kwalificatieplichtig tot {kw_end}, tenzij het eerder een startkwalificatie haalt (artikel 4a)."
    ),
}
ASK_AGE = {
    "parent": _("Hoe oud is uw kind? Typ de geboortedatum, dan reken ik de precieze data uit. Of kies hieronder."),
    "young": _("Hoe oud ben je? Typ je geboortedatum, dan reken ik de precieze data uit. Of kies hieronder."),
}
NEWCOMERS_TOPIC = "nieuwkomers"
# A newcomer's leerplicht holds from the day the family lives here (art. 2): the verdict says so. A question about a
# subject the topic answers with a variant of its own (the `variants` of knowledge/topics/nieuwkomers.yml: no Dutch
# yet, online lessons of a school abroad, how long it may take) gets that variant instead, as long as the child is
# leerplichtig.
NEWCOMER_SUBJECTS = ("taal", "online_school", "wachttijd")
NEWCOMER_NOW = {
    "parent": _(
        "Dat geldt meteen, ook als u net in Nederland woont: de wet kent geen wachttijd. Schrijf uw kind dus nu in "
        "op een school (artikel 2)."
    ),
    "young": _("Dat geldt meteen, ook als je net in Nederland woont: de wet kent geen wachttijd (artikel 2)."),
    "school": _(
        "Dat geldt meteen, ook voor een kind dat net in Nederland woont: de wet kent geen wachttijd (artikel 2)."
    ),
}
BAND_UNDER = _("Jonger dan {age} jaar")
BAND_LEERPLICHTIG = _("{start} tot {end} jaar")
BAND_KWALIFICATIE = _("{end} of {last} jaar")
BAND_ADULT = _("{kw} jaar of ouder")


def _values(law: LegalParameters) -> dict[str, int]:
    rules = law.leerplicht
    return {
        "start": rules.start_age.value,
        "end": rules.end_age.value,
        "kw": rules.kwalificatieplicht_end_age.value,
        "own": rules.own_obligation_age.value,
        "upper": law.melding.age_limit_18plus.value,
        "last": rules.kwalificatieplicht_end_age.value - 1,
        "primary": rules.primary_school_years_counted.value,
        "full": rules.full_school_years.value,
    }


def state(age: int, startkwalificatie: bool | None, law: LegalParameters, *, exempt: bool | None = None) -> str:
    """The obligation at `age`; `exempt`: a diploma praktijkonderwijs or a vso uitstroomprofiel arbeidsmarkt or
    dagbesteding, for which the kwalificatieplicht does not apply (art. 4a lid 2)."""
    values = _values(law)
    if age < values["start"]:
        return "not_yet"
    if age < values["end"]:
        return "leerplichtig"
    if age < values["kw"]:
        if startkwalificatie:
            return "startkwalificatie"
        return "kwalificatie_vrij" if exempt else "kwalificatie"
    return "adult"


def _citations(name: str, law: LegalParameters) -> list[str]:
    ids = {
        "not_yet": ["lpw:3"],
        "leerplichtig": ["lpw:3", "lpw:2", "lpw:4a"],
        "kwalificatie": ["lpw:4a", "lpw:3", "lpw:1", "lpw:4c"],
        "startkwalificatie": ["lpw:4b", "lpw:3", "lpw:1"],
        "kwalificatie_vrij": ["lpw:4a", "lpw:3"],
        "adult": ["lpw:4a"],
    }[name]
    if name == "adult":
        ids += list(law.melding.age_limit_18plus.citations)
    return ids


@verdict_for(*AGE_TOPICS)
def age_verdict(topic: str, facts: Facts, on: date, may_ask: bool) -> Reply | None:
    role = facts.role if facts.role in ("parent", "young", "school") else "parent"
    try:
        law = params(on)
    except LawNotKnown:
        return None
    if facts.birth_date is not None:
        return _from_birth(topic, facts, on, role, law)
    if facts.age is not None:
        name = state(facts.age, facts.startkwalificatie, law)
        if topic == LEAVING_TOPIC and name == "adult":
            return None  # from 18 on, leaving school is what the topic's own text is about
        if topic == NEWCOMERS_TOPIC and name == "leerplichtig" and facts.asks_about in NEWCOMER_SUBJECTS:
            return None  # the topic's answer about the subject asked ("spreekt nog geen Nederlands")
        return _from_age(topic, facts, role, law)
    anyway = stop_at_any_age(topic, facts, role, law, _values(law))  # "wat gebeurt er als ik stop?": no question
    if anyway is not None:
        return anyway
    unknown = "age" in facts.unknown or "*" in facts.unknown
    if may_ask and not unknown and topic in ASKS_AGE and facts.role in ("parent", "young"):
        return _age_question(topic, facts, facts.role, law)
    return None


def _from_age(topic: str, facts: Facts, role: str, law: LegalParameters) -> Reply:
    values = _values(law)
    name = state(facts.age or 0, facts.startkwalificatie, law, exempt=facts.kwalificatie_exempt)
    rules = law.leerplicht
    if (
        name == "leerplichtig"
        and facts.age is not None
        and facts.age < rules.age_5_exemption_until_age.value
        and topic in ("vijfjarigen", "leerplicht_leeftijd")
    ):
        free = rules.age_5_hours_without_permission.value
        hours = {"free": free, "total": free + rules.age_5_extra_hours_with_permission.value}
        lines = [
            Message(FIVE_LEERPLICHTIG, {"age": facts.age}),
            Message(AGE_FIVE_SCHOOL if role == "school" else AGE_FIVE, hours),
        ]
        return Reply(
            topic=topic, lines=tuple(lines), citations=statute_first(["lpw:3", "lpw:11a"]), facts=facts, law_date=law.on
        )
    planned = leaving(topic, facts, role, law, name, values)  # stopping anyway, or school and work combined
    if planned is not None:
        return planned
    lines = [Message(STATES[name][role], values)]
    citations = _citations(name, law)
    if topic == NEWCOMERS_TOPIC and name == "leerplichtig":
        lines.append(Message(NEWCOMER_NOW[role]))
    if facts.year_skipped and name == "leerplichtig":
        lines.append(Message(YEAR_SKIPPED, values))
    if name == "not_yet" and role == "parent" and facts.age == values["start"] - 1:
        lines.append(Message(MAY_GO_EARLIER, {"age": values["start"] - 1}))  # "net 4": may go, need not
        citations.append(EARLIER_SOURCE)
    return Reply(topic=topic, lines=tuple(lines), citations=statute_first(citations), facts=facts, law_date=law.on)


def _from_birth(topic: str, facts: Facts, on: date, role: str, law: LegalParameters) -> Reply | None:
    try:
        status = leerplicht_status(
            LeerplichtFacts(
                birth_date=facts.birth_date,  # type: ignore[arg-type]
                has_startkwalificatie=bool(facts.startkwalificatie),
            ),
            on=on,
            law=law,
        )
    except (ImpossibleFacts, LawNotKnown):
        return None
    dates = {"start": status.leerplicht_start, "end": status.leerplicht_end}
    skipped = bool(facts.year_skipped) and status.leerplichtig
    if skipped:  # the point asked first: the end may come earlier (art. 3 lid 2); then the end without it
        lines = [Message(YEAR_SKIPPED, _values(law)), Message(START_END_LATEST[role], dates)]
    else:
        lines = [Message(START_END[role], dates)]
    if facts.birth_month_only:  # the kwalificatieplicht ends on the birthday itself, whose day was not said
        lines.append(Message(KW_AFTER, _values(law)))
    elif status.kwalificatieplicht_end is not None:
        lines.append(Message(KW_END[role], {"kw_end": status.kwalificatieplicht_end}))
    else:
        lines.append(Message(HAS_STARTKWALIFICATIE))
    # the parent's "moet hij al naar school?" is answered first: what holds today (with a skipped year, whether it
    # still holds today depends on it), then the dates
    if role == "parent" and not skipped:
        if on < status.leerplicht_start:
            today_holds = NOT_YET
        elif status.leerplichtig:
            today_holds = NOW_LEERPLICHTIG
        elif status.kwalificatieplichtig:
            today_holds = NOW_KWALIFICATIEPLICHTIG
        else:
            today_holds = NOTHING_APPLIES
        lines.insert(0, Message(today_holds, {"on": on}))
    details = tuple(message for message in status.explanation if message.template != LAW_ON)
    return Reply(
        topic=topic,
        lines=tuple(lines),
        citations=statute_first(status.citations),
        details=details,
        facts=facts,
        law_date=law.on,
    )


def _age_question(topic: str, facts: Facts, role: str, law: LegalParameters) -> Reply:
    values = _values(law)
    clean = replace(facts, problems=())
    bands = (
        (Message(BAND_UNDER, {"age": values["start"]}), values["start"] - 1),
        (Message(BAND_LEERPLICHTIG, values), values["start"] + 1),
        (Message(BAND_KWALIFICATIE, values), values["last"]),
        (Message(BAND_ADULT, values), values["kw"]),
    )
    choices = [Choice(title, topic, replace(clean, age=age)) for title, age in bands]
    choices.append(Choice(Message(DONT_KNOW_BUTTON), topic, replace(clean, unknown=("age",))))
    return Reply(topic=topic, lines=(Message(ASK_AGE[role]),), choices=tuple(choices), facts=facts, asks="age")
