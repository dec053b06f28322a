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

import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from assistant.cases import audit, routing, sla
from assistant.cases.auth import Principal, can_see_case, restrict_cases
from assistant.cases.models import (
    AUTHOR_OFFICER,
    AUTHOR_SYSTEM,
    AUTHOR_USER,
    OPEN_STATUSES,
    PRIORITIES,
    PRIORITY_HIGH,
    PRIORITY_NORMAL,
    PRIORITY_URGENT,
    STATUS_ASSIGNED,
    STATUS_CLOSED,
    STATUS_HANDED_BACK,
    STATUS_NEW,
    STATUS_WAITING_FOR_USER,
    STATUSES,
    Case,
    CaseMessage,
    CaseNote,
)
from assistant.conversations import transcript as chat_transcript
from assistant.conversations.sender_ids import is_reserved
from assistant.db.base import utcnow
from assistant.db.models import ChatMessage, Conversation
from assistant.i18n import _, translate
from assistant.insight import record as insight

# What made the assistant hand the conversation over, and the priority that follows from it.
TRIGGER_SAFETY_SIGNAL = "safety_signal"  # a sign that a child is unsafe: urgent
TRIGGER_ABSOLUTE_VERZUIM = "absolute_verzuim"  # a child of leerplicht age not enrolled at any school: high
TRIGGER_USER_REQUEST = "user_request"  # the user asked for a person
TRIGGER_RULES_NEED_OFFICER = "rules_need_officer"  # the rules say an officer must decide
TRIGGER_REPEATED_MISUNDERSTANDING = "repeated_misunderstanding"  # the bot did not understand several times
TRIGGER_PRIORITY: dict[str, str] = {
    TRIGGER_SAFETY_SIGNAL: PRIORITY_URGENT,
    TRIGGER_ABSOLUTE_VERZUIM: PRIORITY_HIGH,
    TRIGGER_USER_REQUEST: PRIORITY_NORMAL,
    TRIGGER_RULES_NEED_OFFICER: PRIORITY_NORMAL,
    TRIGGER_REPEATED_MISUNDERSTANDING: PRIORITY_NORMAL,
}
PRIORITY_RANK = {priority: rank for rank, priority in enumerate(PRIORITIES)}

OUTCOMES: dict[str, str] = {
    "answered": _("Vraag beantwoord"),
    "referred": _("Doorverwezen"),
    "investigation": _("Verzuimonderzoek gestart"),
    "no_action": _("Geen actie nodig"),
    "no_contact": _("Geen contact gekregen"),
    "duplicate": _("Dubbele zaak"),
}
PUBLIC_STATUS = {STATUS_NEW: "queued"}  # other statuses are shown to the chat client as they are

MAX_TEXT_CHARS = 4000
REFERENCE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O, 1/I: easy to read out on the phone
REFERENCE_LENGTH = 10  # 50 bits from `secrets`

TAKEN_NOTICE = _("Een leerplichtambtenaar heeft uw vraag in behandeling genomen. Het antwoord verschijnt hier.")
HANDED_BACK_NOTICE = _(
    "De leerplichtambtenaar heeft het gesprek afgerond. U kunt weer vragen stellen aan de digitale assistent.")
CLOSED_NOTICE = _("Uw vraag is afgehandeld. U kunt weer vragen stellen aan de digitale assistent.")
BEING_HANDLED = _("Een leerplichtambtenaar behandelt uw vraag. Het antwoord verschijnt hier in het gesprek.")

INVALID_TRANSITION = _("Dit kan niet meer: de zaak heeft nu de status '{status}'.")
EMPTY_TEXT = _("Typ eerst een tekst.")
TEXT_TOO_LONG = _("De tekst is te lang (maximaal {max} tekens).")
UNKNOWN_OUTCOME = _("Kies een uitkomst.")
STATUS_LABELS: dict[str, str] = {
    STATUS_NEW: _("Nieuw"),
    STATUS_ASSIGNED: _("In behandeling"),
    STATUS_WAITING_FOR_USER: _("Wacht op reactie gebruiker"),
    STATUS_HANDED_BACK: _("Terug naar assistent"),
    STATUS_CLOSED: _("Gesloten"),
}
PRIORITY_LABELS: dict[str, str] = {
    PRIORITY_URGENT: _("Spoed (veiligheid)"),
    PRIORITY_HIGH: _("Hoog (absoluut verzuim)"),
    PRIORITY_NORMAL: _("Normaal"),
}


