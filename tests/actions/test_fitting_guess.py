"""An unsure classifier pick whose verdict does not use the facts of the message gives way to another of its best
guesses whose verdict does (`actions.answer._fitting_guess`): the facts and a guess are two signals. The real
topics, today 7 December 2026."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.answer import ActionAnswerTopic
from tests.actions.trackers import message_tracker

TODAY = date(2026, 12, 7)
pytestmark = pytest.mark.real_knowledge

WORRY = "Het jongetje van de overburen is bijna nooit op school en ik hoor daar vaak schreeuwen. Bij wie meld ik dat?"


def ask(text: str, ranking: list[tuple[str, float]]) -> dict[str, Any]:
    dispatcher = CollectingDispatcher()
    ActionAnswerTopic().run(dispatcher, message_tracker(text, ranking), {})
    return dispatcher.messages[0]


def test_a_worry_about_a_neighbours_child_is_answered_as_a_safety_worry() -> None:
    message = ask(WORRY, [("ask_verhuizen_buitenland", 0.56), ("ask_veiligheid", 0.29), ("ask_vrijstelling_5", 0.05)])
    assert message["custom"]["topic"] == "veiligheid"
    assert "Veilig Thuis" in message["text"] and "112" in message["text"]


def test_a_sure_pick_is_kept() -> None:
    message = ask(WORRY, [("ask_verhuizen_buitenland", 0.9), ("ask_veiligheid", 0.05)])
    assert message["custom"]["topic"] == "verhuizen_buitenland"


def test_an_unsure_pick_whose_verdict_uses_the_facts_is_kept() -> None:
    text = "Mogen we drie weken in oktober weg? Mijn man heeft een camping."
    message = ask(text, [("ask_verlof_vakantie", 0.5), ("ask_luxe_verzuim", 0.4)])
    assert message["custom"]["topic"] == "verlof_vakantie"


def test_an_unsure_pick_gives_way_to_the_topic_the_facts_point_to() -> None:
    message = ask(
        "ik ben 22 en sinds zes weken kom ik niet meer op mijn mbo-opleiding, weet de gemeente dat?",
        [("ask_vervangende_leerplicht", 0.46), ("ask_kwalificatieplicht", 0.3), ("ask_vrijstelling_15", 0.1)],
    )
    assert message["custom"]["topic"] == "verzuim_18plus"
    assert any("9.2.1" in citation["ref"] for citation in message["custom"]["citations"])
