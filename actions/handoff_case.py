"""What goes with a case when a conversation is handed to a leerplicht officer: the parent's own question, the facts
the conversation gave, and the rules' assessment (`actions/handoff.py` creates it)."""

from __future__ import annotations

from typing import Any

import structlog
from rasa_sdk import Tracker

log = structlog.get_logger(__name__)

CONTEXT_SLOT = "handoff_context"
TOPIC_SLOT = "topic"
NO_SCHOOL = "-"  # the answer "no school"

# --- the case -----------------------------------------------------------------------------------------------------


# Messages that are no question of their own: answers, yes and no, greetings, the request for a person itself.
NOT_THE_QUESTION = frozenset(
    {
        "request_human",
        "affirm",
        "deny",
        "inform",
        "inform_contact",
        "inform_melding",
        "greet",
        "thank",
        "goodbye",
        "stop_form",
        "bot_challenge",
        "verlof_correction",
    }
)


def parents_question(tracker: Tracker) -> str | None:
    """The user's own question, in their words (the gateway redacted it before Rasa saw it): the latest typed
    message that asked something, not an answer to a form or the request for a person."""
    for event in reversed(tracker.events):
        if event.get("event") != "user":
            continue
        text = (event.get("text") or "").strip()
        intent = ((event.get("parse_data") or {}).get("intent") or {}).get("name")
        if text and not text.startswith("/") and intent not in NOT_THE_QUESTION:
            return text
    return None


def collect_facts(tracker: Tracker, trigger: str) -> dict[str, Any]:
    """Only what the officer needs: who, how to reach them, school, town, and what the conversation was about."""
    facts: dict[str, Any] = {
        "name": tracker.get_slot("handoff_name"),
        "town": tracker.get_slot("handoff_town"),
        "question": parents_question(tracker),
    }
    contact = tracker.get_slot("contact") or ""
    facts["email" if "@" in contact else "phone"] = contact or None
    school = tracker.get_slot("handoff_school")
    if school and school != NO_SCHOOL:
        facts["school"] = school
    topic = tracker.get_slot(TOPIC_SLOT)
    if isinstance(topic, str) and topic:
        facts["topic"] = topic
    if trigger == "safety_signal":
        facts["safety_signal"] = True
    if tracker.get_slot(CONTEXT_SLOT) == "melding":
        from actions.melding import case_facts, known_facts

        melding = case_facts(known_facts(tracker))
        melding.pop("town", None)
        facts = {**melding, **{k: v for k, v in facts.items() if v is not None}}
    return facts


BASIS_LABELS = {"law": "Wet", "regional": "Regionaal beleid", "guidance": "Richtlijn"}


def topic_assessment(topic_id: str) -> dict[str, Any] | None:
    """The legal pre-assessment of a topic for the officer: its statements (law first, then regional policy and
    guidance), each with its own sources; not the answer the parent already got."""
    from assistant.knowledge import get_knowledge_base

    kb = get_knowledge_base()
    if not kb.has_topic(topic_id):
        return None
    topic = kb.topic(topic_id)
    order = {"law": 0, "regional": 1, "guidance": 2}
    statements = [
        {
            "basis": statement.basis,
            "label": BASIS_LABELS[statement.basis],
            "text": statement.text,
            "citations": [{"ref": c.ref, "url": c.url} for c in kb.resolve(statement.citations)],
        }
        for statement in sorted(topic.statements, key=lambda statement: order[statement.basis])
    ]
    text = "\n".join(f"{item['label']}: {item['text']}" for item in statements)
    return {
        "text": text,
        "citations": [{"ref": c.ref, "url": c.url} for c in kb.resolve(topic.citations)],
        "topic": topic_id,
        "statements": statements,
    }


def assessment(tracker: Tracker) -> dict[str, Any] | None:
    """The legal pre-assessment for the officer, with its sources: the melding outcome, or the rules of the topic."""
    if tracker.get_slot(CONTEXT_SLOT) == "melding":
        from actions.melding import assessment_for, known_facts

        return assessment_for(known_facts(tracker))
    topic_id = tracker.get_slot(TOPIC_SLOT)
    if not isinstance(topic_id, str) or not topic_id:
        return None
    try:
        return topic_assessment(topic_id)
    except Exception as error:  # the case matters more than its summary
        log.warning("handoff_assessment_failed", error_type=type(error).__name__)
        return None


def create_case(
    sender_id: str, trigger: str, facts: dict[str, Any], assessment_: dict[str, Any] | None, language: str
) -> Any:
    from assistant.cases.chat_handoff import create_from_conversation

    return create_from_conversation(sender_id, trigger, facts, assessment_, language=language)
