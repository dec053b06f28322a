"""The life of a case: opened from the chat, routed, queued, taken, answered, handed back, closed.

Statuses (`assistant.cases.models`):

    new ──take──► assigned ──reply──► waiting_for_user ──user writes──► assigned
     │               │                      │
     └───────────────┴──────────────────────┴──hand_back──► handed_back ──close──► closed
                                             └─────────────close (from any status but closed)──┘

- new, assigned, waiting_for_user are *open*: the bot is silent and the user's messages go to the case.
- handed_back ends the officer's conversation: the bot answers again, and the case stays in the back office (not in
  the open queue) until an officer closes it with an outcome. This keeps "the user talks to the bot again" apart
  from "the case is finished" (a follow-up such as a home visit can still be recorded before closing).
- closed is final and needs an outcome. Closing an open case also hands the conversation back to the bot.
- A case routed to a school's contact officer has that officer in `assigned_officer_id` while still `new`; the status
  becomes `assigned` when an officer takes it up (or replies).

Every state change writes an audit record. Functions take the session and a `now`, and never commit.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from assistant.cases import audit, routing, sla
from assistant.cases.auth import Principal
from assistant.cases.models import (
    AUTHOR_OFFICER,
    AUTHOR_SYSTEM,
    AUTHOR_USER,
    OPEN_STATUSES,
    STATUS_ASSIGNED,
    STATUS_CLOSED,
    STATUS_HANDED_BACK,
    STATUS_NEW,
    STATUS_WAITING_FOR_USER,
    Case,
    CaseMessage,
    CaseNote,
)
from assistant.cases.policy import (
    CLOSED_NOTICE,
    HANDED_BACK_NOTICE,
    INVALID_TRANSITION,
    MAX_TEXT_CHARS,
    OUTCOMES,
    STATUS_LABELS,
    TAKEN_NOTICE,
    UNKNOWN_OUTCOME,
    ConsentRequired,
    InvalidInput,
    InvalidTransition,
    check_text,
    clean_assessment,
    clean_facts,
    new_reference,
    priority_for,
)
from assistant.cases.policy import PRIORITY_LABELS as PRIORITY_LABELS
from assistant.cases.policy import REFERENCE_ALPHABET as REFERENCE_ALPHABET
from assistant.cases.policy import TRIGGER_PRIORITY as TRIGGER_PRIORITY
from assistant.cases.policy import CaseError as CaseError
from assistant.cases.policy import CaseNotFound as CaseNotFound
from assistant.cases.policy import HandoffInfo as HandoffInfo
from assistant.cases.policy import is_overdue as is_overdue
from assistant.cases.policy import position_in_queue as position_in_queue
from assistant.cases.policy import queue_sort_key as queue_sort_key
from assistant.cases.queries import get_case as get_case
from assistant.cases.queries import handoff_info as handoff_info
from assistant.cases.queries import latest_case_for as latest_case_for
from assistant.cases.queries import list_cases as list_cases
from assistant.cases.queries import officer_messages_after as officer_messages_after
from assistant.cases.queries import open_case_for
from assistant.cases.queries import queue_position as queue_position
from assistant.cases.queries import schools_in_queue as schools_in_queue
from assistant.conversations import transcript as chat_transcript
from assistant.conversations.sender_ids import is_reserved
from assistant.db.base import utcnow
from assistant.db.models import ChatMessage, Conversation
from assistant.i18n import translate
from assistant.insight import record as insight

# --- changes -------------------------------------------------------------------------------------------------


def _chat_transcript_of(session: Session, sender_id: str, limit: int = 200) -> list[dict[str, Any]]:
    conversation = session.scalar(select(Conversation).where(Conversation.sender_id == sender_id))
    if conversation is None:
        return []
    rows = session.scalars(
        select(ChatMessage)
        .where(ChatMessage.conversation_id == conversation.id)
        .order_by(ChatMessage.id.desc())
        .limit(limit)
    )
    return [
        {"author": m.author, "text": m.text, "at": sla.aware(m.created_at).isoformat()} for m in reversed(list(rows))
    ]


def _clean_transcript(turns: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {
            "author": str(t.get("author", "user"))[:16],
            "text": str(t.get("text", ""))[:MAX_TEXT_CHARS],
            "at": str(t.get("at", "") or "")[:40],
        }
        for t in list(turns)[-200:]
        if isinstance(t, dict)
    ]


def open_case(
    session: Session,
    *,
    sender_id: str,
    trigger: str,
    facts: dict[str, Any] | None,
    assessment: dict[str, Any] | None,
    transcript: Sequence[dict[str, Any]] | None = None,
    language: str = "nl",
    consent: bool,
    now: datetime | None = None,
) -> Case:
    """A new case for the conversation (or the one already open: handing over twice is harmless).

    `consent` must be True: the user agreed that the conversation and the facts go to a leerplicht officer.
    The transcript defaults to the stored chat turns of the conversation (already redacted).
    """
    if not consent:
        raise ConsentRequired
    existing = open_case_for(session, sender_id)
    if existing is not None:
        return existing
    now = now or utcnow()
    summary = clean_facts(facts)
    town = summary.get("town") or summary.get("woonplaats")
    municipality = routing.responsible_municipality(town) if isinstance(town, str) else None
    if municipality is None and isinstance(summary.get("municipality"), str):
        municipality = routing.responsible_municipality(summary["municipality"])
    school_id = summary.get("school_id") if isinstance(summary.get("school_id"), str) else None
    school_name = summary.get("school") if isinstance(summary.get("school"), str) else None
    priority = priority_for(trigger, summary)
    contact = routing.contact_officer(session, municipality, school_id, school_name)
    case = Case(
        reference=new_reference(),
        sender_id=sender_id,
        municipality=municipality,
        town=town[:64] if isinstance(town, str) else None,
        school_id=school_id and school_id[:64],
        school_name=school_name and school_name[:200],
        assigned_officer_id=contact.id if contact else None,
        priority=priority,
        status=STATUS_NEW,
        trigger=trigger[:64],
        language=language,
        summary=summary,
        assessment=clean_assessment(assessment),
        transcript=_clean_transcript(transcript) if transcript is not None else _chat_transcript_of(session, sender_id),
        consent_at=now,
        sla_due_at=sla.sla_due_at(sla.office_hours_for(municipality), priority, now),
        created_at=now,
        updated_at=now,
    )
    session.add(case)
    session.flush()
    audit.record(
        session,
        audit.ACTOR_CHAT,
        "case_opened",
        "case",
        case.reference,
        {
            "trigger": case.trigger,
            "priority": priority,
            "municipality": municipality,
            "routed_to_officer": contact.id if contact else None,
            "sla_due_at": sla.aware(case.sla_due_at).isoformat(),
        },
    )
    insight.sync_case(session, case)
    return case


def _set_status(
    session: Session, case: Case, status: str, actor: str, action: str, now: datetime, **details: Any
) -> None:
    before = case.status
    case.status = status
    case.updated_at = now
    audit.record(session, actor, action, "case", case.reference, {"from": before, "to": status, **details})


def _require(case: Case, allowed: Iterable[str]) -> None:
    if case.status not in tuple(allowed):
        raise InvalidTransition(INVALID_TRANSITION, status=translate(STATUS_LABELS[case.status], "nl"))


def _tell_user(
    session: Session, case: Case, author: str, text: str, officer_id: int | None, now: datetime
) -> CaseMessage:
    """A message into the user's chat: stored with the case and in the conversation transcript. The thread of a
    verlof request has no chat conversation: its parent reads the case's messages through the verlof API."""
    message = CaseMessage(case_id=case.id, author=author, officer_id=officer_id, text=text, created_at=now)
    session.add(message)
    if not is_reserved(case.sender_id):
        conversation = chat_transcript.get_or_create_conversation(session, case.sender_id, case.language)
        session.add(ChatMessage(conversation_id=conversation.id, author=author, text=text, created_at=now))
    session.flush()
    return message


