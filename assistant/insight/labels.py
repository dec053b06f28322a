"""Dutch labels for the officers' figures (the back office is Dutch only)."""

from __future__ import annotations

from functools import lru_cache

from babel import Locale

from assistant.cases.models import TRIGGER_LABELS
from assistant.i18n import translate
from assistant.insight import models as m

OUTCOME_LABELS = {
    m.OUTCOME_ANSWERED: "Beantwoord met een onderwerp",
    m.OUTCOME_MENU: "Niet zeker: onderwerpen voorgesteld",
    m.OUTCOME_FALLBACK: "Niet begrepen",
    m.OUTCOME_OUT_OF_SCOPE: "Buiten het onderwerp leerplicht",
    m.OUTCOME_HANDOFF: "Doorgezet naar een leerplichtambtenaar",
    m.OUTCOME_FORM: "Stap in een formulier (verlof, melding)",
    m.OUTCOME_OFFICER: "Bericht aan de leerplichtambtenaar (zaak open)",
    m.OUTCOME_OTHER: "Overig (groet, bedankje, taalkeuze)",
}
PSEUDO_TOPICS = {
    "verlof_aanvraag": "Verlof aanvragen (formulier)",
    "medewerker": "Vraagt om een medewerker",
}
NO_TOPIC = "Zonder onderwerp"
MELDING_CATEGORIES = {
    "16_uur": "16 uur of meer in 4 lesweken",
    "langdurig_relatief": "Langdurig relatief verzuim (LRV)",
    "luxe": "Luxe verzuim",
    "18_plus": "Verzuim 18+ (RMC)",
    "overig": "Overig verzuim",
    "geen": "Geen melding nodig",
}
MELDING_OBLIGATIONS = {
    "verplicht": "Verplicht",
    "regionaal_afgesproken": "Regionaal afgesproken",
    "niet_nodig": "Niet nodig",
}
VERLOF_KINDS = {
    "vakantie": "Vakantieverlof (art. 13a)",
    "gewichtige_omstandigheid": "Gewichtige omstandigheden (art. 14)",
    "religieus": "Religieuze verplichting (art. 13)",
}
VERLOF_STATUSES = {
    "submitted": "Wacht op beslissing",
    "approved": "Toegestaan",
    "refused": "Geweigerd",
    "notified": "Melding (geen beslissing nodig)",
    m.VERLOF_REFUSED_BY_RULE: "Niet ingediend: volgens de regels niet toegestaan",
}
DECIDERS = {"directeur": "Directeur", "leerplichtambtenaar": "Leerplichtambtenaar", "none": "Niemand (melding)"}
PRIORITIES = {"urgent": "Spoed (veiligheid)", "high": "Hoog (absoluut verzuim)", "normal": "Normaal"}


@lru_cache(maxsize=1)
def _topic_titles() -> dict[str, str]:
    try:
        from assistant.knowledge import get_knowledge_base

        kb = get_knowledge_base()
        from assistant.knowledge.ids import TOPIC_IDS

        return {tid: kb.topic(tid).title for tid in TOPIC_IDS if kb.has_topic(tid)}
    except Exception:  # the knowledge base does not load: ids are still readable
        return {}


def topic_label(topic: str | None) -> str:
    if not topic:
        return NO_TOPIC
    return _topic_titles().get(topic) or PSEUDO_TOPICS.get(topic) or topic


def language_label(code: str | None) -> str:
    name = Locale("nl").languages.get(code or "", code or "onbekend")
    return name[:1].upper() + name[1:]


def trigger_label(trigger: str) -> str:
    return TRIGGER_LABELS.get(trigger, trigger)


def case_outcome_label(outcome: str | None) -> str:
    from assistant.cases.service import OUTCOMES

    return translate(OUTCOMES[outcome], "nl") if outcome in OUTCOMES else "Nog niet gesloten"


def municipality_label(name: str | None) -> str:
    return name or "Onbekend"
