"""Handing a conversation to a leerplicht officer: offer (with what will happen), consent, handoff_form, the case.

Triggers (`assistant.cases.service.TRIGGER_PRIORITY`):
- the user asks for a person (`request_human`) -> user_request;
- a rule says an officer decides or must look: an answer topic with `handoff: true`, or an action that set the slot
  `handoff_reason` to "rules_need_officer" (the melding outcome; the verlof form for art. 14 above 10 days) and
  offered the `/request_human` button -> rules_need_officer;
- a sign that a child may be unsafe (`safety_signal`; Veilig Thuis and 112 are given first) -> safety_signal;
- two misunderstood messages in a row (`nlu_fallback` after the retrieval fallback) -> repeated_misunderstanding.

Consent comes first: "ja" starts `handoff_form` (name, `contact` = phone or e-mail, school (optional), town), then
`action_create_case` calls `create_from_conversation`; "nee" creates nothing and the assistant carries on. The slot
is called `contact` so the gateway keeps the phone number or e-mail address the user types at that step.
"""

from __future__ import annotations

import re
from typing import Any

import structlog
from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.forms import AskingFormValidationAction, activating
from actions.handoff_case import CONTEXT_SLOT, NO_SCHOOL, TOPIC_SLOT, assessment, collect_facts, create_case
from actions.handoff_texts import (
    ASK_CONTACT,
    ASK_NAME,
    ASK_SCHOOL,
    ASK_TOWN,
    BAD_CONTACT,
    BAD_NAME,
    BAD_TOWN,
    CASE_CREATED,
    CASE_FAILED,
    CASE_QUEUE,
    CASE_WHERE,
    CONSENT_QUESTION,
    DECLINED,
    DECLINED_SAFETY,
    NO_BUTTON,
    NO_SCHOOL_BUTTON,
    OFFER_MISUNDERSTOOD,
    OFFER_RULES,
    OFFER_SAFETY,
    OFFER_USER_REQUEST,
    TOWN_BUTTONS,
    WHAT_HAPPENS,
    YES_BUTTON,
)
from assistant.i18n import Localiser, language_of_message
from assistant.knowledge.regions import get_regions
from assistant.privacy.redact import MARKS, contact_details, find_identifiers

log = structlog.get_logger(__name__)

FORM = "handoff_form"
FORM_SLOTS = ("handoff_name", "contact", "handoff_school", "handoff_town")
TRIGGER_SLOT = "handoff_trigger"
REASON_SLOT = "handoff_reason"
TRIGGERS = ("safety_signal", "absolute_verzuim", "user_request", "rules_need_officer", "repeated_misunderstanding")
STOP_INTENTS = frozenset({"deny", "goodbye"})

_NO_SCHOOL = re.compile(
    r"^\s*(geen(\s+school)?|nee|niet\s+van\s+toepassing|n\.?v\.?t\.?|weet\s+ik\s+niet|-)\W*$", re.IGNORECASE
)


def _language(tracker: Tracker) -> str:
    return language_of_message(tracker.latest_message)


def _intent(tracker: Tracker) -> str | None:
    return (tracker.latest_message.get("intent") or {}).get("name")


def _buttons(loc: Localiser, buttons: list[dict[str, str]]) -> list[dict[str, str]]:
    return [{**button, "title": loc(button["title"])} for button in buttons]


def _topic_needs_officer(topic_id: Any) -> bool:
    if not isinstance(topic_id, str):
        return False
    try:
        from assistant.knowledge import get_knowledge_base

        kb = get_knowledge_base()
        return kb.has_topic(topic_id) and bool(kb.topic(topic_id).handoff)
    except Exception as error:  # a knowledge base problem must not stop a handoff
        log.warning("handoff_topic_lookup_failed", error_type=type(error).__name__)
        return False


