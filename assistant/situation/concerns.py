"""Verdicts that answer the point asked where one topic covers several: problems at school (bullying, a pupil who is
not listened to, keeping a child at home), worries about a child's safety (a school that sees signs, someone who
worries about a child who does not go to school), and a bezwaar against a schorsing or a verwijdering.

The point comes from the words of the question (`Facts.concerns`, situation.yml `concerns`, six languages) and
who asks (`Facts.role`); without a point that changes the general answer, the topic's own text answers (None).

Only what the sources hold is said: the school's duties on social safety, an anti-pest coordinator, a
vertrouwenspersoon, a klachtenregeling and the meldcode for schools are not in them, so the texts advise talking to
the school and offer a person (`Reply.handoff`) instead of naming such duties. Veilig Thuis and 112 rest on the
Rijksoverheid page (`src:veilig-thuis`); the leerplichtambtenaar's meldcode and supervision on art. 16; the jeugdarts
on the Twente schoolaanwezigheidskaart; schorsing and verwijdering on WVO 2020 art. 8.14 and 8.15 (voortgezet
onderwijs only) and the Awb's bezwaar term for a public school.
"""

from __future__ import annotations

from datetime import date

from assistant.i18n import Message, _
from assistant.knowledge.parameters import LawNotKnown, params
from assistant.situation.facts import Facts
from assistant.situation.verdict import Reply, statute_first, verdict_for

# -- problems at school --------------------------------------------------------------------------------------------

PESTEN = _(
    "Vertel de school meteen wat er gebeurt: eerst de leerkracht of mentor, daarna de intern begeleider of "
    "zorgcoördinator. Vraag wat de school tegen het pesten doet en bij wie uw kind op school terecht kan."
)
MEDIATE = _(
    "Komt u er samen niet uit? Dan kan de leerplichtambtenaar meedenken; in Enschede gaat leerplicht met ouders, "
    "jongeren en school in gesprek en bemiddelt waar nodig."
)
PESTEN_PERSON = _("Over de aanpak van pesten op school kunt u ook met een medewerker praten.")
NOT_HOME = _(
    "Houd uw kind niet thuis om het pesten: zonder geldige reden, zoals ziekte, is dat ongeoorloofd verzuim "
    "(artikel 11 Leerplichtwet)."
)
THUISHOUDEN = _(
    "Nee, alleen als uw kind ziek is. Meld het dan binnen {days} dagen ziek bij de school (artikel 11 onder d en "
    "artikel 12 Leerplichtwet). Thuisblijven omdat het op school moeilijk gaat, is ongeoorloofd verzuim."
)
THUISHOUDEN_NEXT = _(
    "Praat met de school over wat er moeilijk gaat. Heeft uw kind vaak klachten, zoals buikpijn? Vraag dan of de "
    "jeugdarts kan meekijken: scholen in Twente werken samen met de jeugdarts en leerplicht."
)
YOUNG_NOT_HEARD = _(
    "Luistert je mentor niet? Praat dan met iemand anders op school die je vertrouwt, zoals de intern begeleider, de "
    "zorgcoördinator of een andere docent. Je mag ook je ouders vragen om mee te gaan."
)
YOUNG_BULLIED = _(
    "Word je gepest? Vertel het aan iemand op school die je vertrouwt, zoals je mentor, de intern begeleider of de "
    "zorgcoördinator. Je mag ook je ouders vragen om mee te gaan."
)
YOUNG_TALK = _(
    "Praat met iemand op school die je vertrouwt, zoals je mentor, de intern begeleider of de zorgcoördinator. Je "
    "mag ook je ouders vragen om mee te gaan."
)
YOUNG_HOME = _(
    "Thuisblijven mag alleen als je ziek bent; dat wordt dan binnen {days} dagen bij de school gemeld (artikel 11 "
    "onder d en artikel 12 Leerplichtwet). Thuisblijven omdat het op school moeilijk gaat, is ongeoorloofd verzuim."
)
YOUNG_HELP = _(
    "Lukt het op school niet? Vraag of je met de jeugdarts kunt praten: scholen in Twente werken samen met de "
    "jeugdarts en leerplicht. Je kunt ook zelf contact opnemen met de leerplichtambtenaar van je gemeente."
)
YOUNG_PERSON = _("Je kunt hier ook met een medewerker praten.")

