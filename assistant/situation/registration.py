"""The school's registration answer: how school staff register and report a pupil's absence when the message names
its reason or kind (illness, psychological complaints included; a thuiszitter waiting for passend onderwijs; a pupil
who left without deregistering) or asks when to report.

Whether the absence is geoorloofd, whether and as which DUO category it is reported, comes from the melding rules
(`assistant.rules.melding.evaluate_melding`, through `assistant.melding_facts.build_facts`); the regional
agreements and the municipalities they apply to from `knowledge/regions.yml`. What is added here is only the
sentence that leads (the reason's own rule, with its article) and when the leerplichtambtenaar is involved. The
texts address the school ("u", "de leerling"), never a parent; the own text of a topic written for parents is left
out (`Reply.topic_text`), its text for school staff is not (`assistant.situation.audience`). Called from
`assistant.situation.absence`.

A person is offered (`Reply.handoff`) where the leerplichtambtenaar must act: a thuiszitter, and a pupil who left
without being deregistered, whoever asks and in whichever topic (the school may not deregister him, art. 10, and
keeps reporting his absence, art. 21a; is he enrolled nowhere else, that is absoluut verzuim, which the
leerplichtambtenaar investigates, art. 22 lid 1). A general question on in- and uitschrijving is answered by the
topic's text for school staff (`audiences`) and needs no person (`knowledge/topics/in_uitschrijving.yml`:
`handoff: false`).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import ValidationError

from assistant.i18n import Message, _
from assistant.knowledge.parameters import LawNotKnown, params
from assistant.knowledge.regions import get_regions
from assistant.melding_facts import build_facts
from assistant.rules.melding import EXPLANATION, NOTE, MeldingDecision, evaluate_melding
from assistant.rules.melding import texts as melding_texts
from assistant.situation.facts import Facts
from assistant.situation.verdict import Reply, statute_first

SICKNESS_AGREEMENT = "langdurig-ziekteverzuim-gemeld"
OVERIG_AGREEMENT = "overig-verzuim-melden"
THUISZITTERSTAFEL = "thuiszitterstafel"

PSYCHISCH_LEAD = _(
    "Psychische klachten zijn ziekte, en dus geoorloofd verzuim (artikel 11 Leerplichtwet). De wet verplicht u niet "
    "om het bij DUO te melden."
)
SICK_REGIONAL = _(
    "In {municipalities} melden scholen langdurig ziekteverzuim wel, als '{category}' (regionale afspraak)."
)
SICK_DOUBT = _(
    "Twijfelt u of het verzuim geoorloofd is? Meld het dan als '{category}'. De leerplichtambtenaar kijkt dan mee, zo "
    "nodig met de jeugdarts van de GGD."
)
SICK_FREQUENT = _(
    "Wordt een leerling vaak ziek gemeld? Praat met de leerling en de ouders en vraag de jeugdarts van de GGD mee te "
    "denken."
)
SICK_EXEMPTION = _(
    "Kan de leerling door lichamelijke of psychische klachten langere tijd helemaal niet naar school? Bespreek dan "
    "met de leerplichtambtenaar of een vrijstelling mogelijk is (artikel 5 onder a Leerplichtwet)."
)
THUIS_LEAD = _(
    "Wachten op passend onderwijs is geen geldige reden om niet naar school te gaan (artikel 11 Leerplichtwet). "
    "Zolang de leerling bij u staat ingeschreven, is het ongeoorloofd verzuim."
)
REPORT_BOTH = _(
    "Meld het bij DUO: bij {limit} uur in {lesweken:words} aaneengesloten lesweken als '{sixteen}', en na meer dan "
    "{weeks} weken als '{lrv}'."
)
REPORT_AS = _("Meld het bij DUO als '{category}'.")
THUIS_OFFICER = _(
    "Schrijf de leerling niet uit (artikel 10 Leerplichtwet) en betrek de leerplichtambtenaar er zo vroeg mogelijk bij."
)
THUIS_TABLE = _(
    "Volgens het jaarverslag van Hengelo en Borne is er in Twente de Thuiszitterstafel. Professionals zoals Jeugd "
    "en Gezin en de schoolarts geven daar samen advies; daarna neemt een van hen de regie. Dit is een regionale "
    "afspraak."
)
TABLE_LEAD = _(
    "Aan de Thuiszitterstafel in Twente zitten professionals uit verschillende vakgebieden, zoals Jeugd en Gezin en de "
    "schoolarts. Samen geven zij advies; daarna neemt een van hen de regie (regionale afspraak, volgens het "
    "jaarverslag leerplicht van Hengelo en Borne)."
)
TABLE_HOW = _(
    "Hoe u een leerling inbrengt, staat niet in mijn bronnen: vraag het de leerplichtambtenaar of uw "
    "samenwerkingsverband passend onderwijs."
)
LEFT_LEAD = _(
    "Nee. U mag een leerplichtige leerling alleen uitschrijven als hij op een andere school staat ingeschreven of "
    "een vrijstelling heeft (artikel 10 Leerplichtwet)."
)
LEFT_REPORT = _(
    "Zolang de leerling bij u staat ingeschreven, meldt u het verzuim bij DUO: als '{sixteen}' en, na meer dan "
    "{weeks} weken, als '{lrv}'."
)
LEFT_OFFICER = _("Neem contact op met de leerplichtambtenaar en spreek samen de volgende stappen af.")
LEFT_DUO = _(
    "Volgens DUO schrijft u een leerling pas uit als u zeker weet dat hij naar een andere school gaat; een "
    "toezegging van de ouders is dan genoeg. Geef de uitschrijving binnen {days} dagen door aan DUO."
)
WHEN_LEAD = _(
    "De wet noemt één grens: {limit} uur ongeoorloofd verzuim in {lesweken:words} aaneengesloten lesweken. Dan "
    "meldt u het verzuim bij DUO (artikel 21a Leerplichtwet)."
)
WHEN_LOCAL = _("Uw gemeente kan andere afspraken hebben.")
WHEN_OTHERS = _("Ook '{lrv}' en '{luxe}' meldt u zo snel mogelijk. De wet noemt daarvoor geen termijn in dagen.")
WHEN_OVERIG = _(
    "In {municipalities} vraagt leerplicht scholen om ook '{category}' te melden, zo vroeg mogelijk. Dat is een "
    "regionale afspraak, geen wettelijke plicht."
)

CASES = ("psychisch", "thuiszitter", "vertrokken", "wanneer")
# topics whose own text speaks to a parent ("uw kind", "als ouder"): a school asker gets the verdict without it
PARENT_TEXT_TOPICS = ("ziekte", "thuiszitters", "in_uitschrijving")


def _decide(facts: Facts, on: date, **known: Any) -> MeldingDecision | None:
    """The melding rules' decision for the pupil of `facts`, with `known` (melding_facts keys) on top."""
    from assistant.situation.absence import melding_facts_of

    answers = {**melding_facts_of(facts), **known}
    long_term = bool(answers.pop("long_term_sickness", False))
    try:
        melding, _assumptions = build_facts(answers, on)
        if long_term:
            melding = melding.model_copy(update={"long_term_sickness": True})
        return evaluate_melding(melding, on=on)
    except (ValidationError, LawNotKnown):
        return None


