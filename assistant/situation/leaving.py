"""Verdicts on a young person who wants to leave school, or to go only part of the week and work, from the age
(`assistant.situation.age` hands over; Leerplichtwet art. 3, 4, 4a, 4c, 21a, 22, 26):

- what happens when they stop anyway (asked in `voortijdig_schoolverlaten`, or "wat gebeurt er als …" in
  `kwalificatieplicht`): the obligation that applies, then what follows: the school reports the absence (art. 21a),
  the leerplichtambtenaar talks with the young person and the parents, and when that does not help can make a
  proces-verbaal, also against the young person from 12 (art. 22 lid 3, art. 26 lid 2; under 12 against the
  parents only);
- a plan to combine school and work ("2 dagen naar school en de rest werken", `Facts.reason` "werk" in
  `kwalificatieplicht`): not just like that. While leerplichtig the young person follows every lesson (art. 3, 4);
  during the kwalificatieplicht school and work go together only in a combination of learning and working the law
  regulates, such as the bbl in the mbo, whose full programme is followed (art. 4a, 4c). Vervangende leerplicht
  (art. 3a) is the municipality's exception, behind "Meer uitleg".

The parent hears about their child, the young person about themselves, school staff about the pupil. Every number
is a placeholder filled from `params(on)`. Pure.
"""

from __future__ import annotations

from assistant.i18n import Message, _
from assistant.knowledge.parameters import LegalParameters
from assistant.situation.facts import Facts
from assistant.situation.verdict import Reply, statute_first

LEAVING_TOPIC = "voortijdig_schoolverlaten"
PLAN_TOPIC = "kwalificatieplicht"
OBLIGED = ("leerplichtig", "kwalificatie")

