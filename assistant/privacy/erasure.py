"""Erasure ("recht op vergetelheid", AVG art. 17): remove one conversation everywhere, now.

Given a sender id or a case reference, this deletes the conversation and its chat messages, every case of that
sender with its messages and notes, and the sender's events in Rasa's tracker store. It writes one audit record:
who, when, what (counts and case references) and a keyed fingerprint of the sender id (HMAC with `SECRET_KEY`), so
an auditor holding the sender id can confirm it was erased while the log itself holds no identifier or text.

Officers may erase only conversations whose cases all belong to their municipality; anything else is reported as
"not found", exactly like the rest of the back office. Earlier audit records of the erased cases stay (the audit log
is append-only and holds ids, statuses and counts, never personal text).
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from assistant.cases import audit
from assistant.cases.auth import Principal, can_see_case
from assistant.cases.models import Case
from assistant.db.models import Conversation
from assistant.db.session import session_scope
from assistant.privacy.retention import delete_cases, delete_conversations, delete_tracker_events, tracker_connection
from assistant.settings import Settings, get_settings


class NothingToErase(LookupError):
    """No such conversation or case, or none the principal may erase."""


@dataclass
class ErasureResult:
    fingerprint: str
    conversations: int = 0
    chat_messages: int = 0
    cases: int = 0
    case_messages: int = 0
    case_notes: int = 0
    tracker_events: int = 0
    case_references: list[str] = field(default_factory=list)

    @property
    def found(self) -> bool:
        return bool(self.conversations or self.cases or self.tracker_events)

    def as_dict(self) -> dict[str, object]:
        return {"fingerprint": self.fingerprint, "conversations": self.conversations,
                "chat_messages": self.chat_messages, "cases": self.cases, "case_messages": self.case_messages,
                "case_notes": self.case_notes, "tracker_events": self.tracker_events,
                "case_references": list(self.case_references)}

    def summary(self) -> str:
        cases = f" ({', '.join(self.case_references)})" if self.case_references else ""
        return (f"erased conversation {self.fingerprint}: {self.conversations} conversation "
                f"({self.chat_messages} messages), {self.cases} cases{cases} ({self.case_messages} messages, "
                f"{self.case_notes} notes), {self.tracker_events} tracker events")


def fingerprint(sender_id: str, settings: Settings) -> str:
    """A keyed, non-reversible stand-in for the sender id in the audit log."""
    digest = hmac.new(settings.secret_key.get_secret_value().encode(), sender_id.encode(), hashlib.sha256)
    return "hmac-sha256:" + digest.hexdigest()[:32]


def _erase_sender(session: Session, sender_id: str, settings: Settings) -> ErasureResult:
    result = ErasureResult(fingerprint(sender_id, settings))
    conversation_ids = list(session.scalars(select(Conversation.id).where(Conversation.sender_id == sender_id)))
    result.conversations, result.chat_messages = delete_conversations(session, conversation_ids)
    cases = list(session.execute(select(Case.id, Case.reference).where(Case.sender_id == sender_id)
                                 .order_by(Case.id)))
    result.cases, result.case_messages, result.case_notes = delete_cases(session, [cid for cid, _r in cases])
    result.case_references = [reference for _cid, reference in cases]
    with tracker_connection(session, settings) as tracker:
        if tracker is not None:
            result.tracker_events = delete_tracker_events(tracker, [sender_id])
    return result


def _may_erase(session: Session, principal: Principal, sender_id: str) -> bool:
    """Admins: anything. Officers: a conversation with at least one case, every case in their municipality."""
    if principal.is_admin:
        return True
    cases = list(session.scalars(select(Case).where(Case.sender_id == sender_id)))
    return bool(cases) and all(can_see_case(principal, case) for case in cases)


def erase(*, sender_id: str | None = None, case_reference: str | None = None, actor: str = audit.ACTOR_SYSTEM,
          principal: Principal | None = None, via: str = "cli", settings: Settings | None = None) -> ErasureResult:
    """Erase the conversation of `sender_id`, or of the case `case_reference` (with all cases of its sender).

    `principal`: the back-office user asking (None for the command line, which may erase anything).
    Raises `NothingToErase` when there is nothing (the principal may erase).
    """
    if (sender_id is None) == (case_reference is None):
        raise ValueError("give either a sender id or a case reference")
    settings = settings or get_settings()
    with session_scope() as session:
        if case_reference is not None:
            case = session.scalar(select(Case).where(Case.reference == case_reference.strip().upper()))
            if case is None or (principal is not None and not can_see_case(principal, case)):
                raise NothingToErase(case_reference)
            sender_id = case.sender_id
        assert sender_id is not None
        if principal is not None and not _may_erase(session, principal, sender_id):
            raise NothingToErase(sender_id)
        result = _erase_sender(session, sender_id, settings)
        if not result.found:
            raise NothingToErase(sender_id)  # rolls back: nothing changed, nothing to audit
        audit.record(session, actor, "erase", "conversation", result.fingerprint, {
            "requested_by": "case_reference" if case_reference is not None else "sender_id", "via": via,
            **{k: v for k, v in result.as_dict().items() if k != "fingerprint"},
        })
        return result