def _category(decision: MeldingDecision | None) -> Message | None:
    return decision.texts.duo_category if decision is not None else None


def _scenarios(facts: Facts, on: date) -> tuple[dict[str, Any], list[str]] | None:
    """The DUO categories of unauthorised absence as the rules name them: 16 hours in 4 lesweken, and absence of
    more than the long-term weeks; with their citations."""
    melding = params(on).melding
    sixteen = _decide(facts, on, kind="ongeoorloofd", hours=melding.unauthorised_hours.value, weeks=0)
    lrv = _decide(facts, on, kind="ongeoorloofd", hours=0, weeks=melding.long_term_relative_weeks.value + 1)
    if sixteen is None or lrv is None or sixteen.category != "16_uur" or lrv.category != "langdurig_relatief":
        return None  # not leerplichtig (an 18-plus pupil): the general melding answer fits
    values = {
        "limit": melding.unauthorised_hours.value,
        "lesweken": melding.period_lesweken.value,
        "weeks": melding.long_term_relative_weeks.value,
        "sixteen": _category(sixteen),
        "lrv": _category(lrv),
    }
    return values, [*sixteen.citations, *lrv.citations]


# the age articles every melding decision cites; the answer's own articles come first without them
_AGE_ARTICLES = ("lpw:2", "lpw:3", "lpw:4a", "lpw:4b")