STOP_LEAD = {
    "kwalificatie": {
        "parent": _(
            "Uw kind is kwalificatieplichtig: het moet naar school tot het {kw} jaar is of een startkwalificatie "
            "heeft (artikel 4a Leerplichtwet). Stoppen mag dus nog niet."
        ),
        "young": _(
            "Je bent kwalificatieplichtig: je moet naar school tot je {kw} jaar bent of een startkwalificatie hebt "
            "(artikel 4a Leerplichtwet). Stoppen mag dus nog niet."
        ),
        "school": _(
            "Een jongere zonder startkwalificatie is kwalificatieplichtig tot {kw} jaar (artikel 4a Leerplichtwet). "
            "Stoppen mag dus nog niet."
        ),
    },
    "leerplichtig": {
        "parent": _(
            "Uw kind is leerplichtig tot het einde van het schooljaar waarin het {end} jaar wordt (artikel 3 "
            "Leerplichtwet), en daarna kwalificatieplichtig tot {kw} jaar of een startkwalificatie (artikel 4a). "
            "Stoppen mag dus niet."
        ),
        "young": _(
            "Je bent leerplichtig tot het einde van het schooljaar waarin je {end} jaar wordt (artikel 3 "
            "Leerplichtwet), en daarna kwalificatieplichtig tot {kw} jaar of een startkwalificatie (artikel 4a). "
            "Stoppen mag dus niet."
        ),
        "school": _(
            "Een leerplichtige jongere gaat naar school tot het einde van het schooljaar waarin hij of zij {end} jaar "
            "wordt (artikel 3 Leerplichtwet), en daarna tot {kw} jaar of een startkwalificatie (artikel 4a)."
        ),
    },
}
# from 12, and during the kwalificatieplicht, the young person can be punished too (art. 22 lid 3, art. 26 lid 2)
STOP_ANYWAY = {
    "parent": _(
        "Stopt uw kind toch, dan meldt de school het verzuim (artikel 21a Leerplichtwet) en gaat de "
        "leerplichtambtenaar met uw kind en met u praten. Helpt dat niet, dan kan die proces-verbaal opmaken, tegen "
        "u en ook tegen uw kind zelf (artikel 22 en 26)."
    ),
    "young": _(
        "Stop je toch, dan meldt de school je verzuim (artikel 21a Leerplichtwet) en gaat de leerplichtambtenaar met "
        "je praten. Weiger je terug te gaan, dan kan die proces-verbaal opmaken, ook tegen jezelf: je kunt dan zelf "
        "een straf krijgen (artikel 22 en 26)."
    ),
    "school": _(
        "Stopt de jongere toch, dan meldt u het verzuim (artikel 21a Leerplichtwet) en gaat de leerplichtambtenaar "
        "met de jongere en de ouders praten. Helpt dat niet, dan kan die proces-verbaal opmaken, ook tegen de jongere "
        "zelf (artikel 22 en 26)."
    ),
}
# under 12 only the parents can be punished (art. 22 lid 2, art. 26 lid 1)
STOP_ANYWAY_UNDER_OWN = {
    "parent": _(
        "Gaat uw kind toch niet, dan meldt de school het verzuim (artikel 21a Leerplichtwet) en gaat de "
        "leerplichtambtenaar met u praten. Helpt dat niet, dan kan die proces-verbaal tegen u opmaken (artikel 22 en "
        "26)."
    ),
    "young": _(
        "Ga je toch niet, dan meldt de school het verzuim (artikel 21a Leerplichtwet) en gaat de leerplichtambtenaar "
        "met je ouders praten. Helpt dat niet, dan kan die proces-verbaal tegen je ouders opmaken (artikel 22 en "
        "26)."
    ),
    "school": _(
        "Gaat de leerling toch niet, dan meldt u het verzuim (artikel 21a Leerplichtwet) en gaat de "
        "leerplichtambtenaar met de ouders praten. Helpt dat niet, dan kan die proces-verbaal tegen de ouders opmaken "
        "(artikel 22 en 26)."
    ),
}
# the age not said: the rule under 18, the young person's own proces-verbaal from 12, and from 18 the Doorstroompunt
STOP_ANY_AGE_LEAD = {
    "parent": _(
        "Onder de {kw} mag uw kind zonder startkwalificatie niet stoppen: het is leer- of kwalificatieplichtig "
        "(artikel 3 en 4a Leerplichtwet)."
    ),
    "young": _(
        "Onder de {kw} mag je zonder startkwalificatie niet stoppen: je bent leerplichtig of kwalificatieplichtig "
        "(artikel 3 en 4a Leerplichtwet)."
    ),
    "school": _(
        "Onder de {kw} mag een jongere zonder startkwalificatie niet stoppen: de leerplicht of kwalificatieplicht "
        "geldt (artikel 3 en 4a Leerplichtwet)."
    ),
}
STOP_ANY_AGE = {
    "parent": _(
        "Stopt het toch, dan meldt de school dat en praat de leerplichtambtenaar met u; die kan proces-verbaal "
        "opmaken tegen u, vanaf {own} jaar ook tegen uw kind (artikel 21a, 22 en 26)."
    ),
    "young": _(
        "Stop je toch, dan meldt de school dat en praat de leerplichtambtenaar met je; vanaf {own} jaar kan die ook "
        "tegen jezelf proces-verbaal opmaken (artikel 21a, 22 en 26)."
    ),
    "school": _(
        "Stopt de jongere toch, dan meldt u het verzuim; de leerplichtambtenaar kan proces-verbaal opmaken, vanaf "
        "{own} jaar ook tegen de jongere (artikel 21a, 22 en 26)."
    ),
}
STOP_ANY_AGE_ADULT = {
    "parent": _(
        "Vanaf {kw} hoeft uw kind niet meer; het Doorstroompunt (voorheen RMC) helpt dan verder met opleiding of werk."
    ),
    "young": _(
        "Vanaf {kw} hoef je niet meer naar school; het Doorstroompunt (voorheen RMC) helpt je dan verder met "
        "opleiding of werk."
    ),
    "school": _(
        "Vanaf {kw} geldt geen plicht meer; het Doorstroompunt (voorheen RMC) helpt dan verder met opleiding of werk."
    ),
}
WORK_NO = _("Nee, niet zomaar.")
WORK_LEERPLICHTIG = {
    "parent": _("Uw kind is nog leerplichtig en volgt dan alle lessen (artikel 3 en 4 Leerplichtwet)."),
    "young": _("Je bent nog leerplichtig en volgt dan alle lessen (artikel 3 en 4 Leerplichtwet)."),
    "school": _("Een leerplichtige leerling volgt alle lessen (artikel 3 en 4 Leerplichtwet)."),
}
WORK_YEAR_OF_END = {
    "parent": _(
        "Tot het einde van het schooljaar waarin uw kind {end} werd, is het leerplichtig en volgt het alle lessen "
        "(artikel 3 en 4 Leerplichtwet)."
    ),
    "young": _(
        "Tot het einde van het schooljaar waarin je {end} werd, ben je leerplichtig en volg je alle lessen (artikel "
        "3 en 4 Leerplichtwet)."
    ),
    "school": _(
        "Tot het einde van het schooljaar waarin de leerling {end} werd, is hij of zij leerplichtig en volgt alle "
        "lessen (artikel 3 en 4 Leerplichtwet)."
    ),
}
WORK_THEN = {
    "parent": _(
        "Daarna is uw kind kwalificatieplichtig tot {kw} jaar of een startkwalificatie: school en werk combineren kan "
        "dan alleen in een wettelijk geregelde combinatie van leren en werken, zoals de bbl in het mbo (artikel 4a en "
        "4c)."
    ),
    "young": _(
        "Daarna ben je kwalificatieplichtig tot {kw} jaar of een startkwalificatie: school en werk combineren kan "
        "dan alleen in een wettelijk geregelde combinatie van leren en werken, zoals de bbl in het mbo (artikel 4a "
        "en 4c)."
    ),
    "school": _(
        "Daarna is hij of zij kwalificatieplichtig tot {kw} jaar of een startkwalificatie: school en werk combineren "
        "kan dan alleen in een wettelijk geregelde combinatie van leren en werken, zoals de bbl in het mbo (artikel 4a "
        "en 4c)."
    ),
}
WORK_NOW = {
    "parent": _(
        "Uw kind is kwalificatieplichtig tot {kw} jaar of een startkwalificatie (artikel 4a Leerplichtwet). School en "
        "werk combineren kan alleen in een wettelijk geregelde combinatie van leren en werken, zoals de bbl in het "
        "mbo (artikel 4c)."
    ),
    "young": _(
        "Je bent kwalificatieplichtig tot {kw} jaar of een startkwalificatie (artikel 4a Leerplichtwet). School en "
        "werk combineren kan alleen in een wettelijk geregelde combinatie van leren en werken, zoals de bbl in het "
        "mbo (artikel 4c)."
    ),
    "school": _(
        "De leerling is kwalificatieplichtig tot {kw} jaar of een startkwalificatie (artikel 4a Leerplichtwet). School "
        "en werk combineren kan alleen in een wettelijk geregelde combinatie van leren en werken, zoals de bbl in het "
        "mbo (artikel 4c)."
    ),
}
WORK_FULL_PROGRAMME = _(
    "In zo'n combinatie wordt het volledige programma gevolgd dat de school of instelling aanbiedt; het werk hoort "
    "daarbij. Alleen een paar dagen naar school en verder een baan is geen combinatie van leren en werken (artikel 4c)."
)
WORK_VERVANGEND = _(
    "Is een leerplichtige leerling van {min_age} jaar of ouder niet geschikt voor volledig dagonderwijs, dan kan de "
    "gemeente op verzoek van de ouders een programma met praktijktijd toestaan (vervangende leerplicht, artikel 3a)."
)