# -- safety ---------------------------------------------------------------------------------------------------------

SCHOOL_SAFETY = _(
    "Is de leerling in direct gevaar? Bel {emergency}. Bespreek het signaal anders met de collega die over "
    "leerlingenzorg gaat, en volg de meldcode of het stappenplan van uw school als die er is."
)
VEILIG_THUIS_ADVICE = _(
    "Voor advies of een melding belt u Veilig Thuis: {veilig_thuis}, gratis en dag en nacht bereikbaar."
)
SCHOOL_ABSENCE = _(
    "Blijft de leerling weg van school? Betrek dan ook de leerplichtambtenaar; die werkt met een meldcode voor "
    "signalen van huiselijk geweld en kindermishandeling (artikel 16 Leerplichtwet)."
)
WORRY_HOME = _(
    "Maakt u zich zorgen over hoe het thuis gaat? Bel Veilig Thuis voor advies of een melding: {veilig_thuis}, "
    "gratis en dag en nacht bereikbaar. Is er direct gevaar, bel dan {emergency}."
)
WORRY_ABSENCE = _(
    "Dat een kind (bijna) nooit naar school gaat, kunt u ook melden bij de leerplichtambtenaar van de gemeente waar "
    "het kind woont. De leerplichtambtenaar houdt toezicht op de leerplicht (artikel 16 Leerplichtwet)."
)

# -- schorsing and verwijdering (voortgezet onderwijs) ---------------------------------------------------------------

VERWIJDERING_BEZWAAR = _(
    "Ja. Tegen een besluit tot verwijdering kunt u binnen {weeks} weken bezwaar maken bij het schoolbestuur. Het "
    "bestuur beslist binnen {decision} weken. Eerst krijgen de leerling en, onder {age} jaar, de ouders de kans om "
    "gehoord te worden en de adviezen en rapporten in te zien (artikel 8.15 Wet voortgezet onderwijs 2020)."
)
VERWIJDERING_BEZWAAR_YOUNG = _(
    "Ja. Tegen een besluit tot verwijdering kunnen je ouders binnen {weeks} weken bezwaar maken bij het "
    "schoolbestuur. Het bestuur beslist binnen {decision} weken. Eerst krijg je de kans om gehoord te worden en de "
    "adviezen en rapporten in te zien (artikel 8.15 Wet voortgezet onderwijs 2020)."
)
VERWIJDERING_RULES = _(
    "Een leerplichtige leerling mag pas definitief van school als een andere school hem wil toelaten, en na overleg "
    "met de Inspectie van het Onderwijs; in die tijd kan hij geschorst zijn. Eerst krijgen de leerling en, onder {age} "
    "jaar, de ouders de kans om gehoord te worden (artikel 8.15 Wet voortgezet onderwijs 2020)."
)
VERWIJDERING_OBJECTION = _("Tegen het besluit is bezwaar mogelijk: binnen {weeks} weken, bij het schoolbestuur.")
VERWIJDERING_MUNICIPALITY = _(
    "Besluit de school tot verwijdering, dan meldt zij dat meteen aan de gemeente (artikel 18 Leerplichtwet). Zo kan "
    "leerplicht helpen zorgen dat uw kind niet zonder school komt te zitten."
)
SCHOOL_VERWIJDERING = _(
    "In het voortgezet onderwijs verwijdert u een leerplichtige leerling pas definitief als een andere school hem wil "
    "toelaten, na overleg met de Inspectie, en nadat de leerling en, onder {age} jaar, de ouders gehoord konden worden "
    "(artikel 8.15 Wet voortgezet onderwijs 2020)."
)
SCHOOL_VERWIJDERING_REPORT = _(
    "Meld het besluit meteen aan de gemeente (artikel 18 Leerplichtwet) en de definitieve verwijdering schriftelijk "
    "aan de Inspectie."
)
SCHOOL_VERWIJDERING_BEZWAAR = _(
    "Tegen de verwijdering kunnen de ouders binnen {weeks} weken bezwaar maken. Het schoolbestuur beslist binnen "
    "{decision} weken, nadat de leerling en, onder {age} jaar, de ouders de kans hebben gehad om gehoord te worden "
    "(artikel 8.15)."
)
SCHORSING_BEZWAAR = _(
    "De Wet voortgezet onderwijs 2020 regelt in artikel 8.14 geen bezwaar tegen een schorsing. Wel geeft de school "
    "het besluit schriftelijk en met de redenen. Kijk in de schoolgids of vraag de school hoe u bezwaar maakt of "
    "een klacht indient."
)
SCHORSING_VS_VERWIJDERING = _(
    "Tegen een verwijdering is wel bezwaar mogelijk: binnen {weeks} weken, bij het schoolbestuur (artikel 8.15)."
)
VO_ONLY = _("Deze regels gelden in het voortgezet onderwijs.")
NOT_VO = _(
    "Deze regels uit de Wet voortgezet onderwijs 2020 gelden alleen in het voortgezet onderwijs. Vraag voor de "
    "basisschool of het mbo de school of een medewerker welke regels gelden."
)