def _reply(topic: str, facts: Facts, on: date, lines: list[Message], citations: list[str], **more: Any) -> Reply:
    cited = statute_first(citations)
    return Reply(
        topic=topic,
        lines=tuple(lines),
        citations=tuple(c for c in cited if c not in _AGE_ARTICLES) + tuple(c for c in cited if c in _AGE_ARTICLES),
        facts=facts,
        law_date=params(on).on,
        topic_text=topic not in PARENT_TEXT_TOPICS,
        **more,
    )


def _sickness(topic: str, facts: Facts, on: date) -> Reply | None:
    long_term = bool(facts.long_term) or facts.school_case == "psychisch"
    decision = _decide(facts, on, kind="ziekte", long_term_sickness=long_term)
    if decision is None:
        return None
    regions = get_regions()
    agreement = regions.agreement(SICKNESS_AGREEMENT)
    overig = Message(melding_texts.DUO_CATEGORY["overig"])
    explanation = decision.messages(EXPLANATION)
    if facts.school_case == "psychisch" and explanation and explanation[0].template == melding_texts.SICK_ALLOWED:
        explanation = [Message(PSYCHISCH_LEAD), *explanation[1:]]
    # sick reports that keep coming: what the school can do first (talk, the jeugdarts), then how to register them
    lines = [Message(SICK_FREQUENT), *explanation] if facts.frequent else list(explanation)
    regional: list[Message] = []
    if decision.category == "geen" and not facts.suspected:
        regional.append(Message(SICK_REGIONAL, {"municipalities": list(agreement.applies_to), "category": overig}))
    if decision.category == "geen" and not facts.suspected:
        lines += [] if facts.frequent else regional
        lines.append(Message(SICK_DOUBT, {"category": overig}))
    details = [
        *(regional if facts.frequent else []),
        *decision.texts.checklist,
        *(note for note in decision.messages(NOTE) if note.template != melding_texts.NOTE_LONG_TERM_SICKNESS),
        Message(SICK_EXEMPTION),
    ]
    citations = [
        "lpw:11",
        *decision.citations,
        *agreement.citations,
        "src:duo-verzuim",
        "src:drie1-verzuimkaart",
        "lpw:5",
    ]
    return _reply(topic, facts, on, lines, citations, details=tuple(details))


def _thuiszitter(topic: str, facts: Facts, on: date) -> Reply | None:
    scenarios = _scenarios(facts, on)
    if scenarios is None:
        return None
    values, citations = scenarios
    lines = [Message(THUIS_LEAD)]
    details: list[Message] = []
    table = get_regions().agreement(THUISZITTERSTAFEL)
    if facts.asks_about == THUISZITTERSTAFEL:  # who sits at it: that first, the reporting behind "Meer uitleg"
        lines = [Message(TABLE_LEAD), Message(TABLE_HOW)]
        details = [Message(THUIS_LEAD), Message(REPORT_BOTH, values), Message(THUIS_OFFICER)]
        citations = [*table.citations, "lpw:11", "lpw:21a", "lpw:10", *citations, "src:duo-verzuim"]
        return _reply(topic, facts, on, lines, citations, details=tuple(details), handoff=True)
    weeks = facts.weeks_absent if facts.weeks_absent is not None else facts.weeks
    decision = _decide(facts, on, kind="ongeoorloofd") if facts.hours is not None or weeks is not None else None
    if decision is not None and decision.texts.duo_category is not None and decision.obligation == "verplicht":
        lines.append(Message(REPORT_AS, {"category": decision.texts.duo_category}))
        details += decision.messages(EXPLANATION)
        citations += decision.citations
    else:
        lines.append(Message(REPORT_BOTH, values))
    lines.append(Message(THUIS_OFFICER))
    details.append(Message(THUIS_TABLE))
    citations = ["lpw:11", "lpw:21a", "lpw:10", *citations, *table.citations, "src:duo-verzuim"]
    return _reply(topic, facts, on, lines, citations, details=tuple(details), handoff=True)


