"""Verlof requests as the parent sees them: found with the reference and the e-mail address or access token
(`find_for_parent`), the status and decision (`parent_view`), how to object (`bezwaar`) and the conversation with
the leerplichtambtenaar."""

from __future__ import annotations

import hashlib
import hmac
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from assistant.cases import service as case_service
from assistant.cases.models import OPEN_STATUSES, Case, CaseMessage
from assistant.i18n import message_from_json, translate
from assistant.knowledge import resolve_citations
from assistant.knowledge.parameters import params
from assistant.privacy.redact import redact
from assistant.verlof_requests.errors import RequestNotFound
from assistant.verlof_requests.models import (
    STATUS_APPROVED,
    STATUS_REFUSED,
    VerlofRequest,
)
from assistant.verlof_requests.texts import BEZWAAR_CITATIONS, BEZWAAR_DIRECTEUR, BEZWAAR_OFFICER, STATUS_TEXTS

# -- the parent's view ----------------------------------------------------------------------------------------------


def find_for_parent(
    session: Session, reference: str, email: str | None = None, token: str | None = None
) -> VerlofRequest:
    """The request when `email` is its parent's address or `token` its access token; RequestNotFound otherwise (also
    for a wrong address or token, and when neither is given)."""
    request = session.scalar(select(VerlofRequest).where(VerlofRequest.reference == (reference or "").strip().upper()))
    given_email = (email or "").strip().lower().encode()
    given_token = token_hash(token).encode() if token else b""
    expected_email = request.email.encode() if request is not None else b"x" * len(given_email)
    expected_token = (request.access_token_hash or "").encode() if request is not None else b"x" * 64
    email_ok = hmac.compare_digest(given_email, expected_email)  # same work whether or not the reference exists
    token_ok = hmac.compare_digest(given_token, expected_token)
    if request is None or not ((given_email and email_ok) or (given_token and token_ok)):
        raise RequestNotFound
    return request


def bezwaar(request: VerlofRequest, language: str = "nl") -> dict[str, Any] | None:
    """How to object to the decision (Awb 6:7): to whoever decided, within six weeks."""
    if request.status not in (STATUS_APPROVED, STATUS_REFUSED) or request.decided_at is None:
        return None
    decided_on = request.decided_at.date()
    law = params(decided_on)
    weeks = law.bezwaar.objection_weeks.value
    if request.decided_by == "leerplichtambtenaar":
        text = translate(
            BEZWAAR_OFFICER,
            language,
            municipality=request.home_municipality,
            date=decided_on,
            max=law.verlof.gewichtig_director_max_school_days.value,
            weeks=weeks,
        )
    else:
        text = translate(BEZWAAR_DIRECTEUR, language, school=request.school_name, date=decided_on, weeks=weeks)
    return {
        "text": text,
        "deadline_weeks": weeks,
        "citations": [c.model_dump() for c in resolve_citations(BEZWAAR_CITATIONS)],
    }


class ConversationClosed(ValueError):
    """The parent wrote, but no officer conversation is open on the request."""


def officer_case_of(session: Session, request: VerlofRequest) -> Case | None:
    if not request.case_reference:
        return None
    return session.scalar(select(Case).where(Case.reference == request.case_reference))


def parent_conversation(session: Session, request: VerlofRequest) -> dict[str, Any] | None:
    """The messages between the parent and the leerplichtambtenaar on this request (never the internal notes), and
    whether the parent can write; None when no officer handles it."""
    case = officer_case_of(session, request)
    if case is None:
        return None
    messages = session.scalars(select(CaseMessage).where(CaseMessage.case_id == case.id).order_by(CaseMessage.id))
    return {
        "case_reference": case.reference,
        "can_reply": case.status in OPEN_STATUSES,
        "messages": [
            {
                "id": m.id,
                "author": m.author,
                "text": m.text,
                "created_at": case_service.sla.aware(m.created_at).isoformat(),
            }
            for m in messages
        ],
    }


def add_parent_message(session: Session, request: VerlofRequest, text: str, now: datetime | None = None) -> None:
    """A message from the parent to the officer, redacted like a chat message; ConversationClosed when no officer
    conversation is open."""
    case = officer_case_of(session, request)
    if case is None or case.status not in OPEN_STATUSES:
        raise ConversationClosed
    case_service.add_user_message(session, case, case_service.check_text(redact(text).text), now)


def parent_view(request: VerlofRequest, language: str | None = None) -> dict[str, Any]:
    language = language or request.language
    decision = None
    if request.status in (STATUS_APPROVED, STATUS_REFUSED):
        decision = {
            "outcome": "approved" if request.status == STATUS_APPROVED else "refused",
            "reason": request.decision_reason,
            "decided_by": request.decided_by,
            "decided_at": request.decided_at.isoformat() if request.decided_at else None,
        }
    return {
        "reference": request.reference,
        "status": request.status,
        "status_text": translate(STATUS_TEXTS[request.status], language),
        "kind": request.kind,
        "category": request.category,
        "child_name": request.child_name,
        "school": request.school_name,
        "start_date": request.start_date.isoformat(),
        "end_date": request.end_date.isoformat(),
        "school_days": request.school_days,
        "school_year": request.school_year,
        "decided_by": request.decided_by,
        "problems": [
            {key: value for key, value in problem.items() if key != "source"}
            | {"message": _problem_text(problem, language)}
            for problem in request.assessment.get("problems", [])
        ],
        "decision": decision,
        "bezwaar": bezwaar(request, language),
        "created_at": request.created_at.isoformat(),
    }


def _problem_text(problem: dict[str, Any], language: str) -> str:
    """A stored problem in `language`; requests stored before `source` existed have only the Dutch message."""
    try:
        return translate(message_from_json(problem["source"]), language)
    except (KeyError, ValueError, TypeError):
        return translate(problem["message"], language)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