# the numbers of the Rijksoverheid page (src:veilig-thuis): no legal numbers, filled in as values
PHONES = {"emergency": "112", "veilig_thuis": "0800-2000"}
TWENTE_JEUGDARTS = (
    "src:triangel-schoolverzuim",
    "src:drie1-verzuimkaart",
    "src:hengelo-jaarverslag-leerplicht-2024-2025",
)


@verdict_for("problemen_op_school")
def school_problems(topic: str, facts: Facts, on: date, may_ask: bool) -> Reply | None:
    """A pupil asking gets the people to talk to; a parent asking whether the child may stay at home gets "only when
    ill"; a parent of a bullied child what to do at school and who mediates; anything else the topic's text."""
    asked = set(facts.concerns)
    if facts.role == "school":
        return None
    if facts.role == "young":
        return _young(topic, facts, on, asked)
    if "thuishouden" in asked:
        law = params(on)
        lines = (
            Message(THUISHOUDEN, {"days": law.leerplicht.ziekte_report_days.value}),
            Message(THUISHOUDEN_NEXT),
        )
        details = (Message(MEDIATE),) if "pesten" not in asked else (Message(PESTEN), Message(MEDIATE))
        citations = statute_first(
            ["lpw:11", "lpw:12", *TWENTE_JEUGDARTS, "src:enschede-toelichting-instructie-leerplicht"]
        )
        return Reply(topic, lines, citations, details=details, facts=facts, law_date=law.on)
    if "pesten" in asked:
        lines = (Message(PESTEN), Message(MEDIATE), Message(PESTEN_PERSON))
        citations = statute_first(["src:enschede-toelichting-instructie-leerplicht", "lpw:11"])
        return Reply(topic, lines, citations, details=(Message(NOT_HOME),), facts=facts, handoff=True)
    return None


def _young(topic: str, facts: Facts, on: date, asked: set[str]) -> Reply:
    """The pupil's own answer: whom to talk to (another person at school, the jeugdarts, the leerplichtambtenaar)."""
    lead = Message(YOUNG_NOT_HEARD if "niet_gehoord" in asked else YOUNG_BULLIED if "pesten" in asked else YOUNG_TALK)
    citations = [*TWENTE_JEUGDARTS, "src:enschede-toelichting-instructie-leerplicht"]
    if "thuishouden" in asked:  # "mag ik thuisblijven?": that answer first, whom to talk to next
        law = params(on)
        home = Message(YOUNG_HOME, {"days": law.leerplicht.ziekte_report_days.value})
        return Reply(
            topic,
            (home, lead),
            statute_first(["lpw:11", "lpw:12", *citations]),
            details=(Message(YOUNG_HELP),),
            facts=facts,
            law_date=law.on,
            topic_text=False,
            handoff=True,
        )
    lines = (lead, Message(YOUNG_HELP), Message(YOUNG_PERSON))
    return Reply(topic, lines, statute_first(citations), facts=facts, topic_text=False, handoff=True)


