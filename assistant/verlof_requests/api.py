"""`POST /api/verlof/requests` (store a request) and `GET /api/verlof/requests/{reference}?email=…` (its status).

- 201 with the reference (VL-…, not guessable), the school days, who decides and the pre-assessment.
- 422 `{"detail": "Het veld 'x' is niet geldig: …", "field": "x", "code": "…"}` for the first field that is wrong,
  including what the law does not allow as asked (more than 10 school days of vacation leave, vacation leave twice in a
  school year, the first two lesweken, a date in the past): nothing is stored.
- The status needs the parent's e-mail address as a second factor; a wrong address answers 404, exactly like an
  unknown reference. After the decision the answer says how to object (bezwaar within 6 weeks, Awb 6:7).
- Both are rate-limited per client address (VERLOF_REQUEST_RATE_LIMIT, VERLOF_STATUS_RATE_LIMIT): 429 with
  Retry-After. Each stored request can open an officer case, and each look-up is a guess at a reference.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field, field_validator

from assistant.api.verlof import document_known_values, iso_date_text
from assistant.chat.routes import RETRY_AFTER, require_json
from assistant.chat.schemas import ErrorResponse
from assistant.clock import today as _today
from assistant.db.session import session_scope
from assistant.errors import INVALID_FIELD
from assistant.i18n import _, best_match, normalise_language, translate
from assistant.rate_limits import per_client_address
from assistant.verlof_requests import service

router = APIRouter(prefix="/api/verlof", tags=["verlof"])
NOT_FOUND = _("We kunnen deze aanvraag niet vinden. Controleer het kenmerk en het e-mailadres.")
_ERRORS: dict[int | str, dict[str, Any]] = {
    **{code: {"model": ErrorResponse} for code in (400, 404, 413, 415, 422)},
    429: {"model": ErrorResponse, "headers": RETRY_AFTER,
          "description": "Too many requests from this address; retry after `Retry-After` seconds."},
}


class VerlofRequestBody(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra=document_known_values)

    kind: Literal["vakantie", "gewichtige_omstandigheid", "religieus"]
    category: str | None = Field(default=None, max_length=40, examples=["huwelijk"])
    start_date: date = Field(examples=["2026-10-05"])
    end_date: date = Field(description="Last day, inclusive.", examples=["2026-10-09"])
    child_name: str = Field(min_length=1, max_length=200)
    child_class: str = Field(min_length=1, max_length=100, examples=["groep 5"])
    school: str | None = Field(default=None, max_length=200, description="School name as the parent writes it.")
    school_id: str | None = Field(default=None, max_length=64, pattern=r"^[A-Za-z0-9_.:\-]+$",
                                  description="A school id from the registry (DUO vestigingscode or seed id).")
    home_municipality: str = Field(min_length=1, max_length=80, examples=["Borne"])
    reason: str = Field(min_length=1, max_length=4000)
    employer_statement: bool | None = Field(default=None, description="Vacation leave: a statement of the "
                                            "employer (or an own statement for the self-employed) is there.")
    email: str = Field(min_length=3, max_length=254)
    language: str | None = Field(default=None, max_length=8)

    _iso_dates = field_validator("start_date", "end_date", mode="before")(iso_date_text)


def _language(request: Request, given: str | None = None) -> str:
    return normalise_language(given) if given else best_match(request.headers.get("accept-language"))


def refused_response(error: service.RequestRefused, language: str) -> JSONResponse:
    detail = translate(INVALID_FIELD, language, field=error.field, reason=error.message(language))
    return JSONResponse({"detail": detail, "field": error.field, "code": error.code}, status_code=422)


@router.post("/requests", status_code=201, responses=_ERRORS,
             dependencies=[Depends(require_json), Depends(per_client_address("verlof-request",
                                                                             "verlof_request_rate_limit"))],
             summary="Submit a leave request (verlof) for a pupil")
def create_request(body: VerlofRequestBody, request: Request) -> Any:
    language = _language(request, body.language)
    data = service.RequestData(
        kind=body.kind, category=body.category, start_date=body.start_date, end_date=body.end_date,
        child_name=body.child_name, child_class=body.child_class, school=body.school, school_id=body.school_id,
        home_municipality=body.home_municipality, reason=body.reason, employer_statement=body.employer_statement,
        email=body.email, language=language)
    try:
        with session_scope() as session:
            stored = service.submit(session, data, today=_today(), actor="api")
            view = service.parent_view(stored, language)
    except service.RequestRefused as error:
        return refused_response(error, language)
    return view


@router.get("/requests/{reference}", responses=_ERRORS,
            dependencies=[Depends(per_client_address("verlof-status", "verlof_status_rate_limit"))],
            summary="The status of a leave request (needs the e-mail)")
def get_request(reference: str, request: Request, email: str = Query(min_length=3, max_length=254),
                language: str | None = Query(default=None, max_length=8)) -> dict[str, Any]:
    language = _language(request, language)
    try:
        with session_scope() as session:
            found = service.find_for_parent(session, reference[:32], email)
            return service.parent_view(found, language)
    except service.RequestNotFound:
        raise HTTPException(404, translate(NOT_FOUND, language)) from None