def _previous_bot_action(tracker: Tracker) -> str | None:
    """The last action before the latest user message (action_listen and form slot requests aside)."""
    seen_user = False
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            if seen_user:
                return None
            seen_user = True
        elif seen_user and event.get("event") == "action" and event.get("name") != "action_listen":
            return event.get("name")
    return None


def trigger_for(tracker: Tracker) -> str:
    """Why the conversation is offered to an officer (one of TRIGGERS)."""
    intent = _intent(tracker)
    if intent == "safety_signal":
        return "safety_signal"
    if intent == "nlu_fallback":
        return "repeated_misunderstanding"
    reason = tracker.get_slot(REASON_SLOT)
    if reason in TRIGGERS:
        return reason
    if _previous_bot_action(tracker) == "action_answer_topic" and _topic_needs_officer(tracker.get_slot(TOPIC_SLOT)):
        return "rules_need_officer"
    return "user_request"


class ActionOfferHandoff(Action):
    """Say what will happen and ask for consent (buttons /affirm and /deny); remember the trigger."""

    def name(self) -> str:
        return "action_offer_handoff"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        loc = Localiser(_language(tracker))
        trigger = trigger_for(tracker)
        lead = {
            "safety_signal": OFFER_SAFETY,
            "repeated_misunderstanding": OFFER_MISUNDERSTOOD,
            "rules_need_officer": OFFER_RULES,
        }.get(trigger, OFFER_USER_REQUEST)
        text = "\n\n".join([loc(lead), loc(WHAT_HAPPENS), loc(CONSENT_QUESTION)])
        dispatcher.utter_message(text=loc.finish(text), buttons=_buttons(loc, [YES_BUTTON, NO_BUTTON]))
        return [SlotSet(TRIGGER_SLOT, trigger)]


def reset_events() -> list[EventType]:
    return [SlotSet(name, None) for name in (*FORM_SLOTS, TRIGGER_SLOT, REASON_SLOT, CONTEXT_SLOT)]


class ActionHandoffDeclined(Action):
    """No consent: nothing is passed on; the assistant carries on (safety numbers repeated for a safety signal)."""

    def name(self) -> str:
        return "action_handoff_declined"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        loc = Localiser(_language(tracker))
        text = DECLINED_SAFETY if tracker.get_slot(TRIGGER_SLOT) == "safety_signal" else DECLINED
        dispatcher.utter_message(text=loc.finish(loc(text)))
        return reset_events()


# --- handoff_form ------------------------------------------------------------------------------------------------


def normalise_town(text: str) -> str:
    """The covered town the answer names first, as the regional table writes it ("ik woon in borne" -> "Borne");
    otherwise the answer without "ik woon in" and the like (routing leaves an unknown town to an admin)."""
    cleaned = " ".join(text.split()).strip(" .,!?")
    named = [
        (found.start(), town)
        for town in get_regions().covered
        if (found := re.search(rf"\b{re.escape(town)}\b", cleaned, re.IGNORECASE))
    ]
    if named:
        return min(named)[1]
    cleaned = re.sub(
        r"^(ik\s+woon\s+in|in|gemeente|wij\s+wonen\s+in|we\s+wonen\s+in)\s+", "", cleaned, flags=re.IGNORECASE
    )
    return cleaned[:64]


def read_answer(slot: str, text: str) -> tuple[str | None, str | None]:
    """(value, problem) for the answer `text` to the form question `slot`; a problem is a Dutch source text."""
    text = " ".join((text or "").split())
    if slot == "handoff_name":
        name = re.sub(r"^(mijn\s+naam\s+is|ik\s+ben|ik\s+heet|naam:?)\s+", "", text, flags=re.IGNORECASE).strip(" .,!")
        if (
            not re.search(r"[^\W\d_]", name)
            or len(name) > 100
            or find_identifiers(name)
            or any(mark in name for mark in MARKS.values())
        ):
            return None, BAD_NAME
        return name, None
    if slot == "contact":
        found = contact_details(text)
        return (found[0].value, None) if found else (None, BAD_CONTACT)
    if slot == "handoff_school":
        if not text or _NO_SCHOOL.match(text):
            return NO_SCHOOL, None
        return text[:200].strip(" .,!"), None
    town = normalise_town(text)
    if not re.search(r"[^\W\d_]", town):
        return None, BAD_TOWN
    return town, None


