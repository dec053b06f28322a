"""A parent who names the child's health in a question about exemption gets ground (a) of art. 5 alone: exempt from
enrolment while the child cannot go to school for physical or psychological reasons, notified (not asked) to the
municipality, with the statement of an appointed doctor, pedagogue or psychologist no older than the parameter's
months (art. 7); the check by the leerplichtambtenaar in the details (the yearly notice, art. 6, is the topic's step).
Read in six languages; a school, or a question without a health fact, gets the topic's own text."""

from __future__ import annotations

import pytest

from assistant.i18n import Localiser
from assistant.knowledge.parameters import params
from assistant.situation import read_facts
from assistant.situation.verdict import situational_reply
from tests.situation.helpers import TODAY, first_bubble, reply

TOPIC = "vrijstelling_5"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("nl", "Onze zoon is zwaar gehandicapt, hoe vragen we vrijstelling aan?"),
        ("nl", "Mijn dochter heeft een angststoornis en kan niet naar school, kan ik vrijstelling krijgen?"),
        ("nl", "Ons kind is chronisch ziek. Geldt er dan een vrijstelling van de leerplicht?"),
        ("en", "My son is disabled and cannot go to school. How do we get an exemption?"),
        ("ar", "ابني لديه إعاقة ولا يستطيع الذهاب إلى المدرسة، كيف نحصل على إعفاء؟"),
        ("uk", "Мій син має інвалідність, як отримати звільнення від навчання?"),
        ("tr", "Oğlum engelli, okuldan muafiyet nasıl alınır?"),
        ("pl", "Mój syn jest niepełnosprawny, jak uzyskać zwolnienie?"),
    ],
)
def test_a_health_fact_gets_ground_a_with_the_statement(language: str, text: str) -> None:
    found = reply(TOPIC, text, language)
    bubble = first_bubble(found, language)
    months = params(TODAY).leerplicht.vrijstelling_statement_max_age_months.value
    assert "artikel 5 onder a" in bubble and "artikel 7" in bubble
    assert str(months) in bubble
    assert found.citations[:3] == ("lpw:5", "lpw:7", "lpw:6")
    assert found.handoff
    assert len(first_bubble(reply(TOPIC, text, language), "nl")) <= 470


def test_the_dutch_verdict_notifies_and_names_who_makes_the_statement() -> None:
    found = reply(TOPIC, "Mijn kind is meervoudig beperkt. Hoe regel ik een vrijstelling?")
    bubble = first_bubble(found)
    assert "vrijgesteld van de inschrijving" in bubble
    assert "geen toestemming" in bubble and "gemeente" in bubble
    assert "niet de eigen behandelaar" in bubble
    details = " ".join(Localiser("nl")(line) for line in found.details)
    assert "leerplichtambtenaar controleert" in details


@pytest.mark.parametrize(
    "text",
    [
        "Mag ik mijn kind thuisonderwijs geven?",
        "Wanneer moet ik een vrijstelling aanvragen?",
        "Een leerling van ons is chronisch ziek, mogen we hem uitschrijven als de ouders vrijstelling hebben?",
    ],
)
def test_without_a_health_fact_or_from_a_school_the_topic_answers(text: str) -> None:
    assert situational_reply(TOPIC, read_facts(text, "nl", today=TODAY), TODAY) is None


def test_a_verdict_that_says_where_to_notify_needs_no_step_after_it() -> None:
    """A question "Hoe regelen we dat?" asks the procedure; the verdict gives it, so no step of the topic repeats it."""
    from assistant.knowledge.passages import answering_passages

    question = "Onze dochter is meervoudig beperkt en kan niet naar school. Hoe regelen we een vrijstelling?"
    found = reply(TOPIC, question)
    answered = " ".join(Localiser("nl")(line) for line in found.lines)
    assert answering_passages(question, TOPIC, answered=answered) == ()
    assert answering_passages(question, TOPIC)  # without the verdict, the step that says how is chosen