class CaseError(Exception):
    """A request the case cannot honour; `message` is a Dutch text for the officer."""

    status_code = 409

    def __init__(self, message: str, **values: object) -> None:
        super().__init__(message)
        self.message = translate(message, "nl", **values)


class CaseNotFound(CaseError):
    status_code = 404

    def __init__(self) -> None:
        super().__init__(_("Deze zaak bestaat niet of u heeft er geen toegang toe."))


class InvalidTransition(CaseError):
    pass


class InvalidInput(CaseError):
    status_code = 422


class ConsentRequired(CaseError):
    status_code = 422

    def __init__(self) -> None:
        super().__init__(_("Zonder toestemming van de gebruiker maken we geen zaak aan."))


@dataclass(frozen=True)
class HandoffInfo:
    """What the chat client is told about the handoff (the `handoff` field of the chat API)."""

    case_id: str
    status: str
    queue_position: int | None
    expected_response: str

    def as_dict(self) -> dict[str, Any]:
        return {"case_id": self.case_id, "status": self.status, "queue_position": self.queue_position,
                "expected_response": self.expected_response}


# --- pure helpers ----------------------------------------------------------------------------------------------


def new_reference() -> str:
    return "LP-" + "".join(secrets.choice(REFERENCE_ALPHABET) for _i in range(REFERENCE_LENGTH))


def _truthy(value: Any) -> bool:
    return value is True or (isinstance(value, str) and value.strip().lower() in ("true", "ja", "yes", "1"))


def priority_for(trigger: str, facts: dict[str, Any] | None = None) -> str:
    """Urgent safety signal > absolute verzuim > the rest. A fact flag can raise the trigger's priority."""
    facts = facts or {}
    candidates = [TRIGGER_PRIORITY.get(trigger, PRIORITY_NORMAL)]
    if _truthy(facts.get("safety_signal")):
        candidates.append(PRIORITY_URGENT)
    if _truthy(facts.get("absolute_verzuim")):
        candidates.append(PRIORITY_HIGH)
    return min(candidates, key=PRIORITY_RANK.__getitem__)


def _clean_value(value: Any) -> Any:
    if isinstance(value, str):
        return value.strip()[:MAX_TEXT_CHARS]
    if value is None or isinstance(value, (bool, int, float)):
        return value
    if isinstance(value, (list, tuple)):
        return [_clean_value(item) for item in list(value)[:50]]
    if isinstance(value, dict):
        return {str(k)[:64]: _clean_value(v) for k, v in list(value.items())[:50]}
    return str(value)[:MAX_TEXT_CHARS]


def clean_facts(facts: dict[str, Any] | None) -> dict[str, Any]:
    """The facts as JSON-safe, bounded data (None and empty values dropped)."""
    return {str(k)[:64]: _clean_value(v) for k, v in (facts or {}).items() if v not in (None, "", [], {})}


def clean_assessment(assessment: dict[str, Any] | None) -> dict[str, Any]:
    """`{"text": ..., "citations": [{"ref", "url"}]}` with only well-formed citations kept."""
    assessment = assessment or {}
    citations = [
        {"ref": str(c["ref"])[:300], "url": str(c["url"])[:500] if c.get("url") else None}
        for c in assessment.get("citations") or []
        if isinstance(c, dict) and c.get("ref")
    ]
    extra = clean_facts({k: v for k, v in assessment.items() if k not in ("text", "citations")})
    return {**extra, "text": str(assessment.get("text") or "")[:MAX_TEXT_CHARS], "citations": citations}


def check_text(text: str) -> str:
    text = (text or "").strip()
    if not text:
        raise InvalidInput(EMPTY_TEXT)
    if len(text) > MAX_TEXT_CHARS:
        raise InvalidInput(TEXT_TOO_LONG, max=MAX_TEXT_CHARS)
    return text


