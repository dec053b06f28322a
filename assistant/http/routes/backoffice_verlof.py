"""Verlof requests in the back office: the list (`/backoffice/verlof`), one request with the pre-assessment and
the decision form, and the same as JSON under `/api/backoffice/verlof`.

Who sees what (`assistant.verlof_requests.service.list_for` / `get_for`, built on
`assistant.cases.auth.can_see_school_item`): a school account its own school's requests; an officer the requests of
the municipality that the officer decides (more than 10 school days under art. 14, or an unknown school); an admin
all. A school account sees neither the officer's case reference (it may not open cases) nor the parent's e-mail
address (together with the reference it would open the parent's status and the officer's messages). Who decides:
the school's account for the directeur, an officer of the municipality for the leerplichtambtenaar. A request
someone may not see answers 404, like one that does not exist.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal
from urllib.parse import quote

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import BaseModel, ConfigDict, Field

from assistant.backoffice import security
from assistant.backoffice.security import SignedIn
from assistant.backoffice.views import iso, render
from assistant.cases.auth import Principal
from assistant.db.session import session_scope
from assistant.http.deps import READ_ERRORS, UNSAFE_ERRORS, CsrfCheckedUser, CurrentUser
from assistant.http.responses import VerlofRequestDetail, VerlofRequestList
from assistant.verlof_requests import service
from assistant.verlof_requests.models import VerlofRequest

pages = APIRouter(prefix="/backoffice", include_in_schema=False)
router = APIRouter(prefix="/api/backoffice/verlof", tags=["back office"])

KIND_LABELS = {
    "vakantie": "Vakantieverlof (art. 13a)",
    "gewichtige_omstandigheid": "Gewichtige omstandigheden (art. 14)",
    "religieus": "Religieuze verplichting (art. 13, melding)",
}
STATUS_LABELS = {
    "submitted": "Wacht op beslissing",
    "approved": "Toegestaan",
    "refused": "Geweigerd",
    "notified": "Melding (geen beslissing nodig)",
}
DECIDER_LABELS = {"directeur": "Directeur", "leerplichtambtenaar": "Leerplichtambtenaar", "none": "Niemand (melding)"}
DONE = {
    "approved": "U heeft het verlof toegestaan. De ouder ziet de beslissing.",
    "refused": "U heeft het verlof geweigerd. De ouder ziet de beslissing en de reden.",
}


def row(request: VerlofRequest, principal: Principal, may_decide: bool = False) -> dict[str, Any]:
    return {
        "reference": request.reference,
        "status": request.status,
        "kind": request.kind,
        "category": request.category,
        "child_name": request.child_name,
        "child_class": request.child_class,
        "school_id": request.school_id,
        "school": request.school_name,
        "home_municipality": request.home_municipality,
        "municipality": request.municipality,
        "start_date": request.start_date.isoformat(),
        "end_date": request.end_date.isoformat(),
        "school_days": request.school_days,
        "school_year": request.school_year,
        "decided_by": request.decided_by,
        "case_reference": request.case_reference if principal.works_cases else None,
        "created_at": iso(request.created_at),
        "may_decide": may_decide,
    }


def detail(request: VerlofRequest, principal: Principal, may_decide: bool) -> dict[str, Any]:
    return {
        **row(request, principal, may_decide),
        "reason": request.reason,
        "employer_statement": request.employer_statement,
        "email": request.email if principal.works_cases else None,
        "allowed": request.allowed,
        "assessment": request.assessment,
        "decision_reason": request.decision_reason,
        "decided_at": iso(request.decided_at),
        "decider_name": request.decider_name,
    }


def _labels() -> dict[str, Any]:
    return {"kind_labels": KIND_LABELS, "verlof_status_labels": STATUS_LABELS, "decider_labels": DECIDER_LABELS}


# --- pages ---------------------------------------------------------------------------------------------------


def _to_login(request: Request) -> RedirectResponse:
    target = request.url.path
    return RedirectResponse(f"/backoffice/login?next={quote(target, safe='')}", status_code=303)


@pages.get("/verlof", response_class=HTMLResponse)
def list_page(request: Request) -> Response:
    signed = security.signed_in(request)
    if signed is None:
        return _to_login(request)
    with session_scope() as session:
        rows = [
            row(item, signed.principal, service.may_decide(signed.principal, item))
            for item in service.list_for(session, signed.principal)
        ]
    return render(request, "verlof.html", signed, requests=rows, **_labels())


def _detail_page(
    request: Request,
    signed: SignedIn,
    reference: str,
    *,
    done: str | None = None,
    error: str | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    with session_scope() as session:
        try:
            item = service.get_for(session, signed.principal, reference)
        except service.RequestNotFound:
            return render(request, "not_found.html", signed, status_code=404)
        data = detail(item, signed.principal, service.may_decide(signed.principal, item))
    return render(
        request,
        "verlof_request.html",
        signed,
        status_code=status_code,
        item=data,
        done=DONE.get(done or ""),
        error=error,
        **_labels(),
    )


@pages.get("/verlof/{reference}", response_class=HTMLResponse)
def detail_page(request: Request, reference: str, done: str | None = None) -> Response:
    signed = security.signed_in(request)
    if signed is None:
        return _to_login(request)
    return _detail_page(request, signed, reference, done=done)


@pages.post("/verlof/{reference}/decide")
def decide_page(
    request: Request,
    reference: str,
    csrf_token: Annotated[str, Form(max_length=128)] = "",
    outcome: Annotated[str, Form(max_length=16)] = "",
    reason: Annotated[str, Form(max_length=4000)] = "",
) -> Response:
    signed = security.signed_in(request)
    if signed is None:
        return _to_login(request)
    if not security.csrf_ok(signed, csrf_token):
        return render(
            request,
            "error.html",
            signed,
            status_code=403,
            title="Niet verstuurd",
            message="Dit formulier is verlopen of niet door u verstuurd. Laad de pagina opnieuw.",
        )
    try:
        with session_scope() as session:
            item = service.decide(session, signed.principal, reference, outcome, reason)
            status = item.status
    except service.RequestNotFound:
        return render(request, "not_found.html", signed, status_code=404)
    except service.DecisionError as error:
        return _detail_page(request, signed, reference, error=error.message, status_code=error.status_code)
    return RedirectResponse(f"/backoffice/verlof/{quote(reference)}?done={status}", status_code=303)


# --- JSON ----------------------------------------------------------------------------------------------------


class DecisionBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    outcome: Literal["approve", "refuse"]
    reason: str | None = Field(default=None, max_length=4000)


@router.get(
    "",
    response_model=VerlofRequestList,
    responses=READ_ERRORS,
    summary="Verlof requests the signed-in user may see (undecided first)",
)
def list_requests(signed: CurrentUser) -> dict[str, Any]:
    with session_scope() as session:
        return {
            "requests": [
                row(item, signed.principal, service.may_decide(signed.principal, item))
                for item in service.list_for(session, signed.principal)
            ]
        }


@router.get(
    "/{reference}",
    response_model=VerlofRequestDetail,
    responses=READ_ERRORS,
    summary="One verlof request with the pre-assessment",
)
def get_request(reference: str, signed: CurrentUser) -> dict[str, Any]:
    with session_scope() as session:
        try:
            item = service.get_for(session, signed.principal, reference)
        except service.RequestNotFound:
            raise HTTPException(404, "Niet gevonden.") from None
        return detail(item, signed.principal, service.may_decide(signed.principal, item))


@router.post(
    "/{reference}/decide",
    response_model=VerlofRequestDetail,
    responses=UNSAFE_ERRORS,
    summary="Approve or refuse (a refusal needs a reason)",
)
def decide(reference: str, body: DecisionBody, signed: CsrfCheckedUser) -> dict[str, Any]:
    try:
        with session_scope() as session:
            item = service.decide(session, signed.principal, reference, body.outcome, body.reason)
            return detail(item, signed.principal, False)
    except service.RequestNotFound:
        raise HTTPException(404, "Niet gevonden.") from None
    except service.DecisionError as error:
        raise HTTPException(error.status_code, error.message) from None
