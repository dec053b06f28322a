"""Erasure through the back-office JSON API (admins and officers), next to `assistant erase` on the command line.

- `DELETE /api/backoffice/conversations/{sender_id}`: the conversation of that sender id, with all its cases.
- `POST /api/backoffice/cases/{reference}/erase`: the conversation behind that case, with all cases of its sender.
- `POST /api/backoffice/verlof/{reference}/erase`: a verlof request with the conversation it was made in (or, when it
  came through the API, with the officer's case on it).

Both need the session's CSRF token (`X-CSRF-Token`), like every unsafe back-office call. An officer may only erase
conversations whose cases and verlof requests are all in their own municipality; anything else answers 404, like a
case that does not exist. School accounts: 404. The erasure is audited (`assistant.privacy.erasure`).
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Path
from starlette.concurrency import run_in_threadpool

from assistant.backoffice.security import SignedIn
from assistant.http.deps import UNSAFE_ERRORS, CsrfCheckedUser
from assistant.http.responses import ErasureOut
from assistant.http.schemas import ErrorResponse
from assistant.privacy import erasure

router = APIRouter(prefix="/api/backoffice", tags=["back office"])

NOTHING_TO_ERASE = "Dit gesprek of deze zaak bestaat niet of u heeft er geen toegang toe."
_ERRORS: dict[int | str, dict[str, Any]] = {
    **UNSAFE_ERRORS,
    404: {"model": ErrorResponse, "description": NOTHING_TO_ERASE},
}
SENDER_ID = Path(min_length=1, max_length=128, pattern=r"^[A-Za-z0-9_.:\-]+$")
REFERENCE = Path(min_length=3, max_length=16, pattern=r"^[A-Za-z0-9\-]+$")


async def _erase(
    signed: SignedIn,
    *,
    sender_id: str | None = None,
    case_reference: str | None = None,
    verlof_reference: str | None = None,
) -> dict[str, Any]:
    principal = signed.principal
    if not principal.works_cases:
        raise HTTPException(404, NOTHING_TO_ERASE)
    try:
        result = await run_in_threadpool(
            lambda: erasure.erase(
                sender_id=sender_id,
                case_reference=case_reference,
                verlof_reference=verlof_reference,
                actor=principal.actor,
                principal=principal,
                via="api",
            )
        )
    except erasure.NothingToErase as error:
        raise HTTPException(404, NOTHING_TO_ERASE) from error
    return {"erased": result.as_dict()}


@router.delete(
    "/conversations/{sender_id}",
    response_model=ErasureOut,
    responses=_ERRORS,
    summary="Erase a conversation everywhere (chat, cases, Rasa tracker)",
)
async def erase_conversation(signed: CsrfCheckedUser, sender_id: str = SENDER_ID) -> dict[str, Any]:
    return await _erase(signed, sender_id=sender_id)


@router.post(
    "/cases/{reference}/erase",
    response_model=ErasureOut,
    responses=_ERRORS,
    summary="Erase the conversation behind a case everywhere (all cases of its sender)",
)
async def erase_case(signed: CsrfCheckedUser, reference: str = REFERENCE) -> dict[str, Any]:
    return await _erase(signed, case_reference=reference)


@router.post(
    "/verlof/{reference}/erase",
    response_model=ErasureOut,
    responses=_ERRORS,
    summary="Erase a verlof request with the conversation it was made in",
)
async def erase_verlof_request(signed: CsrfCheckedUser, reference: str = REFERENCE) -> dict[str, Any]:
    return await _erase(signed, verlof_reference=reference)
