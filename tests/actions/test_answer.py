"""The answer actions, driven with rasa_sdk's Tracker and CollectingDispatcher against the fixture topics."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import ActionExecutor, CollectingDispatcher

from actions.answer import (
    HUMAN_BUTTON,
    NO_MATCH_TEXT,
    SUGGESTIONS_TEXT,
    ActionAnswerTopic,
)
from actions.fallback import ActionRetrievalFallback


def _tracker(
    intent: str,
    text: str = "",
    entities: list[dict[str, Any]] | None = None,
    **slots: Any,
) -> Tracker:
    return Tracker(
        sender_id="test-sender",
        slots={"topic": None, "gebeurtenis": None, **slots},
        latest_message={
            "text": text,
            "intent": {"name": intent, "confidence": 0.9},
            "intent_ranking": [{"name": intent, "confidence": 0.9}],
            "entities": entities or [],
        },
        events=[],
        paused=False,
        followup_action=None,
        active_loop={},
        latest_action_name="action_listen",
    )


def _event(value: str) -> list[dict[str, Any]]:
    return [{"entity": "gebeurtenis", "value": value, "start": 0, "end": 1}]


def _run(action: Any, tracker: Tracker) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    dispatcher = CollectingDispatcher()
    events = action.run(dispatcher, tracker, {})
    (message,) = dispatcher.messages
    return message, events


def test_answers_the_topic_of_the_intent_with_citations_and_buttons() -> None:
    message, events = _run(ActionAnswerTopic(), _tracker("ask_verlof_vakantie", "mag ik eerder op vakantie"))
    assert message["text"].startswith("Alleen als uw beroep een gezinsvakantie in de schoolvakanties onmogelijk")
    # The first bubble is the direct answer; the steps and details wait behind "Meer uitleg".
    assert "Wat kunt u doen?" not in message["text"]
    assert message["custom"]["details"].startswith("Wat kunt u doen?")
    assert message["buttons"] == [
        {"title": "Vrij voor een bijzondere gebeurtenis", "payload": "/ask_verlof_gewichtige_omstandigheden"},
        {"title": "Verlof aanvragen", "payload": "/request_verlof"},  # the form, after the rule
    ]
    assert message["custom"]["topic"] == "verlof_vakantie"
    assert message["custom"]["citations"][0] == {
        "ref": "Leerplichtwet 1969, artikel 13a",
        "url": "https://wetten.overheid.nl/BWBR0002628/2024-01-01#Artikel13a",
    }
    assert [c["ref"] for c in message["custom"]["citations"]][1:] == [
        "Leerplichtwet 1969, artikel 11",
        "Voorbeeldgemeente – Richtlijn verlof wegens gewichtige omstandigheden",
    ]
    assert events == [SlotSet("topic", "verlof_vakantie"), SlotSet("gebeurtenis", None)]


def test_inside_a_form_only_the_short_answer_is_given_so_the_forms_question_stays_in_view() -> None:
    tracker = _tracker("ask_verlof_vakantie", "mag ik eerder op vakantie?")
    tracker.active_loop = {"name": "verlof_form"}
    message, _events = _run(ActionAnswerTopic(), tracker)
    assert message["text"].startswith("Alleen als uw beroep een gezinsvakantie in de schoolvakanties onmogelijk")
    assert "Wat kunt u doen?" not in message["text"] and message["buttons"] == []
    assert message["custom"]["citations"][0]["ref"] == "Leerplichtwet 1969, artikel 13a"


def test_event_entity_selects_the_variant() -> None:
    tracker = _tracker("ask_verlof_gewichtige_omstandigheden", "vrij voor een bruiloft?", _event("huwelijk"))
    message, events = _run(ActionAnswerTopic(), tracker)
    assert message["text"].startswith("Voor een huwelijk in de familie geeft de directeur als richtlijn 1 schooldag")
    assert message["custom"]["citations"][0]["ref"] == (
        "Voorbeeldgemeente – Richtlijn verlof wegens gewichtige omstandigheden"
    )
    assert events == [SlotSet("topic", "verlof_gewichtige_omstandigheden"), SlotSet("gebeurtenis", "huwelijk")]


def test_followup_keeps_the_previous_topic_with_the_new_event() -> None:
    tracker = _tracker(
        "ask_followup",
        "en voor een begrafenis?",
        _event("overlijden"),
        topic="verlof_gewichtige_omstandigheden",
        gebeurtenis="huwelijk",
    )
    message, events = _run(ActionAnswerTopic(), tracker)
    assert message["text"].startswith("Bij een overlijden in het gezin geeft de directeur als richtlijn 5 schooldagen")
    assert message["custom"]["topic"] == "verlof_gewichtige_omstandigheden"
    assert events == [SlotSet("topic", "verlof_gewichtige_omstandigheden"), SlotSet("gebeurtenis", "overlijden")]


def test_followup_without_entity_uses_the_event_slot() -> None:
    tracker = _tracker(
        "ask_followup", "en hoe vraag ik dat aan?", topic="verlof_gewichtige_omstandigheden", gebeurtenis="huwelijk"
    )
    message, _events = _run(ActionAnswerTopic(), tracker)
    assert message["text"].startswith("Voor een huwelijk in de familie")


def test_a_new_topic_ignores_an_event_left_over_from_another_topic() -> None:
    tracker = _tracker(
        "ask_verlof_gewichtige_omstandigheden", "extra vrij?", topic="verlof_vakantie", gebeurtenis="huwelijk"
    )
    message, events = _run(ActionAnswerTopic(), tracker)
    assert message["text"].startswith("Voor een bijzondere gebeurtenis, zoals een huwelijk of een overlijden")
    assert events[1] == SlotSet("gebeurtenis", None)


def test_event_without_a_variant_gives_the_general_answer() -> None:
    tracker = _tracker("ask_verlof_gewichtige_omstandigheden", "we verhuizen", _event("verhuizing"))
    message, events = _run(ActionAnswerTopic(), tracker)
    assert message["text"].startswith("Voor een bijzondere gebeurtenis")
    assert events == [SlotSet("topic", "verlof_gewichtige_omstandigheden"), SlotSet("gebeurtenis", None)]


def test_handoff_topic_offers_a_person() -> None:
    message, _events = _run(ActionAnswerTopic(), _tracker("ask_thuiszitters", "mijn kind zit thuis"))
    assert message["buttons"] == [HUMAN_BUTTON]
    assert HUMAN_BUTTON == {"title": "Met een medewerker praten", "payload": "/request_human"}
    assert message["custom"]["citations"] == [
        {"ref": "Leerplichtwet 1969, artikel 22", "url": "https://wetten.overheid.nl/BWBR0002628/2024-01-01#Artikel22"}
    ]


@pytest.mark.parametrize(
    "tracker",
    [
        _tracker("ask_followup", "en dan?"),  # no previous topic
        _tracker("ask_bezwaar", "ik ben het er niet mee eens"),  # a fixed topic without a topic file
    ],
)
def test_answer_without_a_known_topic_falls_back_to_suggestions(tracker: Tracker) -> None:
    message, events = _run(ActionAnswerTopic(), tracker)
    assert message["text"] == NO_MATCH_TEXT
    assert message["buttons"] == [HUMAN_BUTTON]
    assert events == []


def test_fallback_offers_matching_topics_and_a_person() -> None:
    tracker = _tracker("nlu_fallback", "Mag mijn dochter een paar dagen vrij voor een bruiloft of vakantie?")
    message, events = _run(ActionRetrievalFallback(), tracker)
    assert message["text"] == SUGGESTIONS_TEXT
    assert message["buttons"][0] == {
        "title": "Vrij voor een bijzondere gebeurtenis",
        "payload": "/ask_verlof_gewichtige_omstandigheden",
    }
    assert 2 <= len(message["buttons"]) <= 4
    assert message["buttons"][-1] == HUMAN_BUTTON
    assert events == [SlotSet("unclear", True)]  # a second unclear message offers a person


@pytest.mark.parametrize("text", ["Wat is de hoofdstad van Frankrijk?", "/some_payload", ""])
def test_fallback_without_match_says_so_in_one_sentence_and_offers_only_a_person(text: str) -> None:
    """Something the assistant does not cover gets no menu of unrelated topics: one sentence and a person."""
    message, _events = _run(ActionRetrievalFallback(), _tracker("nlu_fallback", text))
    assert message["text"] == NO_MATCH_TEXT == "Daar kan ik u niet mee helpen; wilt u met een medewerker praten?"
    assert message["buttons"] == [HUMAN_BUTTON]


def test_actions_are_registered_with_the_executor() -> None:
    executor = ActionExecutor()
    executor.register_package("actions")
    assert {"action_answer_topic", "action_retrieval_fallback"} <= set(executor.actions)
