"""Erasure ("recht op vergetelheid", AVG art. 17): remove one conversation everywhere, now.

Given a sender id, a case reference or a verlof reference, this deletes every row tied to the conversation:

- the conversation and its chat messages;
- every case of that sender (whatever its status) with its messages and notes;
- every verlof request made in that conversation (child's name, parent's e-mail address, reason), with the officer's
  case on it and that case's thread (sender id `verlof:<reference>`);
- the sender's events in Rasa's tracker store.

A case reference of a verlof request's officer case, or a verlof reference, erases the conversation the request was
made in (or, for a request made through the API, the request with its case). It writes one audit record: who, when,
what (counts and case references) and a keyed fingerprint of the sender id (HMAC with `SECRET_KEY`), so an auditor
holding the sender id can confirm it was erased while the log itself holds no identifier or text.

Officers may erase only what is all in their municipality (every case and every verlof request); anything else is
reported as "not found", exactly like the rest of the back office. Earlier audit records stay: the audit log is
append-only and holds ids, statuses and counts, never personal text (docs/privacy.md).
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import asdict, dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from assistant.cases import audit
from assistant.cases.auth import Principal, can_see_case, can_see_school_item
from assistant.cases.models import Case
from assistant.conversations.sender_ids import verlof_reference, verlof_sender_id
from assistant.db.session import session_scope
from assistant.privacy.retention import (
    Removed,
    delete_senders,
    delete_tracker_events,
    delete_verlof_requests,
    tracker_connection,
)
from assistant.settings import Settings, get_settings
from assistant.verlof_requests.models import VerlofRequest


class NothingToErase(LookupError):
    """No such conversation, case or request, or none the principal may erase."""


@dataclass
class ErasureResult(Removed):
    fingerprint: str = ""
    tracker_events: int = 0

    @property
    def found(self) -> bool:
        return bool(self.conversations or self.cases or self.verlof_requests or self.tracker_events)

    def as_dict(self) -> dict[str, object]:
        return {**asdict(self), "case_references": list(self.case_references)}

    def summary(self) -> str:
        cases = f" ({', '.join(self.case_references)})" if self.case_references else ""
        return (
            f"erased conversation {self.fingerprint}: {self.conversations} conversations "
            f"({self.chat_messages} messages), {self.cases} cases{cases} ({self.case_messages} messages, "
            f"{self.case_notes} notes), {self.verlof_requests} verlof requests, "
            f"{self.tracker_events} tracker events"
        )


def fingerprint(sender_id: str, settings: Settings) -> str:
    """A keyed, non-reversible stand-in for the sender id in the audit log."""
    digest = hmac.new(settings.secret_key.get_secret_value().encode(), sender_id.encode(), hashlib.sha256)
    return "hmac-sha256:" + digest.hexdigest()[:32]


@dataclass(frozen=True)
class Target:
    """What one erasure removes: a chat conversation (`sender_id`) with its requests, or (`sender_id` None) verlof
    requests made through the API."""

    sender_id: str | None
    requests: tuple[VerlofRequest, ...] = field(default_factory=tuple)

    @property
    def key(self) -> str:
        """What the fingerprint is made of: the sender id, or the request's thread id."""
        return self.sender_id or verlof_sender_id(self.requests[0].reference)

    def senders(self) -> list[str]:
        """Sender ids whose conversations and cases go: the chat's and each request's officer thread."""
        return [
            *([self.sender_id] if self.sender_id else []),
            *(verlof_sender_id(request.reference) for request in self.requests),
        ]


def _target_of_sender(session: Session, sender_id: str) -> Target:
    requests = tuple(
        session.scalars(select(VerlofRequest).where(VerlofRequest.sender_id == sender_id).order_by(VerlofRequest.id))
    )
    return Target(sender_id, requests)


def _target_of_request(session: Session, reference: str) -> Target | None:
    request = session.scalar(select(VerlofRequest).where(VerlofRequest.reference == reference.strip().upper()))
    if request is None:
        return None
    return _target_of_sender(session, request.sender_id) if request.sender_id else Target(None, (request,))


def _resolve(
    session: Session, sender_id: str | None, case_reference: str | None, request_reference: str | None
) -> Target | None:
    if request_reference is not None:
        return _target_of_request(session, request_reference)
    if case_reference is not None:
        case = session.scalar(select(Case).where(Case.reference == case_reference.strip().upper()))
        if case is None:
            return None
        sender_id = case.sender_id
    assert sender_id is not None
    thread_of = verlof_reference(sender_id)
    if thread_of is not None:  # the officer's case on a verlof request: the request and where it was made
        return _target_of_request(session, thread_of) or Target(sender_id)
    return _target_of_sender(session, sender_id)


def _may_erase(session: Session, principal: Principal, target: Target) -> bool:
    """Admins: anything. Officers: something with at least one case or request, all in their municipality."""
    if principal.is_admin:
        return True
    cases = list(session.scalars(select(Case).where(Case.sender_id.in_(target.senders()))))
    return (
        bool(cases or target.requests)
        and all(can_see_case(principal, case) for case in cases)
        and all(can_see_school_item(principal, request) for request in target.requests)
    )


def _erase_target(session: Session, target: Target, settings: Settings) -> ErasureResult:
    result = ErasureResult(fingerprint=fingerprint(target.key, settings))
    delete_verlof_requests(session, [(request.id, request.reference) for request in target.requests], result)
    delete_senders(session, target.senders(), result)
    with tracker_connection(session, settings) as tracker:
        if tracker is not None:
            result.tracker_events = delete_tracker_events(tracker, target.senders())
    return result


def erase(
    *,
    sender_id: str | None = None,
    case_reference: str | None = None,
    verlof_reference: str | None = None,
    actor: str = audit.ACTOR_SYSTEM,
    principal: Principal | None = None,
    via: str = "cli",
    settings: Settings | None = None,
) -> ErasureResult:
    """Erase the conversation of `sender_id`, of the case `case_reference` (with all cases of its sender), or of the
    verlof request `verlof_reference`.

    `principal`: the back-office user asking (None for the command line, which may erase anything).
    Raises `NothingToErase` when there is nothing (the principal may erase).
    """
    given = [value for value in (sender_id, case_reference, verlof_reference) if value is not None]
    if len(given) != 1:
        raise ValueError("give one of: a sender id, a case reference, a verlof reference")
    settings = settings or get_settings()
    with session_scope() as session:
        target = _resolve(session, sender_id, case_reference, verlof_reference)
        if target is None or (principal is not None and not _may_erase(session, principal, target)):
            raise NothingToErase(given[0])
        result = _erase_target(session, target, settings)
        if not result.found:
            raise NothingToErase(given[0])  # rolls back: nothing changed, nothing to audit
        requested_by = (
            "sender_id"
            if sender_id is not None
            else "case_reference"
            if case_reference is not None
            else "verlof_reference"
        )
        audit.record(
            session,
            actor,
            "erase",
            "conversation",
            result.fingerprint,
            {
                "requested_by": requested_by,
                "via": via,
                **{k: v for k, v in result.as_dict().items() if k != "fingerprint"},
            },
        )
        return result