@verdict_for("veiligheid")
def safety(topic: str, facts: Facts, on: date, may_ask: bool) -> Reply | None:
    """A school that sees signs of violence at home: 112, the colleague for pupil care and the school's own steps,
    Veilig Thuis, and the leerplichtambtenaar when the pupil stays away. Someone worried about a child who (almost)
    never goes to school: Veilig Thuis for the home, the leerplichtambtenaar for the absence."""
    absent = "verzuim" in facts.concerns or facts.absence_kind in ("ongeoorloofd", "thuiszitter")
    if facts.role == "school":
        lines = [Message(SCHOOL_SAFETY, PHONES), Message(VEILIG_THUIS_ADVICE, PHONES)]
        absence = Message(SCHOOL_ABSENCE)
        if absent:
            lines.append(absence)
        citations = statute_first(["src:veilig-thuis", "lpw:16"])
        details = () if absent else (absence,)
        return Reply(topic, tuple(lines), citations, details=details, facts=facts, topic_text=False, handoff=True)
    if facts.role != "young" and absent:
        lines = (Message(WORRY_HOME, PHONES), Message(WORRY_ABSENCE))
        return Reply(topic, lines, statute_first(["src:veilig-thuis", "lpw:16"]), facts=facts)
    return None


def schorsing_point(facts: Facts, on: date, role: str) -> Reply | None:
    """A question about a bezwaar against a schorsing or a verwijdering, or about a verwijdering itself (called from
    `assistant.situation.absence` for the schorsing topic); None for any other schorsing question."""
    asked = set(facts.concerns)
    if "verwijdering" not in asked and not ("bezwaar" in asked and _suspended(facts)):
        return None
    try:
        law = params(on)
    except LawNotKnown:
        return None
    rule = law.schorsing
    values = {
        "weeks": rule.verwijdering_bezwaar_weeks.value,
        "decision": rule.verwijdering_decision_weeks.value,
        "age": rule.parents_informed_under_age.value,
    }
    scope = Message(NOT_VO) if facts.school_type in ("po", "mbo") else Message(VO_ONLY)
    details: list[Message] = []
    if "verwijdering" in asked and role == "school":
        lines = [Message(SCHOOL_VERWIJDERING, values), Message(SCHOOL_VERWIJDERING_REPORT)]
        details.append(Message(SCHOOL_VERWIJDERING_BEZWAAR, values))
        citations = ["wvo:8.15", "lpw:18", "awb:6:7"]
    elif "verwijdering" in asked and "bezwaar" in asked:
        lead = VERWIJDERING_BEZWAAR_YOUNG if role == "young" else VERWIJDERING_BEZWAAR
        lines = [Message(lead, values)]
        details += [Message(VERWIJDERING_RULES, values), Message(VERWIJDERING_MUNICIPALITY)]
        citations = ["wvo:8.15", "awb:6:7", "lpw:18"]
    elif "verwijdering" in asked:
        lines = [Message(VERWIJDERING_RULES, values), Message(VERWIJDERING_OBJECTION, values)]
        details.append(Message(VERWIJDERING_MUNICIPALITY))
        citations = ["wvo:8.15", "awb:6:7", "lpw:18"]
    else:
        lines = [Message(SCHORSING_BEZWAAR), Message(SCHORSING_VS_VERWIJDERING, values)]
        citations = ["wvo:8.14", "wvo:8.15", "lpw:11"]
    if role != "school" or facts.school_type in ("po", "mbo"):  # the school's text names voortgezet onderwijs itself
        lines.append(scope)
    return Reply(
        "schorsing",
        tuple(lines),
        statute_first(citations),
        details=tuple(details),
        facts=facts,
        law_date=law.on,
        topic_text=role != "school",  # the topic's own text speaks to a parent
        handoff=facts.school_type in ("po", "mbo"),
    )


def _suspended(facts: Facts) -> bool:
    return "schorsing" in facts.concerns or facts.absence_kind == "schorsing"
