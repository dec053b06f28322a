"""The fixed vocabularies shared by the knowledge base, Rasa and the gateway."""

from __future__ import annotations

TOPIC_IDS: tuple[str, ...] = (
    "leerplicht_leeftijd",
    "kwalificatieplicht",
    "vijfjarigen",
    "ziekte",
    "religieuze_feestdag",
    "verlof_vakantie",
    "verlof_gewichtige_omstandigheden",
    "luxe_verzuim",
    "bezwaar",
    "vrijstelling_5",
    "vrijstelling_5a",
    "vrijstelling_15",
    "vervangende_leerplicht",
    "meldplicht_verzuim",
    "verzuim_18plus",
    "in_uitschrijving",
    "boete_school",
    "thuiszitters",
    "leerplichtambtenaar",
    "veiligheid",
    "nieuwkomers",
    "schorsing",
    "voortijdig_schoolverlaten",
    "problemen_op_school",
    "leerplicht_uitleg",
    "soorten_verzuim",
    "absoluut_verzuim",
    "verhuizen_buitenland",
    "schoolkeuze",
    "passend_onderwijs",
    "familie_graden",
    "gegevens_delen",
    "geoorloofd_verzuim",
)

GEBEURTENISSEN: tuple[str, ...] = (
    "huwelijk",
    "overlijden",
    "ernstige_ziekte",
    "verhuizing",
    "jubileum",
    "gezinsuitbreiding",
    "religieuze_verplichting",
    "wettelijke_verplichting",
    "overig",
)

# The subjects a question can ask about that a topic answers with a variant of its own, besides the events: a variant
# keyed by one of these ids is the topic's answer when the question asks about it ("Mag ik mijn kind thuisonderwijs
# geven?"). The question's subject is read with its other facts (`asks_about`, assistant/locale/situation.yml); a
# subject may also lead a verdict ("wie zitten aan de thuiszitterstafel?": `assistant.situation.registration`). A long
# trip comes first: "een wereldreis en zelf lesgeven" asks whether the trip may be made, not about home education.
ASKED_SUBJECTS: tuple[str, ...] = ("reis", "thuisonderwijs", "online_school", "taal", "wachttijd", "thuiszitterstafel")

INTENT_PREFIX = "ask_"


def intent_for_topic(topic_id: str) -> str:
    return f"{INTENT_PREFIX}{topic_id}"


def topic_id_for_intent(intent_name: str) -> str | None:
    """`ask_ziekte` -> `ziekte`; None for an intent that does not name a topic."""
    if not intent_name.startswith(INTENT_PREFIX):
        return None
    topic_id = intent_name[len(INTENT_PREFIX) :]
    return topic_id if topic_id in TOPIC_IDS else None
