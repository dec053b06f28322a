"""The school's registration answer (`assistant.situation.registration`): school staff who name the reason or kind
of a pupil's absence get how to register and report it first, in every language, never a text for parents."""

from __future__ import annotations

import re

import pytest

from assistant.i18n import Localiser
from assistant.knowledge import load_knowledge
from assistant.situation import read_facts
from assistant.situation.verdict import Reply, situational_reply
from tests.situation.helpers import TODAY, first_bubble, reply

TOPICS = ("meldplicht_verzuim", "thuiszitters", "ziekte", "in_uitschrijving")
FIRST_BUBBLE_MAX = 520  # the rule, the DUO category, the regional agreement and the officer, with the law's day
PARENT_WORDS = re.compile(r"\buw kind|\bals ouder|\bmijn kind", re.IGNORECASE)

PSYCHISCH = {
    "nl": "Hoe registreren we leerlingen met langdurig psychische klachten?",
    "en": "How do we register pupils with long-term mental health problems?",
    "uk": "Як нам реєструвати учнів з тривалими психічними проблемами?",
}
THUIS = {
    "nl": "Hoe registreren we leerlingen die thuis zitten, ingeschreven zijn en wachten op passend onderwijs?",
    "en": "How do we register pupils who stay at home, are enrolled and are waiting for a place in special education?",
    "pl": "Jak rejestrujemy uczniów, którzy siedzą w domu i czekają na miejsce w odpowiedniej szkole?",
}
LEFT = {
    "nl": "Een leerling is vertrokken zonder zich af te melden, mogen we hem uitschrijven?",
    "en": "A pupil left without deregistering, can we deregister him?",
    "tr": "Bir öğrenci kaydını sildirmeden ayrıldı, kaydını silebilir miyiz?",
}
WHEN = {
    "nl": "Wanneer moeten we verzuim melden?",
    "en": "When must we report absence to DUO?",
}


def everything(found: Reply, language: str = "nl") -> str:
    loc = Localiser(language)
    return first_bubble(found, language) + " " + " ".join(loc(line) for line in found.details)


def assert_school_answer(found: Reply, language: str = "nl") -> None:
    assert not found.is_question
    assert found.topic_text == (found.topic == "meldplicht_verzuim")  # a topic text for parents stays out
    assert not PARENT_WORDS.search(everything(found, language)), everything(found, language)
    if language == "nl":  # the Dutch source is kept short; a translation may be longer
        assert len(first_bubble(found)) <= FIRST_BUBBLE_MAX, first_bubble(found)
    load_knowledge(strict=False).resolve(found.citations)  # an unknown id raises


@pytest.mark.parametrize("language", sorted(PSYCHISCH))
def test_the_facts_of_each_school_question_are_read_in_every_language(language: str) -> None:
    for cases, case in ((PSYCHISCH, "psychisch"), (THUIS, "thuiszitter"), (LEFT, "vertrokken"), (WHEN, "wanneer")):
        if language not in cases:
            continue
        facts = read_facts(cases[language], language, today=TODAY)
        assert (facts.role, facts.school_case) == ("school", case), cases[language]


@pytest.mark.parametrize("topic", TOPICS)
def test_psychological_complaints_are_illness_not_reported_unless_in_doubt_or_agreed(topic: str) -> None:
    found = reply(topic, PSYCHISCH["nl"])
    text = first_bubble(found)
    assert text.startswith("Psychische klachten zijn ziekte, en dus geoorloofd verzuim (artikel 11 Leerplichtwet).")
    assert "De wet verplicht u niet om het bij DUO te melden." in text
    assert (
        "In Hengelo en Borne melden scholen langdurig ziekteverzuim wel, als 'Overig verzuim' (regionale afspraak)."
        in text
    )
    assert "'Overig verzuim'" in text and "jeugdarts van de GGD" in text
    assert "16 uur" not in text
    assert found.citations[0] == "lpw:11"
    assert {"src:duo-verzuim", "src:hengelo-jaarverslag-leerplicht-2024-2025"} <= set(found.citations)
    assert_school_answer(found)


