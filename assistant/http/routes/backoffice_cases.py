"""The back-office JSON API (`/api/backoffice/...`): the same session cookie, the same authorisation as the pages.

Unsafe methods need the session's CSRF token in the `X-CSRF-Token` header (`GET /api/backoffice/session` gives it).
Without a session: 401. A case the user may not see: 404, the same answer as for a case that does not exist.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, Literal

from fastapi import APIRouter, BackgroundTasks, HTTPException, Query
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.orm import Session

from assistant.backoffice.security import SignedIn
from assistant.backoffice.views import case_detail, case_rows
from assistant.cases import service
from assistant.cases.auth import Principal
from assistant.cases.email_notice import notify_officer_reply
from assistant.cases.models import Case
from assistant.cases.policy import MAX_TEXT_CHARS
from assistant.db.base import utcnow
from assistant.db.session import session_scope
from assistant.http.deps import READ_ERRORS, UNSAFE_ERRORS, CsrfCheckedUser, CurrentUser
from assistant.http.responses import CaseDetail, CaseList, SessionInfo

router = APIRouter(prefix="/api/backoffice", tags=["back office"])


class TextBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str = Field(max_length=MAX_TEXT_CHARS)


class CloseBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    outcome: Literal["answered", "referred", "investigation", "no_action", "no_contact", "duplicate"]


@router.get(
    "/session",
    response_model=SessionInfo,
    responses=READ_ERRORS,
    summary="The signed-in user and the CSRF token for unsafe requests",
)
def whoami(signed: CurrentUser) -> dict[str, Any]:
    p = signed.principal
    return {
        "user": {
            "id": p.id,
            "email": p.email,
            "display_name": p.display_name,
            "role": p.role,
            "municipality": p.municipality,
            "school_id": p.school_id,
        },
        "csrf_token": signed.csrf_token,
    }


@router.get(
    "/cases",
    response_model=CaseList,
    responses=READ_ERRORS,
    summary="The queue: overdue first, then priority, then age",
)
def list_cases(
    signed: CurrentUser,
    status: Annotated[str, Query(pattern=r"^(open|all|new|assigned|waiting_for_user|handed_back|closed)$")] = "open",
    priority: Annotated[str | None, Query(pattern=r"^(urgent|high|normal)$")] = None,
    school: Annotated[str | None, Query(max_length=200)] = None,
    municipality: Annotated[str | None, Query(max_length=64)] = None,
) -> dict[str, Any]:
    if not signed.principal.works_cases:
        return {"cases": []}
    now = utcnow()
    with session_scope() as session:
        cases = service.list_cases(
            session,
            signed.principal,
            status=None if status == "all" else status,
            priority=priority,
            school=school,
            municipality=municipality if signed.principal.is_admin else None,
            now=now,
        )
        return {"cases": case_rows(session, cases, now)}


def _with_case(
    signed: SignedIn, reference: str, action: Callable[[Session, Case, Principal], Any] | None = None
) -> dict[str, Any]:
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


@router.get(
    "/cases/{reference}",
    response_model=CaseDetail,
    responses=READ_ERRORS,
    summary="A case with transcript, messages, notes and audit",
)
def get_case(reference: str, signed: CurrentUser) -> dict[str, Any]:
    return _with_case(signed, reference)


@router.post(
    "/cases/{reference}/take", response_model=CaseDetail, responses=UNSAFE_ERRORS, summary="Take the case up (or over)"
)
def take(reference: str, signed: CsrfCheckedUser) -> dict[str, Any]:
    return _with_case(signed, reference, lambda s, c, p: service.take(s, c, p))


@router.post(
    "/cases/{reference}/reply",
    response_model=CaseDetail,
    responses=UNSAFE_ERRORS,
    summary="Send a message into the user's chat",
)
def reply(reference: str, body: TextBody, background: BackgroundTasks, signed: CsrfCheckedUser) -> dict[str, Any]:
    detail = _with_case(signed, reference, lambda s, c, p: service.reply(s, c, p, body.text))
    background.add_task(notify_officer_reply, reference)  # the e-mail notice, after the response
    return detail


@router.post(
    "/cases/{reference}/note", response_model=CaseDetail, responses=UNSAFE_ERRORS, summary="Add an internal note"
)
def note(reference: str, body: TextBody, signed: CsrfCheckedUser) -> dict[str, Any]:
    return _with_case(signed, reference, lambda s, c, p: service.add_note(s, c, p, body.text))


@router.post(
    "/cases/{reference}/hand-back",
    response_model=CaseDetail,
    responses=UNSAFE_ERRORS,
    summary="Hand the conversation back to the bot",
)
def hand_back(reference: str, signed: CsrfCheckedUser) -> dict[str, Any]:
    return _with_case(signed, reference, lambda s, c, p: service.hand_back(s, c, p))


@router.post(
    "/cases/{reference}/close",
    response_model=CaseDetail,
    responses=UNSAFE_ERRORS,
    summary="Close the case with an outcome",
)
def close(reference: str, body: CloseBody, signed: CsrfCheckedUser) -> dict[str, Any]:
    return _with_case(signed, reference, lambda s, c, p: service.close(s, c, p, body.outcome))