def _left(topic: str, facts: Facts, on: date) -> Reply | None:
    scenarios = _scenarios(facts, on)
    if scenarios is None:
        return None
    values, citations = scenarios
    lines = [Message(LEFT_LEAD), Message(LEFT_REPORT, values), Message(LEFT_OFFICER)]
    days = params(on).melding.in_uitschrijving_days
    details = (Message(LEFT_DUO, {"days": days.value}),)
    citations = ["lpw:10", "lpw:21a", *citations, "src:duo-verzuim", *days.citations]
    return _reply(topic, facts, on, lines, citations, details=details, handoff=True)


def _when(topic: str, facts: Facts, on: date) -> Reply | None:
    law = params(on).melding
    sixteen = _decide(facts, on, kind="ongeoorloofd", hours=law.unauthorised_hours.value, weeks=0)
    lrv = _decide(facts, on, kind="ongeoorloofd", hours=0, weeks=law.long_term_relative_weeks.value + 1)
    luxe = _decide(facts, on, kind="luxe_vermoeden")
    if sixteen is None or sixteen.category != "16_uur" or lrv is None or luxe is None:
        return None
    lines = [Message(WHEN_LEAD, {"limit": law.unauthorised_hours.value, "lesweken": law.period_lesweken.value})]
    lines += [text for text in (sixteen.texts.deadline, sixteen.texts.deadline_guidance) if text is not None]
    lines.append(Message(WHEN_LOCAL))
    overig = get_regions().agreement(OVERIG_AGREEMENT)
    details = (
        Message(WHEN_OTHERS, {"lrv": _category(lrv), "luxe": _category(luxe)}),
        Message(
            WHEN_OVERIG,
            {
                "municipalities": list(overig.applies_to),
                "category": Message(melding_texts.DUO_CATEGORY["overig"]),
            },
        ),
    )
    citations = [
        "lpw:21a",
        "wrod:12",
        *sixteen.citations,
        "src:kindindekijker-spijbelen",
        *overig.citations,
    ]
    return _reply(topic, facts, on, lines, citations, details=details)


def registration(topic: str, facts: Facts, on: date) -> Reply | None:
    """The school's registration answer for the case or kind of absence in `facts`, or None when the message names
    neither (the general melding answer, or the topic's text, answers it)."""
    try:
        params(on)
    except LawNotKnown:
        return None
    case = facts.school_case
    away = bool(facts.long_term) or facts.weeks_absent is not None or facts.months is not None
    if case == "vertrokken" or (case is None and away and "uitschrijven" in facts.concerns):
        return _left(topic, facts, on)  # long away, "mogen we hem uitschrijven?": the same answer
    if case == "thuiszitter":
        return _thuiszitter(topic, facts, on)
    if case == "psychisch" or facts.absence_kind == "ziekte":
        return _sickness(topic, facts, on)
    plain = facts.absence_kind in (None, "ongeoorloofd")
    counted = facts.hours is not None or facts.weeks_absent is not None or facts.late_count is not None
    if case == "wanneer" and plain and not counted and topic == "meldplicht_verzuim":
        return _when(topic, facts, on)
    return None  # a school's general question on in- and uitschrijving: the topic's text for school staff
