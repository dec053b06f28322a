"""A pupil who stays away from school out of fear ("ze is te bang", "durft niet meer", the `angst` case of
`absence_cases`): help first, then what the absence is under the law (called from `assistant.situation.absence`).

- School staff: talk with the pupil and the parents and ask the jeugdarts of the GGD to think along (the Twentse
  kaart schoolaanwezigheid: `src:triangel-schoolverzuim`, `src:drie1-verzuimkaart`); a pupil who has been at home a
  long time can be brought to the Thuiszitterstafel (regional, `src:hengelo-jaarverslag-leerplicht-2024-2025`). Then:
  illness, psychological complaints too, is geoorloofd when the parents report it (art. 11 onder d, 12); otherwise
  the school reports the absence (art. 21a).
- A parent: the mentor or zorgcoördinator at school and the jeugdarts, and the leerplichtambtenaar, with whom help
  comes first when there are problems behind the absence (the Methodische Aanpak Schoolverzuim, `src:ingrado-mas`);
  a child who is ill, psychologically too, is reported ill (art. 11, 12).

Nothing here says how long or whether the fear is an illness: that is for the jeugdarts and the parents to say.
"""

from __future__ import annotations

from datetime import date

from assistant.i18n import Message, _
from assistant.knowledge.parameters import LawNotKnown, params
from assistant.situation.facts import Facts
from assistant.situation.registration import PARENT_TEXT_TOPICS
from assistant.situation.verdict import Reply, statute_first

SCHOOL_HELP = _(
    "Komt een leerling uit angst niet naar school? Zoek eerst hulp: praat met de leerling en de ouders en vraag de "
    "jeugdarts van de GGD mee te denken. Bij lang thuiszitten kunt u de leerling inbrengen bij de Thuiszitterstafel in "
    "Twente (regionale afspraak)."
)
SCHOOL_STATUS = _(
    "Melden de ouders de leerling ziek, ook om psychische klachten, dan is het geoorloofd verzuim (artikel 11 "
    "Leerplichtwet); anders meldt u het bij DUO (artikel 21a)."
)
SCHOOL_SUPPORT = _(
    "Kan uw school de ondersteuning niet bieden? Neem dan contact op met uw samenwerkingsverband passend onderwijs, en "
    "betrek de leerplichtambtenaar er zo vroeg mogelijk bij."
)
PARENT_HELP = _(
    "Durft uw kind uit angst niet naar school? Zoek dan eerst hulp: praat met de mentor of de zorgcoördinator van de "
    "school, en vraag of uw kind met de jeugdarts van de GGD kan praten. Ook de leerplichtambtenaar denkt mee; bij "
    "problemen achter het verzuim staat hulp voorop."
)
PARENT_STATUS = _(
    "Is uw kind ziek, ook door psychische klachten? Meld het dan ziek bij de school; dan is het geoorloofd verzuim "
    "(artikel 11 en 12 Leerplichtwet)."
)
PARENT_SUPPORT = _(
    "Vraag ook het samenwerkingsverband passend onderwijs of het ouder- en jeugdsteunpunt om mee te denken. In Twente "
    "is er de Thuiszitterstafel: professionals zoals Jeugd en Gezin en de schoolarts geven daar samen advies."
)

_TWENTE = ("src:triangel-schoolverzuim", "src:drie1-verzuimkaart", "src:hengelo-jaarverslag-leerplicht-2024-2025")


def anxious(topic: str, facts: Facts, on: date, role: str) -> Reply | None:
    """Help first for a pupil who stays away out of fear, then what the absence is; None for a young person (the
    topic's own text answers them)."""
    try:
        law = params(on)
    except LawNotKnown:
        return None
    if role == "school":
        lines = (Message(SCHOOL_HELP), Message(SCHOOL_STATUS))
        details = (Message(SCHOOL_SUPPORT),)
        citations = ["lpw:11", "lpw:21a", *_TWENTE, "src:duo-verzuim"]
    elif role == "parent":
        lines = (Message(PARENT_HELP), Message(PARENT_STATUS))
        details = (Message(PARENT_SUPPORT),)
        citations = ["lpw:11", "lpw:12", *_TWENTE, "src:ingrado-mas"]
    else:
        return None
    return Reply(
        topic=topic,
        lines=lines,
        citations=statute_first(citations),
        details=details,
        facts=facts,
        law_date=law.on,
        topic_text=not (role == "school" and topic in PARENT_TEXT_TOPICS),  # a parents' text stays out of a school's
        handoff=True,
    )
