"""The melding_form adapters: validate_melding_form reads facts and asks only what is missing; the outcome action
gives the decision with sources, a checklist and an offer to consult an officer."""

from __future__ import annotations

import asyncio
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.melding import (
    ASK_AGE,
    ASK_KIND,
    ASK_SCHOOL_TYPE,
    CONSULT_OFFER_ADVISED,
    INTRO,
    NOT_UNDERSTOOD,
    ActionMeldingOutcome,
    ValidateMeldingForm,
    assessment_for,
    case_facts,
)
from assistant.clock import today
from assistant.i18n.formatting import format_date


def tracker(
    text: str, intent: str = "inform_melding", active: bool = True, language: str = "nl", **slots: Any
) -> Tracker:
    return Tracker(
        sender_id="school-1",
        slots=slots,
        latest_message={
            "text": text,
            "intent": {"name": intent, "confidence": 0.9},
            "entities": [],
            "metadata": {"language": language},
        },
        events=[],
        paused=False,
        followup_action=None,
        active_loop={"name": "melding_form"} if active else {},
        latest_action_name="action_listen",
    )


def validate(t: Tracker) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ValidateMeldingForm().run(dispatcher, t, {}))
    return {e["name"]: e["value"] for e in events}, dispatcher.messages


def test_a_complete_first_message_needs_no_question() -> None:
    slots, messages = validate(
        tracker(
            "Wij zijn een middelbare school. Een leerling van 14 heeft de afgelopen 3 weken 18 lesuren gespijbeld.",
            intent="check_melding",
            active=False,
        )
    )
    assert slots["melding_school_type"] == "vo" and slots["melding_age"] == 14 and slots["melding_hours"] == 18
    assert slots["melding_kind"] == "ongeoorloofd" and slots["melding_weeks"] == 0
    assert slots["requested_slot"] is None and messages == []


def test_activation_clears_an_earlier_check_and_asks_the_first_missing_fact() -> None:
    slots, [message] = validate(
        tracker("moet ik dit melden?", intent="check_melding", active=False, melding_age=17, melding_kind="ziekte")
    )
    assert slots["melding_age"] is None and slots["melding_kind"] is None
    assert slots["requested_slot"] == "melding_school_type"
    assert message["text"] == f"{INTRO}\n\n{ASK_SCHOOL_TYPE}"
    assert [b["payload"] for b in message["buttons"]] == ["po", "vo", "mbo", "weet ik niet"]


def test_an_answer_fills_the_asked_fact_and_the_next_question_follows() -> None:
    slots, [message] = validate(tracker("vo", requested_slot="melding_school_type"))
    assert slots == {"melding_school_type": "vo", "requested_slot": "melding_age"}
    assert message["text"] == ASK_AGE


def test_weet_ik_niet_is_accepted() -> None:
    slots, [message] = validate(tracker("weet ik niet", requested_slot="melding_age", melding_school_type="vo"))
    assert slots["melding_age"] == "onbekend" and slots["requested_slot"] == "melding_kind"
    assert message["text"] == ASK_KIND


def test_an_unreadable_answer_is_asked_again() -> None:
    slots, [message] = validate(tracker("pff lastig", requested_slot="melding_age", melding_school_type="vo"))
    assert slots == {"melding_age": None, "requested_slot": "melding_age"}
    assert message["text"] == f"{NOT_UNDERSTOOD}\n\n{ASK_AGE}"


def test_an_impossible_number_is_asked_again() -> None:
    slots, [message] = validate(
        tracker(
            "250", requested_slot="melding_hours", melding_school_type="vo", melding_age=14, melding_kind="ongeoorloofd"
        )
    )
    assert slots["melding_hours"] is None and "kan niet kloppen" in message["text"]


def test_a_request_for_a_person_leaves_the_form_to_the_rules() -> None:
    slots, messages = validate(
        tracker("ik wil een medewerker", intent="request_human", requested_slot="melding_age", melding_school_type="vo")
    )
    assert slots == {} and messages == []


def test_hours_are_asked_in_the_unit_of_the_school_type() -> None:
    _slots, [message] = validate(
        tracker("ongeoorloofd", requested_slot="melding_kind", melding_school_type="po", melding_age=9)
    )
    assert "klokuren" in message["text"]


def test_questions_are_translated() -> None:
    _slots, [message] = validate(tracker("vo", requested_slot="melding_school_type", language="en"))
    assert message["text"] == "How old is the pupil? Type the age in years, for example 14."
    assert message["buttons"] == [{"title": "I don't know", "payload": "weet ik niet"}]


def run_outcome(**slots: Any) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    dispatcher = CollectingDispatcher()
    events = ActionMeldingOutcome().run(dispatcher, tracker("", active=False, **slots), {})
    return dispatcher.messages, events


