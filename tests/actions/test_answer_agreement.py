"""The retrieval fallback answers when the classifier's best guess and the text retrieval agree on a topic."""

from __future__ import annotations

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.answer import ActionRetrievalFallback
from assistant.knowledge import get_knowledge_base


@pytest.fixture(autouse=True)
def use_fixture_kb(monkeypatch: pytest.MonkeyPatch) -> None:
    """These cases need the real topics, not the fixture knowledge base of the other action tests."""
    monkeypatch.setattr("actions.answer.get_knowledge_base", get_knowledge_base)


def tracker_for(text: str, ranking: list[tuple[str, float]], language: str = "nl") -> Tracker:
    latest = {
        "text": text,
        "intent": {"name": "nlu_fallback", "confidence": 0.45},
        "intent_ranking": [{"name": "nlu_fallback", "confidence": 0.45}]
        + [{"name": name, "confidence": confidence} for name, confidence in ranking],
        "entities": [],
        "metadata": {"language": language},
    }
    return Tracker("s1", {}, latest, [], False, None, {}, "action_listen")


def run(tracker: Tracker) -> tuple[list[dict], list]:
    dispatcher = CollectingDispatcher()
    events = ActionRetrievalFallback().run(dispatcher, tracker, {})
    return dispatcher.messages, events


def test_agreeing_signals_give_the_answer_with_citations():
    messages, events = run(tracker_for("Hoe lang duurt de kwalificatieplicht en wat is een startkwalificatie?",
                                       [("ask_kwalificatieplicht", 0.4), ("ask_leerplicht_leeftijd", 0.3)]))
    assert SlotSet("topic", "kwalificatieplicht") in events
    refs = [citation["ref"] for citation in messages[0]["custom"]["citations"]]
    assert any(ref.startswith("Leerplichtwet 1969, artikel 4") for ref in refs)


def test_disagreeing_signals_offer_buttons_and_a_person():
    messages, events = run(tracker_for("Hoe lang duurt de kwalificatieplicht en wat is een startkwalificatie?",
                                       [("ask_bezwaar", 0.4)]))
    assert events == []
    payloads = [button["payload"] for button in messages[0]["buttons"]]
    assert "/request_human" in payloads and "/ask_kwalificatieplicht" in payloads


def test_a_weak_guess_does_not_count():
    _messages, events = run(tracker_for("Hoe lang duurt de kwalificatieplicht en wat is een startkwalificatie?",
                                       [("ask_kwalificatieplicht", 0.05)]))
    assert events == []


def test_the_second_guess_counts_when_it_is_the_retrievals_best_topic():
    _messages, events = run(tracker_for("Hoe lang duurt de kwalificatieplicht en wat is een startkwalificatie?",
                                        [("ask_bezwaar", 0.3), ("ask_kwalificatieplicht", 0.2)]))
    assert SlotSet("topic", "kwalificatieplicht") in events


def test_a_third_guess_does_not_count():
    _messages, events = run(tracker_for("Hoe lang duurt de kwalificatieplicht en wat is een startkwalificatie?",
                                        [("ask_bezwaar", 0.3), ("ask_ziekte", 0.2), ("ask_kwalificatieplicht", 0.15)]))
    assert events == []


def test_agreement_in_another_language_answers_in_that_language():
    messages, events = run(tracker_for("Моя донька захворіла на грип, як повідомити школу?",
                                       [("ask_ziekte", 0.3), ("ask_vijfjarigen", 0.25)], language="uk"))
    assert SlotSet("topic", "ziekte") in events
    assert any("а" <= char <= "я" for char in messages[0]["text"])  # Ukrainian text, not Dutch
    assert any(c["ref"] == "Leerplichtwet 1969, artikel 11" for c in messages[0]["custom"]["citations"])
