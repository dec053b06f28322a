"""`POST /api/verlof/requests` (store a request), `GET /api/verlof/requests/{reference}` (its status and the
officer's messages) and `POST /api/verlof/requests/{reference}/messages` (the parent writes to the officer).

- 201 with the reference (VL-…, not guessable), the school days, who decides, the pre-assessment and an
  `access_token`: shown once, never stored in clear (only its SHA-256).
- 422 `{"detail": "Het veld 'x' is niet geldig: …", "field": "x", "code": "…"}` for the first field that is wrong,
  including what the law does not allow as asked (more than 10 school days of vacation leave, vacation leave twice in a
  school year, the first two lesweken, a date in the past): nothing is stored.
- The status needs a second factor next to the reference: the parent's e-mail address (`?email=`, or `email` in the
  body of a message) or the access token (`Authorization: Bearer …`). A wrong address or token answers 404, exactly
  like an unknown reference. After the decision the answer says how to object (bezwaar within 6 weeks, Awb 6:7).
- When the leerplichtambtenaar decides, the answer holds the messages between the parent and the officer
  (`conversation`); the parent answers with `POST …/messages` while the officer's conversation is open (409 when it
  is not). This is the only way into that thread: the chat API refuses its sender id.
- Both are rate-limited per client address (VERLOF_REQUEST_RATE_LIMIT, VERLOF_STATUS_RATE_LIMIT): 429 with
  Retry-After. Each stored request can open an officer case, and each look-up is a guess at a reference.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, ConfigDict, Field, field_validator

from assistant.cases.policy import InvalidInput
from assistant.conversations.validation import TOO_LONG, normalise_message, problem_with_message
from assistant.db.session import session_scope
from assistant.http.deps import JSON_BODY, SessionDep, Today
from assistant.http.errors import INVALID_FIELD
from assistant.http.rate_limits import per_client_address
from assistant.http.responses import ParentMessages, VerlofRequestCreated, VerlofRequestStatus
from assistant.http.schemas import RETRY_AFTER, ErrorResponse, document_known_values, iso_date_text
from assistant.i18n import _, best_match, normalise_language, translate
from assistant.verlof_requests import service

router = APIRouter(prefix="/api/verlof", tags=["verlof"])
NOT_FOUND = _("We kunnen deze aanvraag niet vinden. Controleer het kenmerk en het e-mailadres.")
NO_SECOND_FACTOR = _(
    "Geef het e-mailadres mee waarmee u de aanvraag deed, of de toegangscode die u bij het versturen kreeg."
)
CONVERSATION_CLOSED = _(
    "Over deze aanvraag is nu geen gesprek met de leerplichtambtenaar. U kunt hier dus geen bericht sturen."
)
MAX_MESSAGE_CHARS = 4000
_ERRORS: dict[int | str, dict[str, Any]] = {
    **{code: {"model": ErrorResponse} for code in (400, 404, 413, 415, 422)},
    429: {
        "model": ErrorResponse,
        "headers": RETRY_AFTER,
        "description": "Too many requests from this address; retry after `Retry-After` seconds.",
    },
}
_bearer = HTTPBearer(auto_error=False, description="The access token from the answer to POST /api/verlof/requests.")


class VerlofRequestBody(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra=document_known_values)

    kind: Literal["vakantie", "gewichtige_omstandigheid", "religieus"]
    category: str | None = Field(default=None, max_length=40, examples=["huwelijk"])
    start_date: date = Field(examples=["2026-10-05"])
    end_date: date = Field(description="Last day, inclusive.", examples=["2026-10-09"])
    child_name: str = Field(min_length=1, max_length=200)
    child_class: str = Field(min_length=1, max_length=100, examples=["groep 5"])
    school: str | None = Field(default=None, max_length=200, description="School name as the parent writes it.")
    school_id: str | None = Field(
        default=None,
        max_length=64,
        pattern=r"^[A-Za-z0-9_.:\-]+$",
        description="A school id from the registry (DUO vestigingscode or seed id).",
    )
    home_municipality: str = Field(min_length=1, max_length=80, examples=["Borne"])
    reason: str = Field(min_length=1, max_length=4000)
    employer_statement: bool | None = Field(
        default=None,
        description="Vacation leave: a statement of the employer (or an own statement for the self-employed) is there.",
    )
    email: str = Field(min_length=3, max_length=254)
    language: str | None = Field(default=None, max_length=8)

    _iso_dates = field_validator("start_date", "end_date", mode="before")(iso_date_text)


def _language(request: Request, given: str | None = None) -> str:
    return normalise_language(given) if given else best_match(request.headers.get("accept-language"))


def refused_response(error: service.RequestRefused, language: str) -> JSONResponse:
    detail = translate(INVALID_FIELD, language, field=error.field, reason=error.message(language))
    return JSONResponse({"detail": detail, "field": error.field, "code": error.code}, status_code=422)


@router.post(
    "/requests",
    status_code=201,
    response_model=VerlofRequestCreated,
    responses=_ERRORS,
    dependencies=[JSON_BODY, Depends(per_client_address("verlof-request", "verlof_request_rate_limit"))],
    summary="Submit a leave request (verlof) for a pupil",
)
def create_request(body: VerlofRequestBody, request: Request, today: Today) -> Any:
    language = _language(request, body.language)
    data = service.RequestData(
        kind=body.kind,
        category=body.category,
        start_date=body.start_date,
        end_date=body.end_date,
        child_name=body.child_name,
        child_class=body.child_class,
        school=body.school,
        school_id=body.school_id,
        home_municipality=body.home_municipality,
        reason=body.reason,
        employer_statement=body.employer_statement,
        email=body.email,
        language=language,
    )
    token = service.new_access_token()
    try:
        with session_scope() as session:
            stored = service.submit(session, data, today=today, actor="api", access_token=token)
            view = {
                **service.parent_view(stored, language),
                "access_token": token,
                "conversation": service.parent_conversation(session, stored),
            }
    except service.RequestRefused as error:
        return refused_response(error, language)
    return view


def _token(credentials: HTTPAuthorizationCredentials | None) -> str | None:
    return credentials.credentials[:128] if credentials is not None else None


def _find(session: Any, reference: str, email: str | None, token: str | None, language: str) -> Any:
    if not email and not token:
        raise HTTPException(422, translate(NO_SECOND_FACTOR, language))
    try:
        return service.find_for_parent(session, reference[:32], email, token)
    except service.RequestNotFound:
        raise HTTPException(404, translate(NOT_FOUND, language)) from None


@router.get(
    "/requests/{reference}",
    response_model=VerlofRequestStatus,
    responses=_ERRORS,
    dependencies=[Depends(per_client_address("verlof-status", "verlof_status_rate_limit"))],
    summary="The status of a leave request and the officer's messages (needs the e-mail or the token)",
)
def get_request(
    reference: str,
    request: Request,
    session: SessionDep,
    email: str | None = Query(default=None, min_length=3, max_length=254),
    language: str | None = Query(default=None, max_length=8),
    credentials: HTTPAuthorizationCredentials | None = Depends(_bearer),
) -> dict[str, Any]:
    language = _language(request, language)
    found = _find(session, reference, email, _token(credentials), language)
    return {**service.parent_view(found, language), "conversation": service.parent_conversation(session, found)}


class ParentMessageBody(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, max_length=MAX_MESSAGE_CHARS)
    email: str | None = Field(
        default=None,
        min_length=3,
        max_length=254,
        description="The parent's e-mail address (or send the access token as a bearer token).",
    )
    language: str | None = Field(default=None, max_length=8)


@router.post(
    "/requests/{reference}/messages",
    status_code=201,
    response_model=ParentMessages,
    responses={**_ERRORS, 409: {"model": ErrorResponse}},
    dependencies=[JSON_BODY, Depends(per_client_address("verlof-status", "verlof_status_rate_limit"))],
    summary="The parent writes to the leerplichtambtenaar",
)
def post_message(
    reference: str,
    body: ParentMessageBody,
    request: Request,
    session: SessionDep,
    credentials: HTTPAuthorizationCredentials | None = Depends(_bearer),
) -> dict[str, Any]:
    language = _language(request, body.language)
    problem = problem_with_message(normalise_message(body.text), MAX_MESSAGE_CHARS)
    if problem:
        raise HTTPException(422, translate(problem, language, limit=MAX_MESSAGE_CHARS))
    found = _find(session, reference, body.email, _token(credentials), language)
    try:
        service.add_parent_message(session, found, body.text)
    except service.ConversationClosed:
        raise HTTPException(409, translate(CONVERSATION_CLOSED, language)) from None
    except InvalidInput:  # longer than allowed once normalised
        raise HTTPException(422, translate(TOO_LONG, language, limit=MAX_MESSAGE_CHARS)) from None
    return {"conversation": service.parent_conversation(session, found)}