def test_the_outcome_has_decision_sources_checklist_and_a_consult_offer() -> None:
    messages, events = run_outcome(
        melding_school_type="vo", melding_age=14, melding_kind="ongeoorloofd", melding_hours=18, melding_weeks=0
    )
    outcome, checklist, offer = messages
    # A short first bubble: the outcome with the kind of melding (its first line, shown emphasised by the chat page),
    # the rule and the day whose law applied; the rest behind "Meer uitleg".
    assert outcome["text"].split("\n")[0] == (
        "Uitkomst: u moet dit melden bij DUO. Soort melding bij DUO: 16 uur in 4 weken"
    )
    assert outcome["custom"]["headline"] is True
    assert "De leerling heeft in vier aaneengesloten lesweken 18 lesuren ongeoorloofd gemist." in outcome["text"]
    assert outcome["text"].endswith("Dit is de wet zoals die geldt op " + format_date(today(), "nl") + ".")
    assert len(outcome["text"]) <= 470
    details = outcome["custom"]["details"]
    assert "zo snel mogelijk" in details
    assert "artikel 27" in details  # the head's fine risk
    refs = [c["ref"] for c in outcome["custom"]["citations"]]
    assert "Leerplichtwet 1969, artikel 21a" in refs and "Leerplichtwet 1969, artikel 27" in refs
    assert checklist["text"].startswith("Checklist om over te nemen:\n- Meld via")
    assert "Begindatum van het verzuim" in checklist["text"]
    assert [b["payload"] for b in offer["buttons"]] == ["/request_human", "/check_melding"]
    assert {e["name"]: e["value"] for e in events} == {"handoff_reason": "user_request", "handoff_context": "melding"}


def test_an_outcome_built_on_assumptions_says_what_to_check() -> None:
    messages, _events = run_outcome(
        melding_school_type="vo",
        melding_age=15,
        melding_kind="ongeoorloofd",
        melding_hours="onbekend",
        melding_weeks="onbekend",
    )
    details = messages[0]["custom"]["details"]
    assert "Controleer dit nog:" in details and "Ik reken met 16 uur" in details


def test_long_absence_advises_a_consult_and_marks_the_rules_trigger() -> None:
    messages, events = run_outcome(
        melding_school_type="mbo",
        melding_age=19,
        melding_startkwalificatie=False,
        melding_kind="ongeoorloofd",
        melding_weeks=6,
    )
    assert messages[2]["text"] == CONSULT_OFFER_ADVISED
    assert {"event": "slot", "timestamp": None, "name": "handoff_reason", "value": "rules_need_officer"} in events


def test_not_needed_outcome() -> None:
    messages, _events = run_outcome(melding_school_type="po", melding_age=8, melding_kind="verlof")
    assert messages[0]["text"].startswith("Uitkomst: een melding bij DUO is niet nodig.")


def test_case_facts_and_assessment_for_the_officer() -> None:
    known = {"school_type": "vo", "age": 14, "kind": "ongeoorloofd", "hours": 18, "weeks": 0, "municipality": "borne"}
    facts = case_facts(known)
    assert facts["melding_hours"] == 18 and facts["role"] == "school" and facts["town"] == "Borne"
    assessment = assessment_for(known)
    assert assessment is not None and assessment["obligation"] == "verplicht"
    assert any(c["ref"] == "Leerplichtwet 1969, artikel 21a" for c in assessment["citations"])
    assert assessment_for({"school_type": "vo"}) is None  # incomplete


def activation_tracker(text: str, intent: str, language: str = "nl", **slots: Any) -> Tracker:
    """The tracker as Rasa 3.6 hands it to the validation at activation: the form is the active loop already and
    its activation event follows the user message."""
    return Tracker(
        sender_id="school-1",
        slots={"requested_slot": None, **slots},
        latest_message={
            "text": text,
            "intent": {"name": intent, "confidence": 1.0},
            "entities": [],
            "metadata": {"language": language},
        },
        events=[
            {"event": "user", "text": "eerder"},
            {"event": "active_loop", "name": "melding_form"},
            {"event": "active_loop", "name": None},
            {"event": "user", "text": text},
            {"event": "active_loop", "name": "melding_form"},
        ],
        paused=False,
        followup_action=None,
        active_loop={"name": "melding_form"},
        latest_action_name="action_listen",
    )


def test_a_second_check_in_the_same_conversation_starts_clean() -> None:
    first = {
        "melding_school_type": "vo",
        "melding_age": 14,
        "melding_kind": "ongeoorloofd",
        "melding_hours": 18,
        "melding_weeks": 0,
    }
    for text, intent in (("/check_melding", "check_melding"), ("Nog een leerling controleren", "check_melding")):
        slots, [message] = validate(activation_tracker(text, intent, **first))
        assert all(slots[name] is None for name in first), slots
        assert slots["requested_slot"] == "melding_school_type"
        assert message["text"] == f"{INTRO}\n\n{ASK_SCHOOL_TYPE}"
    slots, _messages = validate(
        activation_tracker("Een leerling van 9 op de basisschool heeft 20 uur gespijbeld", "check_melding", **first)
    )
    assert (slots["melding_school_type"], slots["melding_age"], slots["melding_hours"]) == ("po", 9, 20)


def test_facts_given_at_once_get_the_outcome_at_once() -> None:
    slots, messages = validate(
        activation_tracker(
            "Een leerling uit klas 2 heeft deze maand 17 lesuren gespijbeld. Moeten wij dat melden?", "check_melding"
        )
    )
    assert slots["melding_hours"] == 17 and slots["melding_school_type"] == "vo"
    assert slots["melding_age"] == "onbekend" and slots["requested_slot"] is None  # no question before the answer
    assert messages == []


def test_a_question_in_english_is_read_too() -> None:
    slots, _messages = validate(
        activation_tracker(
            "Our pupil aged 14 missed 20 hours without a reason in the last four weeks. Do we have to report it?",
            "check_melding",
            language="en",
        )
    )
    assert slots["melding_age"] == 14 and slots["melding_hours"] == 20
    assert slots["requested_slot"] is None