def leaving(
    topic: str, facts: Facts, role: str, law: LegalParameters, state: str, values: dict[str, int]
) -> Reply | None:
    """The verdict on stopping anyway or on combining school and work at the age of `facts` (whose obligation is
    `state`, `assistant.situation.age.state`), or None when the question is neither."""
    if state not in OBLIGED or topic not in (LEAVING_TOPIC, PLAN_TOPIC):
        return None
    if facts.reason == "werk" and facts.point != "consequence":  # "mag ik gaan werken?", in either topic
        return _school_and_work(topic, facts, role, law, state, values)
    if topic == LEAVING_TOPIC or facts.point == "consequence":
        return _stop_anyway(topic, facts, role, law, state, values)
    return None


def stop_at_any_age(topic: str, facts: Facts, role: str, law: LegalParameters, values: dict[str, int]) -> Reply | None:
    """What happens when one stops anyway, asked without an age ("wat gebeurt er als ik stop?"): the rule under 18
    and what follows, and from 18 the Doorstroompunt, instead of asking the age first; None when the question is not
    what happens."""
    if facts.point != "consequence" or topic not in (LEAVING_TOPIC, PLAN_TOPIC) or facts.startkwalificatie:
        return None
    lines = (
        Message(STOP_ANY_AGE_LEAD[role], values),
        Message(STOP_ANY_AGE[role], values),
        Message(STOP_ANY_AGE_ADULT[role], values),  # the age was not said: the branch from 18 too
    )
    citations = statute_first(
        [
            "lpw:3",
            "lpw:4a",
            "lpw:21a",
            "lpw:22",
            "lpw:26",
            "lpw:2",
            "lpw:4b",
            "web:9.2.1",
            "src:hengelo-voortijdig-schoolverlaten",
            "src:enschede-voortijdig-schoolverlaten",
        ]
    )
    return Reply(topic=topic, lines=lines, citations=citations, facts=facts, law_date=law.on)


def _stop_anyway(
    topic: str, facts: Facts, role: str, law: LegalParameters, state: str, values: dict[str, int]
) -> Reply:
    younger = facts.age is not None and facts.age < values["own"]
    lines = (
        Message(STOP_LEAD[state][role], values),
        Message((STOP_ANYWAY_UNDER_OWN if younger else STOP_ANYWAY)[role]),
    )
    lead = ["lpw:4a", "lpw:3"] if state == "kwalificatie" else ["lpw:3", "lpw:4a"]
    citations = statute_first([*lead, "lpw:1", "lpw:21a", "lpw:22", "lpw:26", "lpw:2"])
    return Reply(topic=topic, lines=lines, citations=citations, facts=facts, law_date=law.on)


def _school_and_work(
    topic: str, facts: Facts, role: str, law: LegalParameters, state: str, values: dict[str, int]
) -> Reply:
    if state == "leerplichtig":
        lines = [Message(WORK_NO), Message(WORK_LEERPLICHTIG[role]), Message(WORK_THEN[role], values)]
    elif facts.age == values["end"]:  # the school year of the 16th birthday may still be running
        lines = [Message(WORK_NO), Message(WORK_YEAR_OF_END[role], values), Message(WORK_THEN[role], values)]
    else:
        lines = [Message(WORK_NO), Message(WORK_NOW[role], values)]
    details = (
        Message(WORK_FULL_PROGRAMME),
        Message(WORK_VERVANGEND, {"min_age": law.leerplicht.vervangend_min_age.value}),
    )
    citations = statute_first(["lpw:4a", "lpw:4c", "lpw:3", "lpw:4", "lpw:3a", "lpw:1"])
    return Reply(
        topic=topic,
        lines=tuple(lines),
        citations=citations,
        details=details,
        facts=facts,
        law_date=law.on,
        refuses=True,
    )