def is_overdue(case: Case, now: datetime) -> bool:
    """An open case whose first officer response is past its due time."""
    return (case.status in OPEN_STATUSES and case.first_response_at is None
            and sla.aware(case.sla_due_at) < sla.aware(now))


def queue_sort_key(case: Case, now: datetime) -> tuple[bool, int, datetime, int]:
    """Overdue first, then priority, then age (oldest first)."""
    return (not is_overdue(case, now), PRIORITY_RANK.get(case.priority, len(PRIORITIES)),
            sla.aware(case.created_at), case.id)


def position_in_queue(case: Case, waiting: Iterable[Case]) -> int:
    """1 + the number of waiting cases ahead of `case` (higher priority, or the same priority and older)."""
    mine = (PRIORITY_RANK[case.priority], sla.aware(case.created_at), case.id)
    return 1 + sum(
        1 for other in waiting
        if other.id != case.id and (PRIORITY_RANK[other.priority], sla.aware(other.created_at), other.id) < mine)


def public_status(case: Case) -> str:
    return PUBLIC_STATUS.get(case.status, case.status)


# --- reading -------------------------------------------------------------------------------------------------


def open_case_for(session: Session, sender_id: str) -> Case | None:
    """The case that currently holds the conversation (the bot is silent while there is one)."""
    return session.scalar(select(Case).where(Case.sender_id == sender_id, Case.status.in_(OPEN_STATUSES))
                          .order_by(Case.id.desc()).limit(1))


def latest_case_for(session: Session, sender_id: str) -> Case | None:
    return session.scalar(select(Case).where(Case.sender_id == sender_id).order_by(Case.id.desc()).limit(1))


def queue_position(session: Session, case: Case) -> int | None:
    """Place in the municipality's queue of cases no officer has taken up yet; None once taken."""
    if case.status != STATUS_NEW:
        return None
    same_municipality = (Case.municipality == case.municipality if case.municipality is not None
                         else Case.municipality.is_(None))
    waiting = session.scalars(select(Case).where(same_municipality, Case.status == STATUS_NEW))
    return position_in_queue(case, waiting)


def handoff_info(session: Session, case: Case, now: datetime | None = None) -> HandoffInfo:
    now = now or utcnow()
    if case.status == STATUS_NEW:
        hours = sla.office_hours_for(case.municipality)
        due = sla.aware(case.sla_due_at)
        text = sla.expected_response(hours, case.priority, now, case.language,
                                     due_at=due if due > sla.aware(now) else None)
    elif case.status in OPEN_STATUSES:
        text = translate(BEING_HANDLED, case.language)
    elif case.status == STATUS_HANDED_BACK:
        text = translate(HANDED_BACK_NOTICE, case.language)
    else:
        text = translate(CLOSED_NOTICE, case.language)
    return HandoffInfo(case.reference, public_status(case), queue_position(session, case), text)


def officer_messages_after(session: Session, sender_id: str, after_id: int = 0, limit: int = 100) -> list[CaseMessage]:
    """Officer and system messages for the conversation with an id above `after_id`, oldest first."""
    return list(session.scalars(
        select(CaseMessage).join(Case, Case.id == CaseMessage.case_id)
        .where(Case.sender_id == sender_id, CaseMessage.id > after_id,
               CaseMessage.author.in_((AUTHOR_OFFICER, AUTHOR_SYSTEM)))
        .order_by(CaseMessage.id).limit(limit)))


def get_case(session: Session, principal: Principal, reference: str) -> Case:
    """The case with `reference` when `principal` may see it; `CaseNotFound` otherwise (also when it exists)."""
    case = session.scalar(select(Case).where(Case.reference == reference))
    if case is None or not can_see_case(principal, case):
        raise CaseNotFound
    return case


