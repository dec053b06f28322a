"""Handoff adapters: the offer names the trigger and asks consent; handoff_form asks only name, contact, school and
town; action_create_case opens the case through create_from_conversation and tells reference and queue."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import select

from actions.handoff import (
    ASK_CONTACT,
    ASK_NAME,
    ASK_SCHOOL,
    ASK_TOWN,
    BAD_CONTACT,
    CASE_FAILED,
    DECLINED,
    DECLINED_SAFETY,
    OFFER_MISUNDERSTOOD,
    OFFER_RULES,
    OFFER_SAFETY,
    OFFER_USER_REQUEST,
    ActionCreateCase,
    ActionHandoffDeclined,
    ActionOfferHandoff,
    ValidateHandoffForm,
    read_answer,
)


def tracker(
    text: str = "",
    intent: str = "inform_contact",
    active: bool = False,
    events: list | None = None,
    language: str = "nl",
    sender: str = "web-handoff",
    **slots: Any,
) -> Tracker:
    return Tracker(
        sender_id=sender,
        slots=slots,
        latest_message={
            "text": text,
            "intent": {"name": intent, "confidence": 0.9},
            "entities": [],
            "metadata": {"language": language},
        },
        events=events or [],
        paused=False,
        followup_action=None,
        active_loop={"name": "handoff_form"} if active else {},
        latest_action_name="action_listen",
    )


def offer(t: Tracker) -> tuple[dict[str, Any], str]:
    dispatcher = CollectingDispatcher()
    [event] = ActionOfferHandoff().run(dispatcher, t, {})
    [message] = dispatcher.messages
    assert [b["payload"] for b in message["buttons"]] == ["/affirm", "/deny"]
    assert "Wilt u dat ik uw vraag doorgeef?" in message["text"]
    return message, event["value"]


@pytest.mark.parametrize(
    ("t", "trigger", "lead"),
    [
        (tracker("ik wil een mens", "request_human"), "user_request", OFFER_USER_REQUEST),
        (tracker("mijn vader slaat mij", "safety_signal"), "safety_signal", OFFER_SAFETY),
        (tracker("???", "nlu_fallback"), "repeated_misunderstanding", OFFER_MISUNDERSTOOD),
        (
            tracker("/request_human", "request_human", handoff_reason="rules_need_officer"),
            "rules_need_officer",
            OFFER_RULES,
        ),
    ],
)
def test_the_offer_says_what_happens_and_asks_consent(t: Tracker, trigger: str, lead: str) -> None:
    message, found = offer(t)
    assert found == trigger and message["text"].startswith(lead)
    assert "naam, hoe u bereikbaar bent" in message["text"]


def test_a_handoff_topic_answered_just_before_is_a_rules_trigger() -> None:
    events = [
        {"event": "user", "text": "zit thuis"},
        {"event": "action", "name": "action_answer_topic"},
        {"event": "action", "name": "action_listen"},
        {"event": "user", "text": "/request_human"},
    ]
    _message, trigger = offer(tracker("/request_human", "request_human", events=events, topic="thuiszitters"))
    assert trigger == "rules_need_officer"


def test_declining_resets_and_repeats_the_safety_numbers_after_a_signal() -> None:
    dispatcher = CollectingDispatcher()
    events = ActionHandoffDeclined().run(dispatcher, tracker(handoff_trigger="safety_signal"), {})
    assert dispatcher.messages[0]["text"] == DECLINED_SAFETY and "0800-2000" in DECLINED_SAFETY
    assert all(e["value"] is None for e in events)
    dispatcher = CollectingDispatcher()
    ActionHandoffDeclined().run(dispatcher, tracker(handoff_trigger="user_request"), {})
    assert dispatcher.messages[0]["text"] == DECLINED


def validate(t: Tracker) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ValidateHandoffForm().run(dispatcher, t, {}))
    return {e["name"]: e["value"] for e in events}, dispatcher.messages


def test_the_form_asks_name_contact_school_and_town_in_turn() -> None:
    slots, [message] = validate(tracker("/affirm", "affirm", handoff_name="oud"))
    assert slots["handoff_name"] is None and slots["requested_slot"] == "handoff_name"
    assert message["text"] == ASK_NAME
    slots, [message] = validate(tracker("Mijn naam is Fatima Yilmaz", active=True, requested_slot="handoff_name"))
    assert slots == {"handoff_name": "Fatima Yilmaz", "requested_slot": "contact"} and message["text"] == ASK_CONTACT
    slots, [message] = validate(tracker("06 12345678", active=True, requested_slot="contact", handoff_name="Fatima"))
    assert slots == {"contact": "06 12345678", "requested_slot": "handoff_school"}
    assert message["text"] == ASK_SCHOOL
    slots, [message] = validate(
        tracker(
            "geen school", active=True, requested_slot="handoff_school", handoff_name="Fatima", contact="06 12345678"
        )
    )
    assert slots["handoff_school"] == "-" and message["text"] == ASK_TOWN
    slots, messages = validate(
        tracker(
            "ik woon in borne",
            active=True,
            requested_slot="handoff_town",
            handoff_name="Fatima",
            contact="06 12345678",
            handoff_school="-",
        )
    )
    assert slots == {"handoff_town": "Borne", "requested_slot": None} and messages == []


def test_the_asked_question_is_the_requested_slot_also_with_the_forms_domain() -> None:
    """With the domain's required slots (which the SDK would leave to Rasa) the validator still names the slot it
    asks, and none once everything is answered."""
    domain = {
        "forms": {"handoff_form": {"required_slots": ["handoff_name", "contact", "handoff_school", "handoff_town"]}}
    }
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ValidateHandoffForm().run(dispatcher, tracker("/affirm", "affirm"), domain))
    assert events[-1] == {"event": "slot", "timestamp": None, "name": "requested_slot", "value": "handoff_name"}
    assert [message["text"] for message in dispatcher.messages] == [ASK_NAME]
    done = tracker(
        "Borne",
        active=True,
        requested_slot="handoff_town",
        handoff_name="Fatima",
        contact="06 12345678",
        handoff_school="-",
    )
    events = asyncio.run(ValidateHandoffForm().run(CollectingDispatcher(), done, domain))
    assert events[-1]["name"] == "requested_slot" and events[-1]["value"] is None


def test_the_town_from_a_melding_check_is_not_asked_again() -> None:
    slots, _messages = validate(tracker("/affirm", "affirm", melding_municipality="hengelo"))
    assert slots["handoff_town"] == "Hengelo"


def test_an_unusable_contact_is_asked_again() -> None:
    slots, [message] = validate(
        tracker("dat zeg ik liever niet", active=True, requested_slot="contact", handoff_name="Fatima")
    )
    assert slots == {"contact": None, "requested_slot": "contact"}
    assert message["text"] == f"{BAD_CONTACT}\n\n{ASK_CONTACT}"


def test_nee_during_the_form_leaves_it_to_the_stop_rule() -> None:
    assert validate(tracker("nee toch niet", "deny", active=True, requested_slot="handoff_name")) == ({}, [])


@pytest.mark.parametrize(
    ("slot", "text", "value"),
    [
        ("contact", "mail me op ouder@example.nl graag", "ouder@example.nl"),
        ("contact", "+31 6 12345678", "+31 6 12345678"),
        ("handoff_school", "nvt", "-"),
        ("handoff_school", "Het Bataafs Lyceum", "Het Bataafs Lyceum"),
        ("handoff_town", "gemeente Enschede", "Enschede"),
        ("handoff_town", "wij wonen in hof van twente", "Hof van Twente"),  # a Doorstroompunt area of the table
        ("handoff_town", "ik woon in Borne, de school is in Hengelo", "Borne"),  # the town named first
        ("handoff_town", "ik woon in Almelo", "Almelo"),  # outside the table: kept, an admin routes it
        ("handoff_name", "12345", None),
    ],
)
def test_answers(slot: str, text: str, value: str | None) -> None:
    assert read_answer(slot, text)[0] == value


def test_creating_the_case_tells_reference_queue_and_expected_response(configured) -> None:
    from assistant.cases.models import Case
    from assistant.db.session import session_scope

    dispatcher = CollectingDispatcher()
    t = tracker(
        "Borne",
        sender="web-case-1",
        handoff_trigger="safety_signal",
        handoff_name="Sem",
        contact="sem@example.nl",
        handoff_school="-",
        handoff_town="Borne",
    )
    events = ActionCreateCase().run(dispatcher, t, {})
    [message] = dispatcher.messages
    with session_scope() as session:
        case = session.scalar(select(Case).where(Case.sender_id == "web-case-1"))
        assert case.priority == "urgent" and case.trigger == "safety_signal" and case.municipality == "Hengelo"
        assert case.summary["name"] == "Sem" and case.summary["email"] == "sem@example.nl"
        assert "school" not in case.summary
        reference = case.reference
    assert reference in message["text"] and "U bent nummer 1 in de wachtrij." in message["text"]
    assert "0800-2000" in message["text"]  # urgent: the expected response starts with 112 and Veilig Thuis
    assert all(e["value"] is None for e in events)
    # The gateway learns from this payload that the turn opened a case (assistant.chat.service.opened_case).
    assert message["custom"]["handoff"]["status"] == "queued"


def test_a_case_after_a_melding_check_carries_the_facts_and_the_outcome(configured) -> None:
    from assistant.cases.models import Case
    from assistant.db.session import session_scope

    t = tracker(
        "Hengelo",
        sender="web-case-2",
        handoff_trigger="rules_need_officer",
        handoff_context="melding",
        handoff_name="Marieke Bos",
        contact="m.bos@example.nl",
        handoff_school="ROC van Twente",
        handoff_town="Hengelo",
        melding_school_type="mbo",
        melding_age=19,
        melding_startkwalificatie=False,
        melding_kind="ongeoorloofd",
        melding_weeks=6,
    )
    ActionCreateCase().run(CollectingDispatcher(), t, {})
    with session_scope() as session:
        case = session.scalar(select(Case).where(Case.sender_id == "web-case-2"))
        assert case.summary["melding_age"] == 19 and case.summary["role"] == "school"
        assert case.school_name == "ROC van Twente" and case.trigger == "rules_need_officer"
        assert case.assessment["category"] == "18_plus" and case.assessment["citations"]


def test_a_failure_still_gives_a_way_to_reach_a_person(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("database down")

    monkeypatch.setattr("actions.handoff.create_case", broken)
    dispatcher = CollectingDispatcher()
    ActionCreateCase().run(dispatcher, tracker(handoff_name="A", contact="0612345678", handoff_town="Enschede"), {})
    assert dispatcher.messages[0]["text"] == CASE_FAILED


def user_event(text: str, intent: str) -> dict[str, Any]:
    return {"event": "user", "text": text, "parse_data": {"intent": {"name": intent, "confidence": 0.9}}}


def test_the_case_leads_with_the_parents_question_and_a_legal_pre_assessment(configured) -> None:
    from assistant.cases.models import Case
    from assistant.db.session import session_scope

    events = [
        user_event("Mijn zoon wordt gepest en wil niet meer naar school, wat kan ik doen?", "ask_problemen_op_school"),
        user_event("/request_human", "request_human"),
        user_event("/affirm", "affirm"),
        user_event("Fatima", "inform_contact"),
        user_event("fatima@example.nl", "inform_contact"),
    ]
    t = tracker(
        "Borne",
        sender="web-case-3",
        events=events,
        handoff_trigger="user_request",
        handoff_name="Fatima",
        contact="fatima@example.nl",
        handoff_school="-",
        handoff_town="Borne",
        topic="problemen_op_school",
    )
    ActionCreateCase().run(CollectingDispatcher(), t, {})
    with session_scope() as session:
        case = session.scalar(select(Case).where(Case.sender_id == "web-case-3"))
        assert case.summary["question"] == "Mijn zoon wordt gepest en wil niet meer naar school, wat kan ik doen?"
        assessment = case.assessment
    # the rules behind the topic with their own sources, law first; not the answer the parent already got
    statements = assessment["statements"]
    assert statements[0]["basis"] == "law" and statements[0]["label"] == "Wet"
    assert any("Leerplichtwet 1969, artikel 11" in c["ref"] for c in statements[0]["citations"])
    bases = [item["basis"] for item in statements]
    assert "law" in bases and bases == sorted(bases, key=["law", "regional", "guidance"].index)  # law first
    assert "Praat eerst met de school" not in assessment["text"]