def test_psychological_complaints_in_hengelo_follow_the_regional_agreement() -> None:
    found = reply("ziekte", "Hoe registreren we een leerling in Hengelo met langdurig psychische klachten?")
    text = first_bubble(found)
    assert text.startswith("Psychische klachten zijn ziekte, en dus geoorloofd verzuim")
    assert (
        "In Hengelo wordt langdurig ziekteverzuim sinds schooljaar 2024-2025 wel gemeld, als 'overig verzuim'" in text
    )
    assert any("Kies de verzuimsoort 'Overig verzuim'" in str(line) for line in found.details)
    assert_school_answer(found)


@pytest.mark.parametrize("language", ["en", "uk"])
def test_psychological_complaints_in_another_language(language: str) -> None:
    found = reply("ziekte", PSYCHISCH[language], language)
    assert str(found.lines[0]).startswith("Psychische klachten zijn ziekte, en dus geoorloofd verzuim")
    assert found.citations[0] == "lpw:11"
    assert_school_answer(found, language)


@pytest.mark.parametrize("topic", TOPICS)
def test_a_thuiszitter_waiting_for_passend_onderwijs_is_unauthorised_and_reported(topic: str) -> None:
    found = reply(topic, THUIS["nl"])
    text = first_bubble(found)
    assert text.startswith("Wachten op passend onderwijs is geen geldige reden om niet naar school te gaan")
    assert "'16 uur in 4 weken'" in text and "'Langdurig relatief verzuim (LRV)'" in text
    assert "Schrijf de leerling niet uit (artikel 10" in text and "leerplichtambtenaar" in text
    assert "Neem contact op met de school" not in text
    assert found.citations[:3] == ("lpw:11", "lpw:21a", "lpw:10")
    assert found.handoff
    assert_school_answer(found)


def test_a_thuiszitter_for_six_weeks_is_langdurig_relatief_verzuim() -> None:
    found = reply(
        "thuiszitters", "Onze leerling zit al 6 weken thuis en wacht op passend onderwijs, hoe melden we dat?"
    )
    assert str(found.lines[1]) == "Meld het bij DUO als 'Langdurig relatief verzuim (LRV)'."
    assert_school_answer(found)


@pytest.mark.parametrize("language", ["en", "pl"])
def test_a_thuiszitter_in_another_language(language: str) -> None:
    found = reply("thuiszitters", THUIS[language], language)
    assert str(found.lines[0]).startswith("Wachten op passend onderwijs is geen geldige reden")
    assert "lpw:11" in found.citations
    assert_school_answer(found, language)


@pytest.mark.parametrize("topic", TOPICS)
def test_a_pupil_who_left_without_notice_stays_enrolled_and_is_reported(topic: str) -> None:
    found = reply(topic, LEFT["nl"])
    text = first_bubble(found)
    assert text.startswith(
        "Nee. U mag een leerplichtige leerling alleen uitschrijven als hij op een andere school staat ingeschreven "
        "of een vrijstelling heeft (artikel 10 Leerplichtwet)."
    )
    assert "meldt u het verzuim bij DUO: als '16 uur in 4 weken' en, na meer dan 4 weken, als 'Langdurig" in text
    assert "spreek samen de volgende stappen af" in text
    assert found.citations[:2] == ("lpw:10", "lpw:21a") and "src:duo-uitschrijven" in found.citations
    assert any("binnen 7 dagen" in str(line) for line in found.details)
    assert found.handoff  # a person is offered
    assert_school_answer(found)


@pytest.mark.parametrize("language", ["en", "tr"])
def test_a_pupil_who_left_in_another_language(language: str) -> None:
    found = reply("in_uitschrijving", LEFT[language], language)
    assert str(found.lines[0]).startswith("Nee. U mag een leerplichtige leerling alleen uitschrijven")
    assert found.handoff and found.citations[0] == "lpw:10"
    assert_school_answer(found, language)


@pytest.mark.parametrize("language", sorted(WHEN))
def test_when_to_report_has_no_statutory_term_besides_the_threshold(language: str) -> None:
    found = reply("meldplicht_verzuim", WHEN[language], language)
    text = first_bubble(found)
    dutch = " ".join(str(line) for line in found.lines)
    assert dutch.startswith("De wet noemt één grens: 16 uur ongeoorloofd verzuim in vier aaneengesloten lesweken.")
    assert "De wet noemt geen termijn in dagen." in dutch
    # the 5 working days are a rule of thumb of secondary sources (the reference marks them so), never the Inspectie's
    assert "binnen 5 werkdagen" in dutch and "Dat staat niet in de wet" in dutch and "Inspectie" not in dutch
    assert found.citations[0] == "lpw:21a" and "src:kindindekijker-spijbelen" in found.citations
    assert text
    assert_school_answer(found, language)


