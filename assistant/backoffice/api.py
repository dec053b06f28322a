"""The back-office JSON API (`/api/backoffice/...`): the same session cookie, the same authorisation as the pages.

Unsafe methods need the session's CSRF token in the `X-CSRF-Token` header (`GET /api/backoffice/session` gives it).
Without a session: 401. A case the user may not see: 404, the same answer as for a case that does not exist.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, Literal

from fastapi import APIRouter, BackgroundTasks, Depends, HTTPException, Query, Request
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.orm import Session

from assistant.backoffice import security
from assistant.backoffice.security import CSRF_HEADER, SignedIn
from assistant.backoffice.views import case_detail, case_rows
from assistant.cases import service
from assistant.cases.auth import Principal
from assistant.cases.email_notice import notify_officer_reply
from assistant.cases.models import Case
from assistant.chat.schemas import ErrorResponse
from assistant.db.base import utcnow
from assistant.db.session import session_scope

router = APIRouter(prefix="/api/backoffice", tags=["back office"])

NOT_SIGNED_IN = "U bent niet ingelogd."
CSRF_MISSING = "De CSRF-token ontbreekt of klopt niet (header X-CSRF-Token)."
READ_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorResponse, "description": NOT_SIGNED_IN},
    404: {"model": ErrorResponse, "description": "Not found, or not visible to the signed-in user."},
    422: {"model": ErrorResponse, "description": "A parameter or field is not valid."},
}
# Unsafe methods: also the CSRF token (403) and a state that does not allow the action (409).
UNSAFE_ERRORS: dict[int | str, dict[str, Any]] = {
    **READ_ERRORS,
    403: {"model": ErrorResponse, "description": CSRF_MISSING + " Or: the signed-in user may not do this."},
    409: {"model": ErrorResponse, "description": "The case or request is not in a state that allows this."},
}


def require_user(request: Request) -> SignedIn:
    signed = security.signed_in(request)
    if signed is None:
        raise HTTPException(401, NOT_SIGNED_IN)
    return signed


def require_csrf(request: Request, signed: SignedIn = Depends(require_user)) -> SignedIn:
    if not security.csrf_ok(signed, request.headers.get(CSRF_HEADER)):
        raise HTTPException(403, CSRF_MISSING)
    return signed


class TextBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str = Field(max_length=service.MAX_TEXT_CHARS)


class CloseBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    outcome: Literal["answered", "referred", "investigation", "no_action", "no_contact", "duplicate"]


@router.get("/session", responses=READ_ERRORS, summary="The signed-in user and the CSRF token for unsafe requests")
def whoami(signed: SignedIn = Depends(require_user)) -> dict[str, Any]:
    p = signed.principal
    return {"user": {"id": p.id, "email": p.email, "display_name": p.display_name, "role": p.role,
                     "municipality": p.municipality, "school_id": p.school_id},
            "csrf_token": signed.csrf_token}


@router.get("/cases", responses=READ_ERRORS, summary="The queue: overdue first, then priority, then age")
def list_cases(signed: SignedIn = Depends(require_user),
               status: Annotated[str, Query(pattern=r"^(open|all|new|assigned|waiting_for_user|handed_back|closed)$")]
               = "open",
               priority: Annotated[str | None, Query(pattern=r"^(urgent|high|normal)$")] = None,
               school: Annotated[str | None, Query(max_length=200)] = None,
               municipality: Annotated[str | None, Query(max_length=64)] = None) -> dict[str, Any]:
    if not signed.principal.works_cases:
        return {"cases": []}
    now = utcnow()
    with session_scope() as session:
        cases = service.list_cases(session, signed.principal, status=None if status == "all" else status,
                                   priority=priority, school=school,
                                   municipality=municipality if signed.principal.is_admin else None, now=now)
        return {"cases": case_rows(session, cases, now)}


def _with_case(signed: SignedIn, reference: str,
               action: Callable[[Session, Case, Principal], Any] | None = None) -> dict[str, Any]:
    now = utcnow()
    try:
        with session_scope() as session:
            case = service.get_case(session, signed.principal, reference)
            if action is not None:
                action(session, case, signed.principal)
                session.flush()
                session.refresh(case)
            return case_detail(session, case, now)
    except service.CaseError as error:
        raise HTTPException(error.status_code, error.message) from error


@router.get("/cases/{reference}", responses=READ_ERRORS, summary="A case with transcript, messages, notes and audit")
def get_case(reference: str, signed: SignedIn = Depends(require_user)) -> dict[str, Any]:
    return _with_case(signed, reference)


@router.post("/cases/{reference}/take", responses=UNSAFE_ERRORS, summary="Take the case up (or over)")
def take(reference: str, signed: SignedIn = Depends(require_csrf)) -> dict[str, Any]:
    return _with_case(signed, reference, lambda s, c, p: service.take(s, c, p))


@router.post("/cases/{reference}/reply", responses=UNSAFE_ERRORS, summary="Send a message into the user's chat")
def reply(reference: str, body: TextBody, background: BackgroundTasks,
          signed: SignedIn = Depends(require_csrf)) -> dict[str, Any]:
    detail = _with_case(signed, reference, lambda s, c, p: service.reply(s, c, p, body.text))
    background.add_task(notify_officer_reply, reference)  # the e-mail notice, after the response
    return detail


@router.post("/cases/{reference}/note", responses=UNSAFE_ERRORS, summary="Add an internal note")
def note(reference: str, body: TextBody, signed: SignedIn = Depends(require_csrf)) -> dict[str, Any]:
    return _with_case(signed, reference, lambda s, c, p: service.add_note(s, c, p, body.text))


@router.post("/cases/{reference}/hand-back", responses=UNSAFE_ERRORS, summary="Hand the conversation back to the bot")
def hand_back(reference: str, signed: SignedIn = Depends(require_csrf)) -> dict[str, Any]:
    return _with_case(signed, reference, lambda s, c, p: service.hand_back(s, c, p))


@router.post("/cases/{reference}/close", responses=UNSAFE_ERRORS, summary="Close the case with an outcome")
def close(reference: str, body: CloseBody, signed: SignedIn = Depends(require_csrf)) -> dict[str, Any]:
    return _with_case(signed, reference, lambda s, c, p: service.close(s, c, p, body.outcome))
