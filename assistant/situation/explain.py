"""The verdict on whom leerplicht applies to (`leerplicht_uitleg`, asked as "geldt leerplicht ook voor kinderen van
bekende of rijke ouders?", "is iedereen leerplichtig?": `Facts.point` "scope"): every child living or staying in the
Netherlands, whoever the parents are (Leerplichtwet art. 2, 16 lid 3); the only way out is an exemption on a ground
the law names (art. 5, 5a, 15). Other questions of the topic are answered by its own text. Pure.
"""

from __future__ import annotations

from datetime import date

from assistant.i18n import Message, _
from assistant.knowledge.parameters import LawNotKnown, params
from assistant.situation.facts import Facts
from assistant.situation.verdict import Reply, statute_first, verdict_for

EVERYONE = _(
    "De leerplicht geldt voor ieder kind dat in Nederland woont of verblijft, wie de ouders ook zijn. De wet maakt "
    "geen uitzondering voor bijvoorbeeld bekende of rijke ouders (artikel 2 en 16 Leerplichtwet)."
)
ONLY_EXEMPTION = _(
    "Niet naar school gaan kan alleen met een vrijstelling om een reden die de wet noemt (artikel 5, 5a en 15); wie "
    "de ouders zijn, telt daarbij niet."
)


@verdict_for("leerplicht_uitleg")
def explain(topic: str, facts: Facts, on: date, may_ask: bool) -> Reply | None:
    if facts.point != "scope":
        return None
    try:
        law = params(on)
    except LawNotKnown:
        return None
    return Reply(
        topic=topic,
        lines=(Message(EVERYONE), Message(ONLY_EXEMPTION)),
        citations=statute_first(["lpw:2", "lpw:16", "lpw:5", "lpw:5a", "lpw:15"]),
        facts=facts,
        law_date=law.on,
    )