def list_cases(session: Session, principal: Principal, *, status: str | None = "open", priority: str | None = None,
               school: str | None = None, municipality: str | None = None, now: datetime | None = None,
               limit: int = 500) -> list[Case]:
    """The queue as `principal` may see it, filtered, overdue first, then priority, then age."""
    now = now or utcnow()
    query = restrict_cases(select(Case), principal)
    if status == "open":
        query = query.where(Case.status.in_(OPEN_STATUSES))
    elif status in STATUSES:
        query = query.where(Case.status == status)
    if priority in PRIORITIES:
        query = query.where(Case.priority == priority)
    if school:
        wanted = school.strip().lower()
        query = query.where(or_(func.lower(Case.school_id) == wanted, func.lower(Case.school_name) == wanted))
    if municipality:
        query = query.where(Case.municipality == municipality) if municipality != "-" else query.where(
            Case.municipality.is_(None))
    cases = list(session.scalars(query.order_by(Case.created_at.desc()).limit(limit)))
    return sorted(cases, key=lambda case: queue_sort_key(case, now))


def schools_in_queue(session: Session, principal: Principal) -> list[str]:
    """School names (or ids) that occur in the cases `principal` may see, for the filter."""
    query = restrict_cases(select(func.coalesce(Case.school_name, Case.school_id)).distinct(), principal)
    return sorted(name for name in session.scalars(query) if name)


# --- changes -------------------------------------------------------------------------------------------------


def _chat_transcript_of(session: Session, sender_id: str, limit: int = 200) -> list[dict[str, Any]]:
    conversation = session.scalar(select(Conversation).where(Conversation.sender_id == sender_id))
    if conversation is None:
        return []
    rows = session.scalars(select(ChatMessage).where(ChatMessage.conversation_id == conversation.id)
                           .order_by(ChatMessage.id.desc()).limit(limit))
    return [{"author": m.author, "text": m.text, "at": sla.aware(m.created_at).isoformat()}
            for m in reversed(list(rows))]


def _clean_transcript(turns: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{"author": str(t.get("author", "user"))[:16], "text": str(t.get("text", ""))[:MAX_TEXT_CHARS],
             "at": str(t.get("at", "") or "")[:40]} for t in list(turns)[-200:] if isinstance(t, dict)]


def open_case(session: Session, *, sender_id: str, trigger: str, facts: dict[str, Any] | None,
              assessment: dict[str, Any] | None, transcript: Sequence[dict[str, Any]] | None = None,
              language: str = "nl", consent: bool, now: datetime | None = None) -> Case:
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
        reference=new_reference(), sender_id=sender_id, municipality=municipality,
        town=town[:64] if isinstance(town, str) else None, school_id=school_id and school_id[:64],
        school_name=school_name and school_name[:200], assigned_officer_id=contact.id if contact else None,
        priority=priority, status=STATUS_NEW, trigger=trigger[:64], language=language, summary=summary,
        assessment=clean_assessment(assessment),
        transcript=_clean_transcript(transcript) if transcript is not None else _chat_transcript_of(session, sender_id),
        consent_at=now, sla_due_at=sla.sla_due_at(sla.office_hours_for(municipality), priority, now),
        created_at=now, updated_at=now,
    )
    session.add(case)
    session.flush()
    audit.record(session, audit.ACTOR_CHAT, "case_opened", "case", case.reference, {
        "trigger": case.trigger, "priority": priority, "municipality": municipality,
        "routed_to_officer": contact.id if contact else None, "sla_due_at": sla.aware(case.sla_due_at).isoformat(),
    })
    insight.sync_case(session, case)
    return case


def _set_status(session: Session, case: Case, status: str, actor: str, action: str, now: datetime,
                **details: Any) -> None:
    before = case.status
    case.status = status
    case.updated_at = now
    audit.record(session, actor, action, "case", case.reference, {"from": before, "to": status, **details})


def _require(case: Case, allowed: Iterable[str]) -> None:
    if case.status not in tuple(allowed):
        raise InvalidTransition(INVALID_TRANSITION, status=translate(STATUS_LABELS[case.status], "nl"))


def _tell_user(session: Session, case: Case, author: str, text: str, officer_id: int | None,
               now: datetime) -> CaseMessage:
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
    _set_status(session, case, STATUS_ASSIGNED if was_new else case.status, principal.actor, "case_taken", now,
                previous_officer=previous)
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
    _set_status(session, case, STATUS_WAITING_FOR_USER, principal.actor, "case_replied", now,
                message_id=message.id)
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
    return session.scalar(select(func.count()).select_from(CaseMessage)
                          .where(CaseMessage.case_id == case.id, CaseMessage.author == AUTHOR_USER)) or 0
