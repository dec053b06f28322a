"""The verdict on whom leerplicht applies to (`leerplicht_uitleg`, asked as "geldt leerplicht ook voor kinderen van
bekende of rijke ouders?", "is iedereen leerplichtig?": `Facts.point` "scope"): every child living or staying in the
Netherlands, whoever the parents are (Leerplichtwet art. 2, 16 lid 3); and time off school, a holiday in school time
too, goes by the same rules for every child (art. 11, 13a), with the same report and proces-verbaal without leave
(art. 22). Other questions of the topic are answered by its own text. Pure.
"""

from __future__ import annotations

from datetime import date

from assistant.i18n import Message, _
from assistant.knowledge.parameters import LawNotKnown, params
from assistant.situation.facts import Facts
from assistant.situation.verdict import Reply, statute_first, verdict_for

EVERYONE = _(
    "De leerplicht geldt voor ieder kind dat in Nederland woont of verblijft, wie de ouders ook zijn (artikel 2 en 16 "
    "Leerplichtwet)."
)
SAME_LEAVE = _(
    "Vrij van school krijgt ieder kind alleen om een reden uit de wet; op vakantie buiten de schoolvakanties alleen "
    "met verlof van de directeur, als het beroep van een ouder dat nodig maakt (artikel 11 en 13a). Zonder verlof "
    "meldt de school het en kan proces-verbaal volgen (artikel 22)."
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
        lines=(Message(EVERYONE), Message(SAME_LEAVE)),
        citations=statute_first(["lpw:2", "lpw:16", "lpw:11", "lpw:13a", "lpw:22"]),
        facts=facts,
        law_date=law.on,
    )
