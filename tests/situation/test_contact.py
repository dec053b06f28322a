"""The contact of leerplicht or the Doorstroompunt for a municipality (assistant/situation/contact.py), from the one
regional table: a question that asks how to reach someone gets the contact of the town named, or one question (which
municipality) with a button per municipality."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from assistant.i18n import translate
from assistant.situation import Facts, read_facts
from assistant.situation.verdict import situational_reply

TODAY = date(2026, 12, 7)
CONTACT = Facts(contact=True)


def _dutch(reply) -> str:
    return " ".join(translate(line, "nl") for line in reply.lines)


@pytest.mark.parametrize(
    ("text", "language", "town"),
    [
        ("Hoe bereik ik de leerplichtambtenaar in Hengelo?", "nl", "hengelo"),
        ("Wie is onze contactpersoon bij leerplicht? Wij zitten in Borne.", "nl", "borne"),
        ("How can I contact the attendance officer in Enschede?", "en", "enschede"),
        ("Як зв'язатися з Doorstroompunt в Hengelo?", "uk", "hengelo"),
    ],
)
def test_a_question_for_a_contact_is_read_with_its_town(text: str, language: str, town: str) -> None:
    facts = read_facts(text, language, today=TODAY)
    assert facts.contact is True and facts.municipality == town


def test_a_question_without_contact_words_asks_for_no_contact() -> None:
    assert read_facts("Wat doet een leerplichtambtenaar eigenlijk?", "nl", today=TODAY).contact is None


def test_the_contact_of_a_municipality_that_runs_its_own_leerplicht() -> None:
    reply = situational_reply("leerplichtambtenaar", replace(CONTACT, municipality="hengelo"), TODAY)
    assert reply is not None and not reply.is_question
    assert _dutch(reply) == "Bel de gemeente Hengelo op 14 074 en vraag naar de afdeling leerplicht."
    assert reply.citations[0] == "lpw:16" and "src:hengelo-voortijdig-schoolverlaten" in reply.citations


def test_a_town_whose_leerplicht_another_municipality_runs_gets_that_contact() -> None:
    reply = situational_reply("leerplichtambtenaar", replace(CONTACT, municipality="Borne"), TODAY)
    assert reply is not None
    assert _dutch(reply).startswith("De gemeente Hengelo doet de leerplicht ook voor Borne. Bel de gemeente Hengelo")
    school = situational_reply("leerplichtambtenaar", replace(CONTACT, municipality="Borne", role="school"), TODAY)
    assert school is not None and "vaste contactpersoon voor een aantal middelbare scholen" in _dutch(school)


def test_uncertain_routing_is_told_as_uncertain_and_an_unverified_number_is_never_shown() -> None:
    reply = situational_reply("leerplichtambtenaar", replace(CONTACT, municipality="Dinkelland"), TODAY)
    assert reply is not None
    text = _dutch(reply)
    assert text.startswith("Wie de leerplicht in Dinkelland doet, staat niet zeker vast.")
    assert "leerplicht@enschede.nl" in text and "14 053" not in text  # the Enschede number is not verified
    assert "src:enschede-handhaving-losser-oldenzaal-dinkelland" in reply.citations


def test_the_doorstroompunt_of_a_town_and_of_an_area_a_municipality_serves() -> None:
    enschede = situational_reply("voortijdig_schoolverlaten", replace(CONTACT, municipality="enschede"), TODAY)
    assert enschede is not None
    assert _dutch(enschede) == "Mail het Doorstroompunt (voorheen RMC) van de gemeente Enschede: rmc@enschede.nl."
    hof = situational_reply("verzuim_18plus", replace(CONTACT, municipality="hof van twente"), TODAY)
    assert hof is not None
    assert _dutch(hof) == (
        "Jongeren uit Hof van Twente kunnen terecht bij het Doorstroompunt van de gemeente Hengelo. Bel het "
        "Doorstroompunt (voorheen RMC) van de gemeente Hengelo op 14 074 of mail naar rmc.trajectbureau@hengelo.nl."
    )
    losser = situational_reply("voortijdig_schoolverlaten", replace(CONTACT, municipality="Losser"), TODAY)
    assert losser is not None and _dutch(losser).startswith("De bronnen noemen geen Doorstroompunt voor Losser.")


def test_without_a_town_the_one_question_is_which_municipality() -> None:
    reply = situational_reply("leerplichtambtenaar", CONTACT, TODAY)
    assert reply is not None and reply.asks == "municipality"
    towns = [choice.facts.municipality for choice in reply.choices[:-1]]
    assert towns == ["Hengelo", "Borne", "Enschede", "Losser", "Oldenzaal", "Dinkelland"]
    assert all(choice.facts.contact for choice in reply.choices)
    assert "municipality" in reply.choices[-1].facts.unknown  # another municipality
    doorstroompunt = situational_reply("voortijdig_schoolverlaten", CONTACT, TODAY)
    assert doorstroompunt is not None
    assert [c.facts.municipality for c in doorstroompunt.choices[:-1]] == ["Hengelo", "Borne", "Enschede",
                                                                            "Hof van Twente"]  # fmt: skip
    # asked once: without the town after that, the topic's own text answers
    assert situational_reply("leerplichtambtenaar", CONTACT, TODAY, may_ask=False) is None


def test_a_young_person_is_asked_for_their_municipality_as_je() -> None:
    young = replace(CONTACT, role="young")
    for topic in ("leerplichtambtenaar", "voortijdig_schoolverlaten"):
        reply = situational_reply(topic, young, TODAY)
        assert reply is not None and reply.asks == "municipality"
        assert _dutch(reply).startswith("In welke gemeente woon je? Dan geef ik je het contact van")
    parent = situational_reply("leerplichtambtenaar", CONTACT, TODAY)
    assert parent is not None and _dutch(parent).startswith("Om welke gemeente gaat het? Dan geef ik u")


def test_another_municipality_gets_the_rule_that_every_municipality_has_officers() -> None:
    reply = situational_reply("leerplichtambtenaar", replace(CONTACT, unknown=("municipality",)), TODAY)
    assert reply is not None and "artikel 16 Leerplichtwet" in _dutch(reply) and reply.citations == ("lpw:16",)


def test_only_contact_questions_in_the_contact_topics_are_answered_here() -> None:
    assert situational_reply("leerplichtambtenaar", Facts(municipality="hengelo"), TODAY) is None
    assert situational_reply("bezwaar", replace(CONTACT, municipality="hengelo"), TODAY) is None
    # a young person under 18 leaving school: the kwalificatieplicht first, not the Doorstroompunt
    young = situational_reply("voortijdig_schoolverlaten", replace(CONTACT, age=16, role="young"), TODAY)
    assert young is not None and young.asks is None and "kwalificatieplichtig" in _dutch(young)