def take(session: Session, case: Case, principal: Principal, now: datetime | None = None) -> None:
    """The officer takes the case up (or takes it over from a colleague)."""
    now = now or utcnow()
    _require(case, OPEN_STATUSES)
    previous = case.assigned_officer_id
    was_new = case.status == STATUS_NEW
    case.assigned_officer_id = principal.id
    _set_status(
        session,
        case,
        STATUS_ASSIGNED if was_new else case.status,
        principal.actor,
        "case_taken",
        now,
        previous_officer=previous,
    )
    if was_new:
        _tell_user(session, case, AUTHOR_SYSTEM, translate(TAKEN_NOTICE, case.language), None, now)


def reply(session: Session, case: Case, principal: Principal, text: str, now: datetime | None = None) -> CaseMessage:
    """A message from the officer to the user; the case then waits for the user."""
    now = now or utcnow()
    _require(case, OPEN_STATUSES)
    text = check_text(text)
    if case.status == STATUS_NEW or case.assigned_officer_id is None:
        case.assigned_officer_id = principal.id
    first_reply = case.first_response_at is None
    case.first_response_at = case.first_response_at or now
    message = _tell_user(session, case, AUTHOR_OFFICER, text, principal.id, now)
    _set_status(session, case, STATUS_WAITING_FOR_USER, principal.actor, "case_replied", now, message_id=message.id)
    if first_reply:
        insight.sync_case(session, case)
    return message