def test_a_parent_still_gets_the_parent_answer() -> None:
    facts = read_facts("Mijn kind zit thuis en wacht op passend onderwijs, wat kan ik doen?", "nl", today=TODAY)
    assert facts.role == "parent"
    assert situational_reply("thuiszitters", facts, TODAY) is None  # the topic's own text answers a parent
    assert situational_reply("in_uitschrijving", facts, TODAY) is None


def test_a_school_naming_truancy_on_a_parent_topic_gets_the_melding_without_the_parent_text() -> None:
    found = reply("thuiszitters", "Onze leerling spijbelt al 6 weken, moeten we dat melden?")
    assert first_bubble(found).startswith("U moet dit verzuim melden bij DUO als langdurig relatief verzuim.")
    assert_school_answer(found)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Onze leerling zit thuis met griep, hoe registreren we dat?", "nl"),
        ("Our pupil stays at home sick, how do we register that?", "en"),
    ],
)
def test_a_pupil_at_home_with_an_illness_is_no_thuiszitter(text: str, language: str) -> None:
    found = reply("ziekte", text, language)
    assert str(found.lines[0]).startswith("Ziekte is geoorloofd verzuim (Leerplichtwet artikel 11).")
    assert found.facts.school_case is None
    assert_school_answer(found, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Wanneer mogen wij als school een leerling uitschrijven?", "nl"),
        ("When may we as a school deregister a pupil?", "en"),
    ],
)
def test_a_school_asking_about_deregistering_gets_no_verdict_but_the_topics_school_text(
    text: str, language: str
) -> None:
    """No case or kind of absence: the topic's text for school staff answers (`audiences` in in_uitschrijving.yml;
    tests/actions/test_answer_audience.py), not a verdict and not the parents' text."""
    facts = read_facts(text, language, today=TODAY)
    assert facts.role == "school"
    assert situational_reply("in_uitschrijving", facts, TODAY) is None
    school = load_knowledge(strict=False).topic("in_uitschrijving").audience_text("school")
    assert school is not None and school.short.startswith("U mag een leerplichtige leerling alleen uitschrijven")
    assert school.citations[0] == "lpw:10" and "src:duo-uitschrijven" in school.citations


# -- who is offered a person (the topic in_uitschrijving has `handoff: false`) ---------------------------------------

LEFT_UNSAID_ROLE = (
    "Een kind is met de noorderzon vertrokken, wat nu?",
    "Wat moet ik doen als een kind zonder afmelding vertrokken is?",
)


@pytest.mark.parametrize("text", LEFT_UNSAID_ROLE)
@pytest.mark.parametrize("topic", ["in_uitschrijving", "meldplicht_verzuim"])
def test_a_pupil_gone_without_deregistration_gets_a_person_in_every_topic_whoever_asks(topic: str, text: str) -> None:
    """An officer must act (art. 21a reports go on; enrolled nowhere else is absoluut verzuim, art. 22 lid 1): the
    same school answer with a person, asked under either topic and without saying who asks."""
    found = reply(topic, text)
    assert found.facts.role is None  # the role is not made up for the next turns
    assert str(found.lines[0]).startswith("Nee. U mag een leerplichtige leerling alleen uitschrijven")
    assert found.handoff
    assert found.citations[:2] == ("lpw:10", "lpw:21a")


def test_a_general_question_on_in_and_uitschrijving_gets_no_person() -> None:
    kb = load_knowledge(strict=False)
    assert not kb.topic("in_uitschrijving").handoff
    school = read_facts("Wanneer mogen wij als school een leerling uitschrijven?", "nl", today=TODAY)
    assert situational_reply("in_uitschrijving", school, TODAY) is None  # the school text, without a person
    parent = read_facts("Hoe schrijf ik mijn kind in op een nieuwe school?", "nl", today=TODAY)
    assert situational_reply("in_uitschrijving", parent, TODAY) is None  # the topic's text, without a person
