"""Leave questions about a relative through the real answer actions: the held-out question that fell to a menu
("Mijn tante overleed plotseling ... vooraf niks kunnen aanvragen") is answered in its topic even when the classifier
is unsure and guesses elsewhere, and the first bubble says what to do now (art. 14 lid 2) and the relative's degree;
a degree question gets yes or no."""

from __future__ import annotations

from datetime import date

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.answer import ActionAnswerTopic
from actions.fallback import ActionRetrievalFallback
from tests.actions.trackers import message_tracker

TODAY = date(2026, 12, 6)
pytestmark = pytest.mark.real_knowledge
AUNT = (
    "Mijn tante overleed plotseling en we zijn meteen naar België gereden, ik heb dus vooraf niks kunnen aanvragen. "
    "Wat moet ik nu doen richting school?"
)


def answer(text: str, ranking: list[tuple[str, float]], action: object) -> dict:
    dispatcher = CollectingDispatcher()
    action.run(dispatcher, message_tracker(text, ranking, sender="family"), {})  # type: ignore[attr-defined]
    (message,) = dispatcher.messages
    return message


def test_the_aunt_question_is_answered_not_a_menu_when_the_classifier_is_unsure() -> None:
    ranking = [("nlu_fallback", 0.45), ("ask_ziekte", 0.2), ("ask_verhuizen_buitenland", 0.15), ("inform", 0.1)]
    message = answer(AUNT, ranking, ActionRetrievalFallback())
    assert message["custom"]["topic"] == "verlof_gewichtige_omstandigheden"
    assert "fallback" not in message["custom"]
    text = message["text"]
    assert text.startswith("Meld de reden zo snel mogelijk aan de directeur: binnen 2 dagen")
    assert "(artikel 14 Leerplichtwet)" in text
    assert "een tante van u een oudtante: familie in de 4e graad" in text
    assert "tot 5 schooldagen" in text and "Dit kan per gemeente verschillen." in text
    refs = [citation["ref"] for citation in message["custom"]["citations"]]
    assert refs[0] == "Leerplichtwet 1969, artikel 14"
    assert message["custom"]["situation"]["facts"]["leave_asked"] == "afterwards"


def test_the_grandpa_question_through_the_topic_action() -> None:
    text = (
        "Opa is gisteren overleden en de uitvaart is vrijdag. Moet ik daar nog toestemming voor vragen of mag mijn "
        "zoon gewoon thuisblijven?"
    )
    message = answer(text, [("ask_verlof_gewichtige_omstandigheden", 0.9)], ActionAnswerTopic())
    first = message["text"]
    assert first.startswith("Uw kind mag niet zomaar thuisblijven: vraag vooraf verlof aan de directeur.")
    assert "een opa familie in de 2e graad" in first and "in de tweede graad 2 schooldagen" in first
    assert len(first) <= 470
    assert "Op 11 december 2026 is er één schooldag." in message["custom"]["details"]


def test_a_degree_question_through_the_topic_action() -> None:
    message = answer("Is een achterneef familie in de 3e graad?", [("ask_familie_graden", 0.9)], ActionAnswerTopic())
    assert message["text"].startswith("Nee. Vanaf het kind geteld is een achterneef familie in de 4e of 5e graad.")
    assert message["custom"]["topic"] == "familie_graden"
    assert "details" in message["custom"]  # the topic's own text behind "Meer uitleg"