def add_note(session: Session, case: Case, principal: Principal, text: str, now: datetime | None = None) -> CaseNote:
    """An internal note (any status, also after closing)."""
    now = now or utcnow()
    note = CaseNote(case_id=case.id, author_id=principal.id, text=check_text(text), created_at=now)
    session.add(note)
    session.flush()
    case.updated_at = now
    audit.record(session, principal.actor, "note_added", "case", case.reference, {"note_id": note.id})
    return note


def hand_back(session: Session, case: Case, principal: Principal, now: datetime | None = None) -> None:
    """End the officer's conversation: the bot answers the user again; the case stays until it is closed."""
    now = now or utcnow()
    _require(case, OPEN_STATUSES)
    _tell_user(session, case, AUTHOR_SYSTEM, translate(HANDED_BACK_NOTICE, case.language), None, now)
    _set_status(session, case, STATUS_HANDED_BACK, principal.actor, "case_handed_back", now)


def close(session: Session, case: Case, principal: Principal, outcome: str, now: datetime | None = None) -> None:
    """Close with an outcome. An open case is handed back to the bot at the same time."""
    now = now or utcnow()
    if outcome not in OUTCOMES:
        raise InvalidInput(UNKNOWN_OUTCOME)
    _require(case, (*OPEN_STATUSES, STATUS_HANDED_BACK))
    if case.status in OPEN_STATUSES:
        _tell_user(session, case, AUTHOR_SYSTEM, translate(CLOSED_NOTICE, case.language), None, now)
    case.outcome = outcome
    case.closed_at = now
    _set_status(session, case, STATUS_CLOSED, principal.actor, "case_closed", now, outcome=outcome)
    insight.sync_case(session, case)


def add_user_message(session: Session, case: Case, text: str, now: datetime | None = None) -> CaseMessage:
    """A (redacted) message from the user to the officer. The case waits for the officer again."""
    now = now or utcnow()
    message = CaseMessage(case_id=case.id, author=AUTHOR_USER, text=text, created_at=now)
    session.add(message)
    session.flush()
    if case.status == STATUS_WAITING_FOR_USER:
        _set_status(session, case, STATUS_ASSIGNED, audit.ACTOR_CHAT, "user_replied", now, message_id=message.id)
    else:
        case.updated_at = now
    return message


CONTACTS_FROM_CHAT = "contact_from_chat"  # key in `Case.summary`
MAX_CONTACTS_FROM_CHAT = 5


def add_contact_details(session: Session, case: Case, contacts: Sequence[str], now: datetime | None = None) -> None:
    """Phone numbers or e-mail addresses the user typed while the case held the conversation: kept with the case's
    contact details (the redactor keeps them out of the messages). The audit record holds how many, not what."""
    now = now or utcnow()
    known = list(case.summary.get(CONTACTS_FROM_CHAT) or [])
    added = [value[:254] for value in dict.fromkeys(contacts) if value and value not in known]
    if not added:
        return
    case.summary = {**case.summary, CONTACTS_FROM_CHAT: [*known, *added][-MAX_CONTACTS_FROM_CHAT:]}
    case.updated_at = now
    audit.record(session, audit.ACTOR_CHAT, "contact_added", "case", case.reference, {"count": len(added)})


def user_message_count(session: Session, case: Case) -> int:
    return (
        session.scalar(
            select(func.count())
            .select_from(CaseMessage)
            .where(CaseMessage.case_id == case.id, CaseMessage.author == AUTHOR_USER)
        )
        or 0
    )
