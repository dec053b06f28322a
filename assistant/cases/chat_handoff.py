"""What the chat side calls: the Rasa action that hands a conversation over, and the chat gateway.

- `create_from_conversation(...)`: the Rasa action (running in the gateway's action endpoint) calls this after the
  user agreed to hand the conversation to a leerplicht officer. It reads the transcript from `chat_messages`.
- `route_user_message(...)`: the gateway calls this for every user turn; while a case is open the message goes to
  the case and the bot stays silent.
- `open_case_for`, `officer_messages_after`: the gateway's `GET /api/chat/{sender_id}/messages`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from assistant.cases import service
from assistant.cases.service import HandoffInfo
from assistant.db.base import utcnow
from assistant.db.models import Conversation
from assistant.db.session import session_scope
from assistant.i18n import _, translate

FORWARDED_NOTICE = _("Uw bericht is doorgestuurd naar de leerplichtambtenaar. Het antwoord verschijnt hier.")
OFFICER_ROLE = _("leerplichtambtenaar")
OFFICER_ROLE_IN = _("leerplichtambtenaar, gemeente {municipality}")


def create_from_conversation(
    sender_id: str,
    trigger: str,
    facts: dict[str, Any] | None,
    assessment: dict[str, Any] | None,
    transcript: Sequence[dict[str, Any]] | None = None,
    *,
    consent: bool = True,
    language: str | None = None,
    now: datetime | None = None,
) -> HandoffInfo:
    """Open (or return the already open) case for the conversation and say where it stands.

    `trigger`: one of `assistant.cases.service.TRIGGER_PRIORITY` (safety_signal, absolute_verzuim, user_request,
    rules_need_officer, repeated_misunderstanding). `facts`: what the assistant collected (name, email/phone, role,
    town, school, school_id, child_age, topic, question, safety_signal/absolute_verzuim flags ...). `assessment`:
    `{"text": ..., "citations": [{"ref": ..., "url": ...}]}`. Call only after the user gave consent.
    """
    now = now or utcnow()
    with session_scope() as session:
        if language is None:
            language = session.scalar(select(Conversation.language).where(Conversation.sender_id == sender_id))
        case = service.open_case(
            session,
            sender_id=sender_id,
            trigger=trigger,
            facts=facts,
            assessment=assessment,
            transcript=transcript,
            language=language or "nl",
            consent=consent,
            now=now,
        )
        return service.handoff_info(session, case, now)


@dataclass(frozen=True)
class RoutedMessage:
    handoff: HandoffInfo
    status_line: str | None  # shown once: on the first user message after the handoff


def route_user_message(
    session: Session,
    sender_id: str,
    text: str,
    language: str,
    now: datetime | None = None,
    contacts: Sequence[str] = (),
) -> RoutedMessage | None:
    """When a case holds the conversation: add the (redacted) text to it. None when the bot should answer.

    `contacts`: phone numbers and e-mail addresses taken out of the text. The officer may have asked for them, so
    they go to the case's contact details (never into the transcript)."""
    now = now or utcnow()
    case = service.open_case_for(session, sender_id)
    if case is None:
        return None
    first = service.user_message_count(session, case) == 0
    service.add_user_message(session, case, text, now)
    if contacts:
        service.add_contact_details(session, case, contacts, now)
    status_line = translate(FORWARDED_NOTICE, language) if first else None
    return RoutedMessage(service.handoff_info(session, case, now), status_line)


def open_handoff(session: Session, sender_id: str, now: datetime | None = None) -> HandoffInfo | None:
    case = service.open_case_for(session, sender_id)
    return service.handoff_info(session, case, now) if case is not None else None


def open_case_for(sender_id: str) -> HandoffInfo | None:
    """The open case of the conversation, as the chat client sees it; None when the bot answers."""
    with session_scope() as session:
        return open_handoff(session, sender_id)


def officer_messages_after(sender_id: str, after_id: int = 0) -> tuple[list[dict[str, Any]], HandoffInfo | None]:
    """Officer and system messages after `after_id`, and the state of the latest case (also when handed back or
    closed, so the client knows to stop waiting); empty for an unknown conversation."""
    with session_scope() as session:
        messages = [_as_chat_message(m) for m in service.officer_messages_after(session, sender_id, after_id)]
        latest = service.latest_case_for(session, sender_id)
        return messages, service.handoff_info(session, latest) if latest is not None else None


def officer_role(case: Any, language: str) -> str:
    """ "leerplichtambtenaar, gemeente Hengelo" in the conversation's language."""
    if case.municipality:
        return translate(OFFICER_ROLE_IN, language, municipality=case.municipality)
    return translate(OFFICER_ROLE, language)


def _as_chat_message(message: Any) -> dict[str, Any]:
    """A case message as the chat page shows it: an officer's with their name and role."""
    shown: dict[str, Any] = {
        "id": message.id,
        "author": message.author,
        "text": message.text,
        "created_at": service.sla.aware(message.created_at),
    }
    if message.author == "officer":
        shown["officer_name"] = message.officer.display_name if message.officer else None
        shown["officer_role"] = officer_role(message.case, message.case.language)
    return shown
