"""What a question asks where one topic answers several points (`Facts.concerns`, situation.yml `concerns`), read
in six languages, and the verdicts that pick their text by it (`assistant.situation.concerns`, `exemptions`): short,
cited with resolvable ids, and silent (the topic's own text) when no point is asked."""

from __future__ import annotations

import pytest

from assistant.knowledge import load_knowledge
from assistant.situation import read_facts
from assistant.situation.facts import Facts
from assistant.situation.verdict import situational_reply
from tests.situation.helpers import TODAY, first_bubble, reply


@pytest.mark.parametrize(
    ("language", "text", "points"),
    [
        ("nl", "Mijn dochter wordt gepest in de klas", {"pesten"}),
        ("en", "My daughter is being bullied at school", {"pesten"}),
        ("ar", "ابنتي تتعرض للتنمر في المدرسة", {"pesten"}),
        ("uk", "Мою доньку цькують у школі", {"pesten"}),
        ("tr", "Kızım okulda zorbalığa uğruyor", {"pesten"}),
        ("pl", "Moja córka jest nękana w szkole", {"pesten"}),
        ("nl", "Mag ik hem een paar dagen thuishouden?", {"thuishouden"}),
        ("ar", "هل يمكنني أن أبقيه في البيت؟", {"thuishouden"}),
        ("tr", "Onu evde tutabilir miyim?", {"thuishouden"}),
        ("pl", "Czy mogę zostawić go w domu?", {"thuishouden"}),
        ("uk", "Чи можу я залишити його вдома?", {"thuishouden"}),
        ("en", "Can I keep him home for a few days?", {"thuishouden"}),
        ("nl", "De school wil mijn dochter definitief verwijderen. Kan ik bezwaar maken?", {"verwijdering", "bezwaar"}),
        ("en", "The school wants to expel my son. Can I appeal?", {"verwijdering", "bezwaar"}),
        ("tr", "Okul oğlumu okuldan atmak istiyor, itiraz edebilir miyim?", {"verwijdering", "bezwaar"}),
        ("uk", "Школа хоче виключити сина. Чи можу я оскаржити?", {"verwijdering", "bezwaar"}),
        ("ar", "المدرسة تريد طرد ابني. هل يمكنني الاعتراض؟", {"verwijdering", "bezwaar"}),
        ("pl", "Szkoła chce usunąć syna ze szkoły. Czy mogę się odwołać?", {"verwijdering", "bezwaar"}),
        ("nl", "Mogen we hem uitschrijven? Het is een woonwagenfamilie.", {"uitschrijven", "woonwagen"}),
        ("en", "Can we deregister a pupil from a caravan family?", {"uitschrijven", "woonwagen"}),
        ("nl", "Ze gaat bijna nooit naar school", {"verzuim"}),
        ("en", "She hardly goes to school", {"verzuim"}),
    ],
)
def test_the_point_asked_is_read_in_every_language(language: str, text: str, points: set[str]) -> None:
    assert set(read_facts(text, language, today=TODAY).concerns) == points


def test_ordinary_absence_words_are_no_point() -> None:
    """'verzuim' and 'spijbelen' are in most questions about absence: they are read as the kind of absence, not as a
    point asked (which a conversation's facts would otherwise carry everywhere)."""
    assert read_facts("Een leerling van 14 heeft 16 uur verzuim, moeten wij melden?", "nl", today=TODAY).concerns == ()
    assert read_facts("Mijn zoon heeft 20 uur gespijbeld", "nl", today=TODAY).concerns == ()


def test_the_point_asked_survives_the_situation_json() -> None:
    facts = Facts(role="parent", concerns=("pesten", "thuishouden"))
    assert Facts.from_json(facts.to_json()) == facts


def test_a_pupil_mentioning_their_mentor_or_being_bullied_asks_for_themselves() -> None:
    assert read_facts("mijn mentor luistert niet", "nl", today=TODAY).role == "young"
    assert read_facts("I'm being bullied at school", "en", today=TODAY).role == "young"
    assert read_facts("Mijn dochter zegt dat haar mentor niet luistert", "nl", today=TODAY).role == "parent"


CASES = [
    ("problemen_op_school", "Mijn dochter wordt gepest. Wat kan ik doen?"),
    ("problemen_op_school", "Mag ik mijn zoon thuishouden? Hij heeft buikpijn."),
    ("problemen_op_school", "mijn mentor luistert niet, met wie kan ik praten?"),
    ("problemen_op_school", "ik word gepest, mag ik thuisblijven?"),
    ("veiligheid", "Een leerling vertelde dat hij thuis geslagen wordt. Wat moeten wij doen?"),
    ("veiligheid", "Onze leerling gaat niet naar school en vertelde dat hij thuis geslagen wordt."),
    ("veiligheid", "Het buurmeisje gaat bijna nooit naar school. Waar kan ik dat melden?"),
    ("schorsing", "De school wil mijn dochter verwijderen. Kan ik bezwaar maken?"),
    ("schorsing", "ik word van school verwijderd, kan ik in bezwaar?"),
    ("schorsing", "Mijn zoon is geschorst. Kan ik bezwaar maken?"),
    ("schorsing", "Wij willen een leerling verwijderen. Wat moeten we doen?"),
    ("vrijstelling_5a", "Wij reizen met het circus. Moeten de kinderen ingeschreven staan?"),
    ("vrijstelling_5a", "Wij wonen in een woonwagen. Geldt de vrijstelling voor ons?"),
    ("vrijstelling_5a", "Mogen we een leerling van een kermisfamilie uitschrijven?"),
    ("vrijstelling_15", "Een leerling van 16 gaat naar een opleidingscentrum. Mogen we hem uitschrijven?"),
    ("vrijstelling_15", "ik ben 17 en wil een opleiding bij mijn werkgever volgen, kan ik vrijstelling krijgen?"),
]


@pytest.mark.parametrize(("topic", "text"), CASES)
def test_every_point_verdict_is_short_cited_and_resolves(topic: str, text: str) -> None:
    found = reply(topic, text)
    assert not found.is_question
    assert len(first_bubble(found)) <= 470, first_bubble(found)
    assert found.citations
    load_knowledge(strict=False).resolve(found.citations)  # an unknown id raises


@pytest.mark.parametrize(
    ("topic", "text"),
    [
        ("problemen_op_school", "Mijn kind heeft dyslexie, welke hulp kan de school geven?"),
        ("veiligheid", "Ik maak me zorgen over huiselijk geweld bij de buren."),
        ("schorsing", "Mijn zoon is een week geschorst. Mag dat?"),
        ("vrijstelling_5a", "Is er een uitzondering voor circusfamilies?"),
        ("vrijstelling_15", "Mijn zoon van 17 volgt een opleiding bij een profclub. Moet hij nog naar het mbo?"),
    ],
)
def test_without_a_point_the_topic_text_answers(topic: str, text: str) -> None:
    found = situational_reply(topic, read_facts(text, "nl", today=TODAY), TODAY)
    assert found is None or (found.topic_text and "wet voortgezet onderwijs 2020 regelt" not in first_bubble(found))