def form_question(slot: str, loc: Localiser) -> tuple[str, list[dict[str, str]]]:
    if slot == "handoff_name":
        return loc(ASK_NAME), []
    if slot == "contact":
        return loc(ASK_CONTACT), []
    if slot == "handoff_school":
        return loc(ASK_SCHOOL), _buttons(loc, [NO_SCHOOL_BUTTON])
    return loc(ASK_TOWN), TOWN_BUTTONS


def prefilled(tracker: Tracker) -> dict[str, Any]:
    """What the conversation already told: the town from the melding check."""
    town = tracker.get_slot("melding_municipality")
    return {"handoff_town": town.title()} if isinstance(town, str) and town else {}


class ValidateHandoffForm(AskingFormValidationAction):
    """Reads each answer, asks again when it cannot be used, and asks the next question itself; `required_slots` are
    the questions not answered yet.

    A "nee" or goodbye that answers nothing (the school question aside, where "nee" means no school) returns no
    events: Rasa rejects the form and the rule that stops the handoff takes over.
    """

    def name(self) -> str:
        return "validate_handoff_form"

    async def required_slots(
        self, domain_slots: list[str], dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[str]:
        return [slot for slot in FORM_SLOTS if tracker.get_slot(slot) is None]

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        loc = Localiser(_language(tracker))
        events: list[EventType] = []
        messages: list[str] = []
        if activating(tracker, FORM):
            values = prefilled(tracker)
            events += [SlotSet(slot, values.get(slot)) for slot in FORM_SLOTS]
        else:
            requested = tracker.get_slot("requested_slot")
            if requested in FORM_SLOTS:
                text = tracker.latest_message.get("text") or ""
                if _intent(tracker) in STOP_INTENTS and requested != "handoff_school":
                    return []
                value, problem = read_answer(requested, text)
                if problem:
                    messages.append(loc(problem))
                events.append(SlotSet(requested, value))
        tracker.add_slots(events)
        next_slot = await self.next_requested_slot(dispatcher, tracker, domain)
        buttons: list[dict[str, str]] = []
        if next_slot["value"]:
            text, buttons = form_question(next_slot["value"], loc)
            messages.append(text)
        if messages:
            dispatcher.utter_message(text=loc.finish("\n\n".join(messages)), buttons=buttons)
        return [*events, next_slot]


class ActionCreateCase(Action):
    """After consent and handoff_form: open the case and tell the reference, queue position and expected answer."""

    def name(self) -> str:
        return "action_create_case"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        language = _language(tracker)
        loc = Localiser(language)
        trigger = tracker.get_slot(TRIGGER_SLOT)
        trigger = trigger if trigger in TRIGGERS else "user_request"
        try:
            info = create_case(
                tracker.sender_id, trigger, collect_facts(tracker, trigger), assessment(tracker), language
            )
        except Exception as error:  # the user must always get a way to reach a person
            log.error("handoff_case_failed", error_type=type(error).__name__)
            dispatcher.utter_message(text=loc.finish(loc(CASE_FAILED)))
            return reset_events()
        parts = [loc(CASE_CREATED, case_id=info.case_id)]
        if isinstance(info.queue_position, int):
            parts.append(loc(CASE_QUEUE, position=info.queue_position))
        text = " ".join(parts)
        if info.expected_response:
            text += " " + info.expected_response
        text += "\n\n" + loc(CASE_WHERE)
        dispatcher.utter_message(text=loc.finish(text), json_message={"handoff": info.as_dict()})
        return reset_events()
